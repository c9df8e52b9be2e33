import Foundation
import SpeechCore

/// One backoff trigram with the probabilities of the run-time mix of the domain and the general
/// model (SRILM's `-mix-lm`, done here because sphinxbase has no such tool).
///
/// Every n-gram either model lists gets the set's own score for it (`SphinxMixScorer`), so on
/// those the static model and the run-time mix agree to sphinxbase's rounding. An n-gram neither
/// lists is reached by backing off, and there the two cannot agree exactly: the mix backs off in
/// each model with that model's weight, λ·bow_dom(h)·p_dom(w|h') + (1 − λ)·bow_gen(h)·p_gen(w|h'),
/// while one model has one weight per history. That weight is chosen so that each history keeps
/// the mix's probability mass over the words not listed after it:
///
///   bow(h) = Σ_{w unlisted after h} p_mix(w|h) / Σ_{w unlisted after h} p_mix(w|h')
///          = (λ·bow_dom(h)·C_dom(h) + (1 − λ)·bow_gen(h)·C_gen(h)) / (λ·C_dom(h) + (1 − λ)·C_gen(h)),
///
/// where C_m(h) is model m's mass at h' over those words. With two normalised models this is
/// (1 − Σ_listed p(w|h)) / (1 − Σ_listed p(w|h')); written as above it stays a weighted mean of
/// the two models' own weights even though the domain model's hesitation and name bonuses leave
/// it summing to more than one.
///
/// With `exponent` L ≠ 1 every probability above is raised to L first (p^L, bow^L) and the
/// result taken to the power 1/L: the model then reproduces what a decoder with language weight
/// L scores through the set, log(λ·p_dom^L + (1 − λ)·p_gen^L), instead of linear interpolation.
///
/// Hesitations ("um", "uh") are the exception in the linear model: each n-gram that predicts one
/// gets what the decoder scores for it through the run-time mix, (1/W)·log(λ·p_dom^W +
/// (1 − λ)·p_gen^W) with W the decoder's language weight (`hesitationWeight`). Their bonus is in
/// the domain model only, and a linear mix would give them λ of it: on the held-out voice the
/// static mix then found fewer hesitations in five conditions of six (docs/recognizer.md).
struct StaticMix {
    /// The decoder's language weight (PocketSphinx's `-lw` default), for the hesitations' scores.
    static let hesitationWeight = 6.5

    struct Summary {
        var counts: [Int]
        var seconds: Double
        /// Every 500th bigram and trigram written, and every 50th word, for checking.
        var sample: [[String]]
    }

    /// Writes the mix as ARPA to `arpaPath`.
    /// `hesitationsAsDecoded`: score "um" and "uh" as the decoder's run-time mix does (the
    /// default; false writes the plain linear mix everywhere).
    static func write(domain: String, general: String, domainWeight: Double, exponent: Double,
                      arpaPath: String, header: [String], hesitationsAsDecoded: Bool = true) throws -> Summary {
        let started = Date()
        let mix = try SphinxMixScorer(domain: domain, general: general, domainWeight: domainWeight, exponent: exponent)
        let files = [try TrieModelFile(path: domain), try TrieModelFile(path: general)]
        let vocabulary = mix.words.count
        let lambda = mix.weights
        let L = exponent
        let lnBase = SphinxMixScorer.lnBase
        func p(_ score: Double) -> Double { exp(score) }
        // Hesitations scored as the run-time mix scores them (linear models only).
        let hesitations = hesitationsAsDecoded ? Set(FillerMerger.hesitations.map { mix.setWid($0) }.filter { $0 >= 0 }) : []
        func scored(_ w: Int32, _ history: Int32...) -> Double {
            let linear = mix.mixScore(w, after: history)
            guard L == 1, hesitations.contains(w) else { return linear }
            let W = Self.hesitationWeight
            let s = (0..<2).map { mix.modelScore($0, w, after: history) }
            let top = s.max()!
            guard top.isFinite else { return linear }
            let sum = (0..<2).reduce(0.0) { $0 + lambda[$1] * exp(W * (s[$1] - top)) }
            return top + log(sum) / W
        }

        // Every model word as a set word id.
        let toSet: [[Int32]] = files.map { f in f.words.map { mix.setWid($0) } }
        func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
        func key(_ a: Int32, _ b: Int32, _ c: Int32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }
        precondition(vocabulary < 1 << 21, "more words than the n-gram keys hold")

        // Per model: unigram P (p^L) for every set word, the backoff weight (bow^L) of every
        // unigram and bigram history, and the total mass Z after every one-word history.
        var unigramP = [[Double]](repeating: [Double](repeating: 0, count: vocabulary), count: 2)
        var unigramB = [[Double]](repeating: [Double](repeating: 1, count: vocabulary), count: 2)
        var bigramB: [[UInt64: Double]] = [[:], [:]]
        var zEmpty = [0.0, 0.0]
        var zAfter = [[Double]](repeating: [Double](repeating: 0, count: vocabulary), count: 2)
        for m in 0..<2 {
            for wid in 0..<vocabulary {
                unigramP[m][wid] = p(mix.modelScore(m, Int32(wid)))
            }
            zEmpty[m] = unigramP[m].reduce(0, +)
            for (i, bo) in files[m].unigramBackoff.enumerated() {
                unigramB[m][Int(toSet[m][i])] = exp(Double(bo) * lnBase * L)
            }
            // Z_m(v) = Σ_listed P(w|v) + B(v)·(Z_m(∅) − Σ_listed P(w)); unlisted histories: Z_m(∅).
            var listed = [Double](repeating: 0, count: vocabulary), listedLower = listed
            for b in files[m].bigrams {
                let v = toSet[m][Int(b.first)], w = toSet[m][Int(b.second)]
                listed[Int(v)] += p(mix.modelScore(m, w, v))
                listedLower[Int(v)] += unigramP[m][Int(w)]
                if files[m].order > 2 { bigramB[m][key(v, w)] = exp(Double(b.backoff) * lnBase * L) }
            }
            for v in 0..<vocabulary {
                let known = mix.modelWid[m][v] >= 0
                zAfter[m][v] = known ? listed[v] + unigramB[m][v] * max(0, zEmpty[m] - listedLower[v]) : zEmpty[m]
            }
        }

        // The union of the n-grams, with every trigram's history and suffix as bigrams.
        var bigramKeys = Set<UInt64>(), trigramKeys: [UInt64] = []
        for m in 0..<2 {
            for b in files[m].bigrams { bigramKeys.insert(key(toSet[m][Int(b.first)], toSet[m][Int(b.second)])) }
            for t in files[m].trigrams {
                let u = toSet[m][Int(t.first)], v = toSet[m][Int(t.second)], w = toSet[m][Int(t.third)]
                trigramKeys.append(key(u, v, w))
                bigramKeys.insert(key(u, v))
                bigramKeys.insert(key(v, w))
            }
        }
        let bigrams = bigramKeys.sorted()
        bigramKeys = []
        trigramKeys.sort()
        var unique = 0
        for k in trigramKeys where unique == 0 || trigramKeys[unique - 1] != k { trigramKeys[unique] = k; unique += 1 }
        trigramKeys.removeLast(trigramKeys.count - unique)
        let mask21: UInt64 = (1 << 21) - 1

        /// The static backoff weight (as bow^L) from the two models' weights and their mass over
        /// the unlisted words.
        func backoff(_ b: [Double], _ c: [Double]) -> Double {
            let c0 = max(0, c[0]), c1 = max(0, c[1])
            let den = lambda[0] * c0 + lambda[1] * c1
            if den <= 0 { return lambda[0] * b[0] + lambda[1] * b[1] }
            return (lambda[0] * b[0] * c0 + lambda[1] * b[1] * c1) / den
        }

        // Bigram histories: probabilities and backoff weights, trigram by trigram.
        var trigramScores = [Double](repeating: 0, count: trigramKeys.count)
        var bigramBackoff = [UInt64: Double]()
        bigramBackoff.reserveCapacity(bigrams.count / 4)
        var i = 0
        while i < trigramKeys.count {
            let u = Int32(trigramKeys[i] >> 42), v = Int32(trigramKeys[i] >> 21 & mask21)
            var lower = [0.0, 0.0]
            var j = i
            while j < trigramKeys.count, trigramKeys[j] >> 21 == trigramKeys[i] >> 21 {
                let w = Int32(trigramKeys[j] & mask21)
                trigramScores[j] = scored(w, u, v)
                for m in 0..<2 { lower[m] += p(mix.modelScore(m, w, v)) }
                j += 1
            }
            let b = (0..<2).map { m in mix.modelWid[m][Int(u)] >= 0 && mix.modelWid[m][Int(v)] >= 0 ? bigramB[m][key(u, v)] ?? 1 : 1 }
            let c = (0..<2).map { m in zAfter[m][Int(v)] - lower[m] }
            bigramBackoff[key(u, v)] = backoff(b, c)
            i = j
        }

        // Unigram histories, bigram by bigram; a bigram no trigram follows backs off with the
        // models' own weights over everything.
        var bigramScores = [Double](repeating: 0, count: bigrams.count)
        var unigramBackoff = [Double](repeating: 1, count: vocabulary)
        var lowerByHistory = [[Double]](repeating: [0, 0], count: vocabulary)
        for (n, k) in bigrams.enumerated() {
            let u = Int32(k >> 32), w = Int32(k & 0xFFFF_FFFF)
            bigramScores[n] = scored(w, u)
            for m in 0..<2 { lowerByHistory[Int(u)][m] += unigramP[m][Int(w)] }
            if bigramBackoff[k] == nil {
                let b = (0..<2).map { m in mix.modelWid[m][Int(u)] >= 0 && mix.modelWid[m][Int(w)] >= 0 ? bigramB[m][k] ?? 1 : 1 }
                let bo = backoff(b, [zAfter[0][Int(w)], zAfter[1][Int(w)]])
                if abs(bo - 1) > 1e-12 { bigramBackoff[k] = bo }
            }
        }
        for u in 0..<vocabulary {
            let c = (0..<2).map { m in zEmpty[m] - lowerByHistory[u][m] }
            unigramBackoff[u] = backoff([unigramB[0][u], unigramB[1][u]], c)
        }

        // ARPA, exponent taken out again.
        let toLog10 = 1 / (L * log(10.0))
        func f(_ lnValue: Double) -> String {
            let v = lnValue * toLog10
            return v < -98 || !v.isFinite ? "-99.000000" : String(format: "%.6f", v)
        }
        guard let out = OutputStream(toFileAtPath: arpaPath, append: false) else { throw MixError("cannot write \(arpaPath)") }
        out.open()
        defer { out.close() }
        var buffer = ""
        func emit(_ line: String) {
            buffer += line; buffer += "\n"
            if buffer.utf8.count > 1 << 20 { flush() }
        }
        func flush() {
            let bytes = Array(buffer.utf8)
            bytes.withUnsafeBufferPointer { _ = out.write($0.baseAddress!, maxLength: $0.count) }
            buffer = ""
        }
        for line in header { emit("# " + line) }
        emit("")
        emit("\\data\\")
        emit("ngram 1=\(vocabulary)")
        emit("ngram 2=\(bigrams.count)")
        emit("ngram 3=\(trigramKeys.count)")
        emit("")
        emit("\\1-grams:")
        for wid in 0..<vocabulary {
            emit("\(f(scored(Int32(wid))))\t\(mix.words[wid])\t\(f(log(unigramBackoff[wid])))")
        }
        emit("")
        emit("\\2-grams:")
        for (n, k) in bigrams.enumerated() {
            let u = Int(k >> 32), w = Int(k & 0xFFFF_FFFF)
            let bo = bigramBackoff[k].map { "\t" + f(log($0)) } ?? ""
            emit("\(f(bigramScores[n]))\t\(mix.words[u]) \(mix.words[w])\(bo)")
        }
        emit("")
        emit("\\3-grams:")
        for (n, k) in trigramKeys.enumerated() {
            let u = Int(k >> 42), v = Int(k >> 21 & mask21), w = Int(k & mask21)
            emit("\(f(trigramScores[n]))\t\(mix.words[u]) \(mix.words[v]) \(mix.words[w])")
        }
        emit("")
        emit("\\end\\")
        flush()
        var sample = stride(from: 0, to: vocabulary, by: 50).map { [mix.words[$0]] }
        sample += stride(from: 0, to: bigrams.count, by: 500).map { n in
            [mix.words[Int(bigrams[n] >> 32)], mix.words[Int(bigrams[n] & 0xFFFF_FFFF)]]
        }
        sample += stride(from: 0, to: trigramKeys.count, by: 500).map { n in
            let k = trigramKeys[n]
            return [mix.words[Int(k >> 42)], mix.words[Int(k >> 21 & mask21)], mix.words[Int(k & mask21)]]
        }
        sample.removeAll { $0.contains("<s>") && $0.last == "<s>" }
        return Summary(counts: [vocabulary, bigrams.count, trigramKeys.count], seconds: Date().timeIntervalSince(started),
                       sample: sample)
    }
}
