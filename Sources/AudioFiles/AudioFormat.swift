/// What a recording is, as libsndfile reports it.
public struct AudioFormat: Codable, Sendable, Hashable {
    public var sampleRate: Int
    public var channels: Int
    /// Frames the header promises; a truncated file may deliver fewer.
    public var frames: Int64
    /// libsndfile's name for the container and encoding, e.g. "WAV (Microsoft) / Signed 16 bit PCM".
    public var formatName: String

    public init(sampleRate: Int, channels: Int, frames: Int64, formatName: String) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.formatName = formatName
    }

    public var durationSeconds: Double {
        sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0
    }
}

/// The file extensions `rehearse score <folder>` treats as recordings.
public enum RecordingExtensions {
    public static let all: Set<String> = ["wav", "wave", "flac", "ogg", "oga", "aiff", "aif", "au", "w64", "caf"]
}
