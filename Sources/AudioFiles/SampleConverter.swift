/// Turns what a capture device delivers (interleaved 16-bit at any rate and channel count)
/// into the 16 kHz mono 16-bit the recognizer needs. Identity when the device already gives that.
public final class SampleConverter {
    public let inputRate: Int
    public let inputChannels: Int
    private let resampler: Resampler?

    public init(inputRate: Int, inputChannels: Int) throws(AudioFileError) {
        self.inputRate = inputRate
        self.inputChannels = max(1, inputChannels)
        self.resampler = inputRate == SpeechAudioReader.speechRate
            ? nil : try Resampler(from: inputRate, to: SpeechAudioReader.speechRate)
    }

    public var isIdentity: Bool { resampler == nil && inputChannels == 1 }

    /// Converts one block of interleaved frames; may return fewer or more samples than it got
    /// (the resampler holds a little back until `flush`).
    public func convert(_ interleaved: [Int16]) throws(AudioFileError) -> [Int16] {
        if isIdentity { return interleaved }
        let frames = interleaved.count / inputChannels
        var mono = [Float](repeating: 0, count: frames)
        for frame in 0..<frames {
            var sum: Float = 0
            for channel in 0..<inputChannels { sum += Float(interleaved[frame * inputChannels + channel]) }
            mono[frame] = sum / Float(inputChannels) / 32768
        }
        let out = try resampler?.process(mono) ?? mono
        return out.map(SpeechAudioReader.toInt16)
    }

    /// What the resampler still holds at the end of a take.
    public func flush() throws(AudioFileError) -> [Int16] {
        guard let resampler else { return [] }
        return try resampler.process([], final: true).map(SpeechAudioReader.toInt16)
    }
}
