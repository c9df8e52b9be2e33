/// Word-level Levenshtein alignment: the errors a recognizer made against a reference.
public struct WordErrors: Codable, Sendable, Hashable {
    public var substitutions = 0
    public var deletions = 0
    public var insertions = 0
    public var referenceWords = 0

    public init() {}

    public var errors: Int { substitutions + deletions + insertions }
    public var rate: Double { referenceWords > 0 ? Double(errors) / Double(referenceWords) : 0 }

    public static func + (a: WordErrors, b: WordErrors) -> WordErrors {
        var r = WordErrors()
        r.substitutions = a.substitutions + b.substitutions
        r.deletions = a.deletions + b.deletions
        r.insertions = a.insertions + b.insertions
        r.referenceWords = a.referenceWords + b.referenceWords
        return r
    }

    /// Aligns `hypothesis` to `reference` with unit costs.
    public static func align(reference: [String], hypothesis: [String]) -> WordErrors {
        let n = reference.count, m = hypothesis.count
        // cost, substitutions, deletions, insertions for the best path to each cell.
        typealias Cell = (cost: Int, s: Int, d: Int, i: Int)
        var previous = (0...m).map { Cell($0, 0, 0, $0) }
        for r in 1...max(n, 1) where n > 0 {
            var current = [Cell(r, 0, r, 0)]
            for h in 1...max(m, 1) where m > 0 {
                let same = reference[r - 1] == hypothesis[h - 1]
                let diagonal = previous[h - 1]
                var best = Cell(diagonal.cost + (same ? 0 : 1), diagonal.s + (same ? 0 : 1), diagonal.d, diagonal.i)
                let up = previous[h]
                if up.cost + 1 < best.cost { best = Cell(up.cost + 1, up.s, up.d + 1, up.i) }
                let left = current[h - 1]
                if left.cost + 1 < best.cost { best = Cell(left.cost + 1, left.s, left.d, left.i + 1) }
                current.append(best)
            }
            previous = current
        }
        var result = WordErrors()
        let last = previous[m]
        result.substitutions = last.s
        result.deletions = last.d
        result.insertions = last.i
        result.referenceWords = n
        return result
    }

    /// Lowercase words without punctuation, the form both sides are compared in.
    public static func normalise(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).compactMap { raw in
            let word = raw.filter { $0.isLetter || $0.isNumber || $0 == "'" }
            return word.isEmpty ? nil : String(word)
        }
    }
}
