import SpeechCore

/// Drops the "um"s and "uh"s the decoder itself doubted, and the "uh"s the language model
/// places where an article or other short word belongs.
///
/// The language model is nudged to write hesitations (the hesitation bonus), and in noise it
/// also writes them where it hears nothing it knows. Those guesses carry a low posterior: on 36
/// recordings (dev answers 11–16, three voices, clean and noisy) 13 of the 15 hesitations under
/// 0.1 were wrong, against 8 of the 31 above it. A hesitation carries no content, so dropping a
/// doubtful one costs only a filler count, never a word of the answer. The cut was chosen on six
/// voices, the four benchmark voices and two that no other setting was tuned on (flite awb,
/// festival ked), and checked on a seventh (flite kal); docs/recognizer.md, "Doubtful
/// hesitations".
public enum HesitationFilter {
    /// A model's recognizer.json can set its own (`RecognizerModel.hesitationConfidence`).
    public static let defaultMinimumConfidence = 0.15

    public static func keepConfident(_ words: [RecognizedWord], minimum: Double = defaultMinimumConfidence)
        -> [RecognizedWord] {
        words.filter { !(FillerMerger.hesitations.contains($0.text) && $0.confidence < minimum) }
    }

    /// A model's recognizer.json can set its own (`RecognizerModel.uhContextMargin`).
    public static let defaultUhContextMargin = -0.25

    /// The short words a lone AH is most often mistaken for, and the other way round.
    public static let uhLookalikes = ["a", "the", "that", "and", "of", "it"]

    /// Drops each "uh" that `language` finds out of place: where one of `uhLookalikes`, put in
    /// its stead, makes the words around it more likely by more than `margin` (log10).
    ///
    /// "uh" is a single vowel, the same 50–90 ms AH as an unstressed "a", so the acoustics
    /// hardly separate them; its bonus makes the decoder write "uh" for many articles. Where
    /// people hesitate ("so uh we", "and uh the") the model, trained on spoken answers, rates
    /// "uh" well; before a noun after a verb ("put uh bucket") it rates "a" far higher. Each
    /// candidate is scored with the two words before it (sentence start when there are none)
    /// and the two after it, whose own scores depend on it. The model's probabilities include
    /// the hesitation bonus, so a negative margin still lets "uh" win some close calls.
    public static func keepPlausible(_ words: [RecognizedWord], language: some WordSequenceScoring,
                                     margin: Double) -> [RecognizedWord] {
        let texts = words.map(\.text)
        var keep = [Bool](repeating: true, count: words.count)
        for (i, text) in texts.enumerated() where text == "uh" {
            let before = Array((["<s>"] + texts[..<i].suffix(2)).suffix(2))
            let after = Array(texts[(i + 1)...].prefix(2))
            func score(_ middle: String) -> Double {
                var history = before
                var total = 0.0
                for word in [middle] + after {
                    total += language.log10Probability(of: word, after: history)
                    history = Array((history + [word]).suffix(2))
                }
                return total
            }
            let asUh = score("uh")
            let best = uhLookalikes.map(score).max() ?? -.infinity
            if best - asUh > margin { keep[i] = false }
        }
        return words.indices.filter { keep[$0] }.map { words[$0] }
    }
}

/// A language model as the hesitation check reads it.
public protocol WordSequenceScoring {
    /// log10 P(word | history), history oldest first (at most the model's order minus one used).
    func log10Probability(of word: String, after history: [String]) -> Double
}
