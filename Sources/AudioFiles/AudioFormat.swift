/// What a recording is, as libsndfile reports it.
public struct AudioFormat: Codable, Sendable, Hashable {
    public var sampleRate: Int
    public var channels: Int
    /// Frames libsndfile will deliver (it trims a truncated file's count to what is there).
    public var frames: Int64
    /// libsndfile's name for the container and encoding, e.g. "WAV (Microsoft) / Signed 16 bit PCM".
    public var formatName: String
    /// The header promises more audio than the file holds (a recording cut off mid-write).
    public var truncated: Bool

    public init(sampleRate: Int, channels: Int, frames: Int64, formatName: String, truncated: Bool = false) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.formatName = formatName
        self.truncated = truncated
    }

    public var durationSeconds: Double {
        sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0
    }
}

/// The file extensions `rehearse score <folder>` treats as recordings.
public enum RecordingExtensions {
    public static let all: Set<String> = ["wav", "wave", "flac", "ogg", "oga", "aiff", "aif", "au", "w64", "caf"]
}
