/// Decides when a live answer is over: after some speech, a run of silence as long as the
/// configured limit. Pure Swift on 10 ms frames, using the same `EnergyVAD` as the segmenter,
/// so it can be tested on samples (Debian's PocketSphinx has no endpointer of its own).
public struct Endpointer: Sendable {
    /// Silence after speech that ends the answer.
    public var silenceSeconds: Double
    /// Speech needed before silence can end anything, so a cough does not arm the endpoint.
    public var minimumSpeechSeconds: Double

    public private(set) var speechSeconds = 0.0
    /// Seconds since the last speech frame (0 while speaking, and before any speech).
    public private(set) var trailingSilenceSeconds = 0.0
    /// Time of the end of the last speech frame, from the start of the stream.
    public private(set) var lastSpeechEnd: Double?
    public private(set) var elapsedSeconds = 0.0
    public private(set) var lastLevel = -100.0

    private var vad = EnergyVAD()
    private var partial: [Int16] = []
    private let frameSeconds = Double(EnergyVAD.frameSamples) / Double(SpeechAudio.sampleRate)

    public init(silenceSeconds: Double, minimumSpeechSeconds: Double = 0.3) {
        self.silenceSeconds = silenceSeconds
        self.minimumSpeechSeconds = minimumSpeechSeconds
    }

    public var heardSpeech: Bool { speechSeconds >= minimumSpeechSeconds }
    public var isEndpoint: Bool { heardSpeech && trailingSilenceSeconds >= silenceSeconds }

    /// Feeds 16 kHz mono samples of any count; returns true once the endpoint is reached.
    @discardableResult
    public mutating func append(_ samples: [Int16]) -> Bool {
        partial.append(contentsOf: samples)
        var offset = 0
        while partial.count - offset >= EnergyVAD.frameSamples {
            let frame = partial[offset..<offset + EnergyVAD.frameSamples]
            offset += EnergyVAD.frameSamples
            lastLevel = EnergyVAD.level(frame)
            elapsedSeconds += frameSeconds
            if vad.isSpeech(level: lastLevel) {
                speechSeconds += frameSeconds
                trailingSilenceSeconds = 0
                lastSpeechEnd = elapsedSeconds
            } else if lastSpeechEnd != nil {
                trailingSilenceSeconds += frameSeconds
            }
        }
        partial.removeFirst(offset)
        return isEndpoint
    }
}
