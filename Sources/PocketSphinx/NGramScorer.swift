import SpeechCore
import CPocketSphinx

/// Reads word probabilities out of a sphinxbase n-gram model the decoder has loaded
/// (the hesitation check, `HesitationFilter.keepPlausible`). Holds its own reference.
final class NGramScorer: WordSequenceScoring {
    private let model: OpaquePointer
    private let logmath: OpaquePointer
    private let order: Int
    /// The model's `<UNK>` id (or `NGRAM_INVALID_WID` when it has none), looked up once.
    private let unknown: Int32
    /// What a word the model does not know scores (log10); it scores the same in every
    /// sequence compared, so its exact value hardly matters.
    static let unknownWord = -7.0

    init(model: OpaquePointer, logmath: OpaquePointer) {
        self.model = ngram_model_retain(model)
        self.logmath = logmath_retain(logmath)
        order = max(1, Int(ngram_model_get_size(model)))
        unknown = ngram_unknown_wid(model)
    }

    deinit {
        ngram_model_free(model)
        logmath_free(logmath)
    }

    /// The word's id, nil when the model does not know it.
    private func id(of word: String) -> Int32? {
        let id = ngram_wid(model, word)
        return id == NGRAM_INVALID_WID || id == unknown ? nil : id
    }

    func log10Probability(of word: String, after history: [String]) -> Double {
        guard let id = id(of: word) else { return Self.unknownWord }
        // Most recent word first, as sphinxbase wants it; an unknown word ends the history.
        var ids: [Int32] = []
        for previous in history.reversed().prefix(order - 1) {
            guard let pid = self.id(of: previous) else { break }
            ids.append(pid)
        }
        var used: Int32 = 0
        let raw = ids.withUnsafeMutableBufferPointer {
            ngram_ng_prob(model, id, $0.baseAddress, Int32($0.count), &used)
        }
        return logmath_log_to_log10(logmath, raw)
    }
}
