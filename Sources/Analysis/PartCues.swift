/// The part cues as the rules read them (Models/lexicon/parts.json). A clause shows a part when
/// its cues add up to `threshold`. Phrases are token sequences; "*" matches any one token.
enum PartCues {
    static var threshold: Int { CompiledCues.standard.threshold }
}

/// Token-sequence phrase matching with "*" wildcards.
enum PhraseMatcher {
    static func split(_ phrase: String) -> [String] {
        phrase.split(separator: " ").flatMap { $0 == "*" ? ["*"] : Tokenizer.split(String($0)) }
    }

    /// Words a recognizer writes for one another because they sound alike (clauses.json). Inside a
    /// phrase of two or more words the neighbours anchor the reading, so "rather then" still reads
    /// "rather than"; a one-word cue must match exactly.
    typealias Homophones = [String: Set<String>]

    static func tokenMatches(_ heard: String, _ cue: String, inPhrase: Bool, homophones: Homophones) -> Bool {
        heard == cue || (inPhrase && homophones[cue]?.contains(heard) == true)
    }

    /// Every start index where `phrase` occurs in `tokens`.
    static func occurrences(of phrase: [String], in tokens: [String],
                            homophones: Homophones = CompiledCues.standard.homophones) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= tokens.count else { return [] }
        var hits: [Int] = []
        let inPhrase = phrase.count > 1
        outer: for i in 0...(tokens.count - phrase.count) {
            for (k, p) in phrase.enumerated() where p != "*" && !tokenMatches(tokens[i + k], p, inPhrase: inPhrase, homophones: homophones) {
                continue outer
            }
            hits.append(i)
        }
        return hits
    }

    static func contains(_ phrase: [String], in tokens: [String],
                         homophones: Homophones = CompiledCues.standard.homophones) -> Bool {
        !occurrences(of: phrase, in: tokens, homophones: homophones).isEmpty
    }
}
