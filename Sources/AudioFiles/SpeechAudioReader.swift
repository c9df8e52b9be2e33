/// Reads any recording libsndfile understands and delivers it the way the recognizer needs it:
/// 16 kHz, mono, signed 16-bit. Streams in blocks so a long file never sits in memory whole.
public struct SpeechAudioReader: Sendable {
    public static let speechRate = 16_000

    public let path: String
    public let format: AudioFormat

    public init(path: String) throws(AudioFileError) {
        self.path = path
        self.format = try SoundFile(readingFrom: path).format
    }

    /// What the reader noticed about the audio while streaming it.
    public struct Summary: Sendable, Hashable {
        /// 16 kHz samples delivered.
        public var samples: Int
        /// Share of input samples at full scale (|x| ≥ 0.999): heavy clipping distorts recognition.
        public var clippedFraction: Double
        public var peak: Float
        public var durationSeconds: Double { Double(samples) / Double(SpeechAudioReader.speechRate) }
    }

    /// Calls `body` with consecutive blocks of 16 kHz mono Int16 samples.
    @discardableResult
    public func stream(blockFrames: Int = 16_384, _ body: ([Int16]) throws -> Void) throws -> Summary {
        let file = try SoundFile(readingFrom: path)
        let channels = format.channels
        let resampler = format.sampleRate == Self.speechRate ? nil : try Resampler(from: format.sampleRate, to: Self.speechRate)
        var interleaved: [Float] = []
        var mono = [Float](repeating: 0, count: blockFrames)
        var delivered = 0, clipped = 0, inputSamples = 0
        var peak: Float = 0

        func deliver(_ block: [Float]) throws {
            guard !block.isEmpty else { return }
            try body(block.map(Self.toInt16))
            delivered += block.count
        }

        while true {
            let got: Int
            do { got = try file.readFrames(into: &interleaved, frames: blockFrames) }
            catch { throw error.withPath(path) }
            if got == 0 { break }
            for frame in 0..<got {
                var sum: Float = 0
                for channel in 0..<channels {
                    let sample = interleaved[frame * channels + channel]
                    let magnitude = abs(sample)
                    if magnitude >= 0.999 { clipped += 1 }
                    if magnitude > peak { peak = magnitude }
                    sum += sample
                }
                mono[frame] = sum / Float(channels)
            }
            inputSamples += got * channels
            let block = Array(mono[0..<got])
            do { try deliver(resampler == nil ? block : try resampler!.process(block)) }
            catch let error as AudioFileError { throw error.withPath(path) }
        }
        if let resampler {
            do { try deliver(try resampler.process([], final: true)) }
            catch let error as AudioFileError { throw error.withPath(path) }
        }
        if inputSamples == 0 { throw AudioFileError.noSamples(path: path) }
        return Summary(samples: delivered,
                       clippedFraction: Double(clipped) / Double(inputSamples),
                       peak: peak)
    }

    /// The whole recording at 16 kHz mono; for short clips, tests and drawing waveforms.
    public func readAll() throws -> [Int16] {
        var all: [Int16] = []
        all.reserveCapacity(Int(Double(format.frames) * Double(Self.speechRate) / Double(format.sampleRate)) + 1024)
        try stream { all.append(contentsOf: $0) }
        return all
    }

    static func toInt16(_ x: Float) -> Int16 {
        Int16(max(-32768, min(32767, (x * 32767).rounded())))
    }
}

extension AudioFileError {
    /// Errors raised below the reader don't know the file name; attach it here.
    func withPath(_ path: String) -> AudioFileError {
        switch self {
        case .resamplerFailed(_, let m): return .resamplerFailed(path: path, libraryMessage: m)
        case .readFailed(_, let m): return .readFailed(path: path, libraryMessage: m)
        default: return self
        }
    }
}
