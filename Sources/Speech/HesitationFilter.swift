/// Drops the "um"s and "uh"s the decoder itself doubted.
///
/// The language model is nudged to write hesitations (the hesitation bonus), and in noise it
/// also writes them where it hears nothing it knows. Those guesses carry a low posterior: on 36
/// recordings (dev answers 11–16, three voices, clean and noisy) 13 of the 15 hesitations under
/// 0.1 were wrong, against 8 of the 31 above it. A hesitation carries no content, so dropping a
/// doubtful one costs only a filler count, never a word of the answer. The cut was re-chosen
/// on all 408 benchmark recordings (docs/language-model.md, "Doubtful hesitations").
public enum HesitationFilter {
    /// A model's recognizer.json can set its own (`RecognizerModel.hesitationConfidence`).
    public static let defaultMinimumConfidence = 0.07

    public static func keepConfident(_ words: [RecognizedWord], minimum: Double = defaultMinimumConfidence)
        -> [RecognizedWord] {
        words.filter { !(FillerMerger.hesitations.contains($0.text) && $0.confidence < minimum) }
    }
}
