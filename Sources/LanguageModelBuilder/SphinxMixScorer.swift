import CPocketSphinx
import PocketSphinx
import Foundation

/// The run-time mix as sphinxbase builds it (`ngram_model_set_init` over the domain and the
/// general model with weights λ and 1 − λ), read outside a decoder so that `StaticMix` can
/// write the same probabilities into one model, and so that tests can compare the two.
///
/// `exponent` is the language weight applied to both models (`ngram_model_apply_weights`):
/// the set adds its weights to each model's *weighted* score, so with weight L it scores
/// log(λ·p_dom^L + (1 − λ)·p_gen^L). At 1 that is linear interpolation; a decoder applies its
/// `-lw` (6.5 by default), which is what the run-time mix really gives the search.
final class SphinxMixScorer {
    let logmath: OpaquePointer
    /// The set the decoder would build (`InterpolatedLanguageModel`), which owns both models.
    private let mix: InterpolatedLanguageModel
    /// [domain, general], each owned by `set`.
    let models: [OpaquePointer]
    let set: OpaquePointer
    let weights: [Double]
    let exponent: Double
    /// The set's vocabulary (the union of both models'), by set word id.
    let words: [String]
    /// For every set word id, the word's id in each model (-1 where the model lacks it).
    let modelWid: [[Int32]]
    /// ln(1.0001): sphinxbase's log base.
    static let lnBase = log(1.0001)

    init(domain: String, general: String, domainWeight: Double, exponent: Double = 1) throws {
        guard let logmath = logmath_init(1.0001, 0, 0) else { throw MixError("logmath_init failed") }
        self.logmath = logmath
        do {
            mix = try InterpolatedLanguageModel(domain: domain, general: general, domainWeight: domainWeight,
                                                config: nil, logmath: logmath)
        } catch {
            logmath_free(logmath)
            throw MixError("\(error)")
        }
        set = mix.handle
        models = [mix.domainModel, mix.generalModel]
        weights = [domainWeight, 1 - domainWeight]
        self.exponent = exponent
        ngram_model_apply_weights(set, Float(exponent), 1)
        let count = Int(ngram_model_get_counts(set)[0])
        var words: [String] = []
        words.reserveCapacity(count)
        for wid in 0..<count { words.append(String(cString: ngram_word(set, Int32(wid)))) }
        self.words = words
        modelWid = models.map { m in words.map { ngram_wid(m, $0) } }
    }

    deinit {
        // The set (with its models) goes with `mix`; the models took their own references to
        // the log-math table, so this one is released here.
        logmath_free(logmath)
    }

    func setWid(_ word: String) -> Int32 { ngram_wid(set, word) }

    /// The set's score of `word` after `history` (set word ids, oldest first) as a natural log,
    /// with the exponent applied (log of λ·p_dom^L + (1 − λ)·p_gen^L).
    func mixScore(_ word: Int32, _ history: Int32...) -> Double { score(set, word, history) }
    func mixScore(_ word: Int32, after history: [Int32]) -> Double { score(set, word, history) }

    /// One model's weighted score (L · ln p), word and history given as *set* word ids; a word
    /// the model lacks scores `-infinity`, and a history stops at the first word it lacks, as
    /// the set does.
    func modelScore(_ model: Int, _ word: Int32, _ history: Int32...) -> Double {
        modelScore(model, word, after: history)
    }

    func modelScore(_ model: Int, _ word: Int32, after history: [Int32]) -> Double {
        let map = modelWid[model]
        let w = map[Int(word)]
        if w < 0 { return -.infinity }
        return score(models[model], w, history.map { map[Int($0)] })
    }

    private func score(_ model: OpaquePointer, _ word: Int32, _ history: [Int32]) -> Double {
        var used: Int32 = 0
        // sphinxbase wants the most recent word first.
        var reversed: (Int32, Int32) = (history.last ?? -1, history.count > 1 ? history[history.count - 2] : -1)
        let raw = withUnsafeMutablePointer(to: &reversed) { p in
            p.withMemoryRebound(to: Int32.self, capacity: 2) { ngram_ng_score(model, word, $0, Int32(history.count), &used) }
        }
        if raw <= logmath_get_zero(logmath) / 2 { return -.infinity }
        return Double(raw) * Self.lnBase
    }

    /// The set's log10 probability of a word sequence's last word after the words before it,
    /// exponent removed (for comparing with a static model).
    func log10Probability(of words: [String]) -> Double {
        let ids = words.map { setWid($0) }
        let s: Double
        switch ids.count {
        case 1: s = mixScore(ids[0])
        case 2: s = mixScore(ids[1], ids[0])
        default: s = mixScore(ids[ids.count - 1], ids[ids.count - 3], ids[ids.count - 2])
        }
        return s / Self.lnBase / exponent * log10(1.0001)
    }
}

/// A single sphinxbase model read on its own, for comparing a static mix with the set.
final class SphinxModel {
    let logmath: OpaquePointer
    let model: OpaquePointer
    init(path: String) throws {
        guard let logmath = logmath_init(1.0001, 0, 0) else { throw MixError("logmath_init failed") }
        guard let model = ngram_model_read(nil, path, NGRAM_AUTO, logmath) else {
            logmath_free(logmath)
            throw MixError("cannot read the language model \(path)")
        }
        self.logmath = logmath
        self.model = model
    }
    deinit { ngram_model_free(model); logmath_free(logmath) }

    /// log10 probability of the last word after the (up to two) words before it.
    func log10Probability(of words: [String]) -> Double {
        let ids = words.map { ngram_wid(model, $0) }
        var used: Int32 = 0
        var history: (Int32, Int32) = (ids.count > 1 ? ids[ids.count - 2] : -1, ids.count > 2 ? ids[ids.count - 3] : -1)
        let n = Int32(min(2, ids.count - 1))
        let raw = withUnsafeMutablePointer(to: &history) { p in
            p.withMemoryRebound(to: Int32.self, capacity: 2) { ngram_ng_score(model, ids[ids.count - 1], $0, n, &used) }
        }
        return logmath_log_to_log10(logmath, raw)
    }
}

struct MixError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
