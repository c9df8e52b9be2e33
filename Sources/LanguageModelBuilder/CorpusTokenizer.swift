import Foundation
import Analysis

/// Turns written answers into the recognizer's tokens: lowercase words, numbers spelled out,
/// AWS names as the single tokens the dictionary knows ("S3" -> "s3", "Dynamo DB" -> "dynamodb",
/// "Route 53" -> "route fifty three"), one sentence per array.
struct CorpusTokenizer {
    /// Tokens that were written as acronyms ("VPC", "AZs"); the dictionary spells them out.
    private(set) var acronyms: Set<String> = []

    /// AWS names written as several words or with digits, and the token sequence we emit
    /// (services.json, corpusSpellings). Camel-case names ("CloudFront", "DynamoDB") need no
    /// entry: lowercasing joins them.
    let phrases: [([String], [String])]
    /// Tokens that keep their digits because the dictionary has them as one word (pronunciations.json).
    let alphanumericTokens: Set<String>
    /// How a unit glued to a number is said: "10ms" -> "ten milliseconds" (pronunciations.json).
    let units: [String: [String]]

    init(lexicon: Lexicon = .forTools) {
        func tokens(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
        let spellings: [Lexicon.Services.Service.CorpusSpelling] = lexicon.services.services.flatMap { $0.corpusSpellings ?? [] }
        phrases = spellings.map { (tokens($0.written), tokens($0.spoken)) }
        alphanumericTokens = Set(lexicon.pronunciations.alphanumericTokens)
        units = lexicon.pronunciations.units
    }

    /// Splits text into sentences of tokens. Sentence ends are ". ? !" and line breaks.
    mutating func sentences(in text: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            for raw in line.split(whereSeparator: \.isWhitespace) {
                let word = String(raw)
                current += tokens(forWritten: word)
                if let last = word.last(where: { !"\"')]".contains($0) }), ".?!".contains(last),
                   !(word.count <= 4 && word.first?.isUppercase == true && word.dropLast().contains(".")) {
                    if !current.isEmpty { result.append(mergePhrases(current)) }
                    current = []
                }
            }
            if !current.isEmpty { result.append(mergePhrases(current)) }
            current = []
        }
        return result
    }

    /// One whitespace-separated written word -> tokens (before phrase merging).
    mutating func tokens(forWritten word: String) -> [String] {
        var text = word.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        text = text.replacingOccurrences(of: "IPv", with: "IP v ")
        var out: [String] = []
        var suffix: [String] = []
        if text.contains("$") { text = text.replacingOccurrences(of: "$", with: ""); suffix.append("dollars") }
        if text.contains("%") { text = text.replacingOccurrences(of: "%", with: " "); suffix.insert("percent", at: 0) }
        // Split on anything that is not a letter, digit, apostrophe, or a dot/comma inside a number.
        var pieces: [String] = []
        var piece = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c.isLetter || c.isNumber || c == "'" {
                piece.append(c)
            } else if (c == "." || c == ",") && i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber {
                piece.append(c)
            } else {
                pieces.append(piece); piece = ""
            }
        }
        pieces.append(piece)
        for p in pieces {
            let trimmed = p.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if !trimmed.isEmpty { out += tokens(forPiece: trimmed) }
        }
        return out + suffix
    }

    private mutating func tokens(forPiece piece: String) -> [String] {
        var written = piece
        // "S3's", "the VPC's": the dictionary has no possessive acronyms, and the 's is barely heard.
        if written.hasSuffix("'s") || written.hasSuffix("'S") {
            let base = String(written.dropLast(2))
            if Self.isAcronym(base) || alphanumericTokens.contains(base.lowercased()) { written = base }
        }
        let lower = written.lowercased()
        if let spoken = SpokenNumbers.spoken(lower) { return spoken }
        if alphanumericTokens.contains(lower) { return [lower] }
        // "10ms", "5x", "t3", "p99": split letters from digits and say the number.
        if lower.contains(where: \.isNumber) && lower.contains(where: \.isLetter) {
            var runs: [String] = []
            var run = ""
            for c in lower {
                if let last = run.last, last.isNumber != c.isNumber { runs.append(run); run = "" }
                run.append(c)
            }
            runs.append(run)
            var out: [String] = []
            for (i, r) in runs.enumerated() {
                if let n = SpokenNumbers.spoken(r) { out += n }
                else if i > 0, let unit = units[r] { out += unit }
                else { out.append(r); if r.count > 1 { acronyms.insert(r) } }
            }
            return out
        }
        if Self.isAcronym(written) { acronyms.insert(lower) }
        return [lower]
    }

    /// "VPC", "AZs", "IOPS": two or more capitals, maybe a plural "s".
    static func isAcronym(_ w: String) -> Bool {
        let core = w.hasSuffix("s") ? String(w.dropLast()) : w
        return core.count >= 2 && core.allSatisfy { $0.isUppercase || $0.isNumber } && core.contains(where: \.isLetter)
    }

    func mergePhrases(_ tokens: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        outer: while i < tokens.count {
            for (form, replacement) in phrases where i + form.count <= tokens.count {
                if Array(tokens[i..<i + form.count]) == form {
                    out += replacement
                    i += form.count
                    continue outer
                }
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }
}

extension Lexicon {
    /// The standard lexicon for the tool's own types; rehearse-lm itself reads its --lexicon
    /// folder and stops with the error when it cannot.
    static var forTools: Lexicon { (try? Lexicon.standard.get()) ?? .empty }
}
