import Foundation

/// An interpolated Kneser-Ney trigram (Chen & Goodman 1998, one discount per order), written
/// as an ARPA backoff model: each seen n-gram carries its interpolated probability and each
/// context the weight it gives to the lower order, which is exactly the backoff weight.
struct KneserNeyTrigram {
    static let sentenceStart = "<s>"
    static let sentenceEnd = "</s>"

    private(set) var vocabulary: [String] = []
    private var ids: [String: Int32] = [:]
    private var trigramCounts: [Trigram: Int] = [:]

    struct Bigram: Hashable { var a: Int32, b: Int32 }
    struct Trigram: Hashable { var a: Int32, b: Int32, c: Int32 }

    /// One probability per seen n-gram (log10) and backoff weights (log10) for contexts.
    struct Model {
        var vocabulary: [String]
        var unigrams: [Int32: Double]
        var bigrams: [Bigram: Double]
        var trigrams: [Trigram: Double]
        var unigramBackoff: [Int32: Double]
        var bigramBackoff: [Bigram: Double]
        var discounts: [Double]
    }

    private mutating func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(vocabulary.count)
        vocabulary.append(word)
        ids[word] = id
        return id
    }

    mutating func add(sentence: [String]) {
        guard !sentence.isEmpty else { return }
        let words = [id(Self.sentenceStart)] + sentence.map { id($0) } + [id(Self.sentenceEnd)]
        // The first word's trigram context is "<s> w1"; "<s> <s>" is never a context.
        for i in 1..<words.count {
            let a = i >= 2 ? words[i - 2] : -1
            trigramCounts[Trigram(a: a, b: words[i - 1], c: words[i]), default: 0] += 1
        }
    }

    /// Discount D = n1 / (n1 + 2 n2) from how many n-grams were seen once and twice.
    static func discount(_ counts: some Sequence<Int>) -> Double {
        var n1 = 0, n2 = 0
        for c in counts { if c == 1 { n1 += 1 } else if c == 2 { n2 += 1 } }
        guard n1 > 0, n2 > 0 else { return 0.5 }
        return min(0.95, max(0.05, Double(n1) / Double(n1 + 2 * n2)))
    }

    func estimate() -> Model {
        let start = ids[Self.sentenceStart]!
        // Highest order: raw counts. Sentence-initial bigrams ("<s> w", stored with a == -1) are
        // counted raw too: nothing can precede <s>, so they have no continuation count.
        var trigrams: [Trigram: Int] = [:]
        var bigramCounts: [Bigram: Int] = [:]
        for (t, c) in trigramCounts {
            if t.a >= 0 {
                trigrams[t] = c
                bigramCounts[Bigram(a: t.b, b: t.c), default: 0] += 1      // continuation
            } else {
                bigramCounts[Bigram(a: t.b, b: t.c), default: 0] += c      // "<s> w", raw
            }
        }
        var unigramCounts: [Int32: Int] = [:]
        for (b, _) in bigramCounts { unigramCounts[b.b, default: 0] += 1 }  // continuation

        let d3 = Self.discount(trigrams.values)
        let d2 = Self.discount(bigramCounts.values)

        // Unigrams: continuation probabilities, no discount (every word has been preceded).
        let unigramTotal = Double(unigramCounts.values.reduce(0, +))
        var p1: [Int32: Double] = [:]
        for (w, c) in unigramCounts { p1[w] = Double(c) / unigramTotal }

        // Bigrams.
        var contextTotals2: [Int32: (total: Int, types: Int)] = [:]
        for (b, c) in bigramCounts {
            let t = contextTotals2[b.a] ?? (0, 0)
            contextTotals2[b.a] = (t.total + c, t.types + 1)
        }
        var gamma1: [Int32: Double] = [:]
        for (v, t) in contextTotals2 { gamma1[v] = d2 * Double(t.types) / Double(t.total) }
        var p2: [Bigram: Double] = [:]
        for (b, c) in bigramCounts {
            let total = Double(contextTotals2[b.a]!.total)
            p2[b] = max(Double(c) - d2, 0) / total + gamma1[b.a]! * (p1[b.b] ?? 0)
        }

        // Trigrams.
        var contextTotals3: [Bigram: (total: Int, types: Int)] = [:]
        for (t, c) in trigrams {
            let key = Bigram(a: t.a, b: t.b)
            let s = contextTotals3[key] ?? (0, 0)
            contextTotals3[key] = (s.total + c, s.types + 1)
        }
        var gamma2: [Bigram: Double] = [:]
        for (h, t) in contextTotals3 { gamma2[h] = d3 * Double(t.types) / Double(t.total) }
        var p3: [Trigram: Double] = [:]
        for (t, c) in trigrams {
            let h = Bigram(a: t.a, b: t.b)
            let lower = p2[Bigram(a: t.b, b: t.c)] ?? gamma1[t.b, default: 1] * (p1[t.c] ?? 0)
            p3[t] = max(Double(c) - d3, 0) / Double(contextTotals3[h]!.total) + gamma2[h]! * lower
        }

        var unigrams = p1.mapValues { log10($0) }
        unigrams[start] = -99   // <s> is never predicted
        return Model(vocabulary: vocabulary, unigrams: unigrams,
                     bigrams: p2.mapValues { log10($0) }, trigrams: p3.mapValues { log10($0) },
                     unigramBackoff: gamma1.mapValues { log10($0) }, bigramBackoff: gamma2.mapValues { log10($0) },
                     discounts: [0, d2, d3])
    }
}

extension KneserNeyTrigram.Model {
    /// Adds `log10(factor)` to every n-gram that predicts one of `words`, leaving backoff
    /// weights alone. The result no longer sums to one: it is a per-word insertion bonus for
    /// the decoder, which PocketSphinx accepts (it never renormalises). Used for "um" and "uh",
    /// whose acoustic evidence is weak ("uh" is the same AH as "a"), so the decoder drops
    /// them unless the language model asks for them more strongly than their text rate.
    func boosting(_ words: Set<String>, by factor: Double) -> Self {
        guard factor != 1 else { return self }
        let bonus = log10(factor)
        let boosted = Set(vocabulary.indices.filter { words.contains(vocabulary[$0]) }.map { Int32($0) })
        var copy = self
        for w in boosted where copy.unigrams[w] != nil { copy.unigrams[w]! += bonus }
        for (b, p) in bigrams where boosted.contains(b.b) { copy.bigrams[b] = p + bonus }
        for (t, p) in trigrams where boosted.contains(t.c) { copy.trigrams[t] = p + bonus }
        return copy
    }

    /// ARPA text, n-grams sorted so the file diffs cleanly between builds.
    func arpa(header: [String]) -> String {
        func f(_ x: Double) -> String { String(format: "%.6f", x) }
        let v = vocabulary
        var out = header.map { "# " + $0 }
        out += ["", "\\data\\", "ngram 1=\(unigrams.count)", "ngram 2=\(bigrams.count)", "ngram 3=\(trigrams.count)", "", "\\1-grams:"]
        for (w, p) in unigrams.sorted(by: { v[Int($0.key)] < v[Int($1.key)] }) {
            let bow = unigramBackoff[w].map { "\t" + f($0) } ?? ""
            out.append("\(f(p))\t\(v[Int(w)])\(bow)")
        }
        out += ["", "\\2-grams:"]
        for (b, p) in bigrams.sorted(by: { (v[Int($0.key.a)], v[Int($0.key.b)]) < (v[Int($1.key.a)], v[Int($1.key.b)]) }) {
            let bow = bigramBackoff[b].map { "\t" + f($0) } ?? ""
            out.append("\(f(p))\t\(v[Int(b.a)]) \(v[Int(b.b)])\(bow)")
        }
        out += ["", "\\3-grams:"]
        for (t, p) in trigrams.sorted(by: { (v[Int($0.key.a)], v[Int($0.key.b)], v[Int($0.key.c)]) < (v[Int($1.key.a)], v[Int($1.key.b)], v[Int($1.key.c)]) }) {
            out.append("\(f(p))\t\(v[Int(t.a)]) \(v[Int(t.b)]) \(v[Int(t.c)])")
        }
        out += ["", "\\end\\", ""]
        return out.joined(separator: "\n")
    }
}
