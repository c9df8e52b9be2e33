/// One word as the recognizer heard it. Times are seconds from the start of the recording.
public struct RecognizedWord: Codable, Sendable, Hashable {
    public var text: String
    public var start: Double
    public var end: Double
    /// Posterior probability of the word in [0, 1] from PocketSphinx's lattice.
    public var confidence: Double
    /// For hesitations ("um", "uh"): which pass found it. Nil for ordinary words.
    public var source: FillerSource?

    public init(text: String, start: Double, end: Double, confidence: Double, source: FillerSource? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.confidence = confidence
        self.source = source
    }

    public var duration: Double { end - start }
}

/// Where a hesitation came from: the language-model transcript, the keyword-spotting pass,
/// or both passes at the same time.
public enum FillerSource: String, Codable, Sendable, Hashable {
    case languageModel = "lm"
    case keywordSpotting = "kws"
    case both = "lm+kws"
}

/// A stretch of 16 kHz mono audio the segmenter judged to hold speech.
public struct Utterance: Sendable, Hashable {
    public var samples: [Int16]
    /// Position of `samples[0]` in the whole recording, in samples.
    public var startSample: Int

    public init(samples: [Int16], startSample: Int) {
        self.samples = samples
        self.startSample = startSample
    }

    public var startSeconds: Double { Double(startSample) / Double(SpeechAudio.sampleRate) }
}

public enum SpeechAudio {
    /// The rate the en-us acoustic model was trained at; everything is converted to it first.
    public static let sampleRate = 16_000
}
