/// What a live take's decoder has heard up to now: the words of closed utterances, final and
/// timed by the recognizer, and the partial guess at the open one. The partial words have no
/// times of their own; they are spread evenly over the open utterance's audio so far, which
/// is close enough for a caption and a pace over several seconds, not for a report.
public struct HeardSoFar: Sendable, Hashable {
    public var settled: [RecognizedWord]
    public var partial: [RecognizedWord]
    /// Seconds of the take the decoder has been given so far.
    public var decodedSeconds: Double

    public init(settled: [RecognizedWord] = [], partial: [RecognizedWord] = [], decodedSeconds: Double = 0) {
        self.settled = settled
        self.partial = partial
        self.decodedSeconds = decodedSeconds
    }

    public var words: [RecognizedWord] { settled + partial }

    /// Partial words spread evenly from `start` to `end` (seconds); confidence 0 marks a guess.
    public static func spread(_ texts: [String], from start: Double, to end: Double) -> [RecognizedWord] {
        guard !texts.isEmpty else { return [] }
        let step = max(0, end - start) / Double(texts.count)
        return texts.enumerated().map { i, text in
            RecognizedWord(text: text, start: start + Double(i) * step, end: start + Double(i + 1) * step, confidence: 0)
        }
    }
}
