/// Finds the bank's phrases in an answer the way docs/question-bank.md promises: on stems, in
/// order with a few other words allowed between, within one sentence, and aware of negation
/// ("security groups are not stateless" states no misconception). The words it treats as
/// negation, and how far it looks, are data (`Models/rubrics.json`, "matching").
public struct KeyPointMatcher: Sendable {
    public struct Rules: Codable, Sendable, Hashable {
        /// Other words allowed between two words of a phrase.
        public var maxGap: Int
        /// How many words before a match a negation still reaches.
        public var negationWindow: Int
        /// The same for misconceptions: wider, because "I wouldn't put a single database on Spot"
        /// must not be read as advice to, and calling a right answer wrong costs far more.
        public var misconceptionNegationWindow: Int?
        public var negators: [String]
        /// Two-word openings that look like negation but are not ("not only").
        public var notNegation: [String]
        /// One-word phrases too common to be evidence of a key point (the bank lint rejects them).
        public var genericWords: [String]
    }

    /// The answer (or a sentence) made ready for matching.
    struct Text {
        var stems: [String]
        /// True where a sentence ends after the token (typed punctuation).
        var sentenceEnd: [Bool]
        var start: [Double?]
        var words: [String]
    }

    struct Match: Hashable {
        var range: ClosedRange<Int>
        var negated: Bool
    }

    let rules: Rules
    private let negators: Set<String>
    private let notNegation: Set<[String]>

    public init(rules: Rules) {
        self.rules = rules
        negators = Set(rules.negators)
        notNegation = Set(rules.notNegation.map { $0.split(separator: " ").map(String.init) })
    }

    // MARK: Preparing text

    static func text(_ tokens: [Token]) -> Text {
        Text(stems: tokens.map { stem($0.text) }, sentenceEnd: tokens.map(\.sentenceEnd),
             start: tokens.map(\.start), words: tokens.map(\.text))
    }

    /// Plain text as the analyzer would see it typed (fillers are not removed: callers that care pass tokens).
    static func text(_ plain: String) -> Text {
        text(Tokenizer.tokens(from: Tokenizer.words(fromText: plain)))
    }

    static func compile(_ phrase: String) -> [String] {
        Tokenizer.split(phrase).map(stem)
    }

    /// A light suffix stemmer: the same on both sides is what matters, not linguistics.
    /// "allows", "allowed", "allowing" → "allow"; "denies", "denied" → "deny"; "stopped" → "stop".
    static func stem(_ word: String) -> String {
        var s = word
        if s.hasSuffix("'s") { s.removeLast(2) }
        guard s.count > 3, s.allSatisfy({ $0.isLetter || $0 == "'" }) else { return s }
        func hasVowel(_ t: Substring) -> Bool { t.contains { "aeiouy".contains($0) } }
        func undouble(_ t: String) -> String {
            guard t.count > 2, let last = t.last, t.dropLast().last == last, !"lsz".contains(last),
                  !"aeiou".contains(last) else { return t }
            return String(t.dropLast())
        }
        if s.hasSuffix("ies") || s.hasSuffix("ied"), s.count > 4 {
            s = String(s.dropLast(3)) + "y"
        } else if s.hasSuffix("ing"), s.count > 5, hasVowel(s.dropLast(3)) {
            s = undouble(String(s.dropLast(3)))
        } else if s.hasSuffix("ed"), !s.hasSuffix("eed"), s.count > 4, hasVowel(s.dropLast(2)) {
            s = undouble(String(s.dropLast(2)))
        } else if s.hasSuffix("es"), ["ch", "sh", "ss", "x", "z"].contains(where: { s.dropLast(2).hasSuffix($0) }) {
            s = String(s.dropLast(2))
        } else if s.hasSuffix("s"), !s.hasSuffix("ss"), !s.hasSuffix("us"), !s.hasSuffix("is") {
            s = String(s.dropLast())
        }
        if s.count > 3, s.hasSuffix("e") { s.removeLast() }
        return s
    }

    // MARK: Matching

    /// The first match of `phrase` (compiled) in `text`, preferring one that is not negated.
    func find(_ phrase: [String], in text: Text, negationWindow: Int? = nil) -> Match? {
        guard let first = phrase.first else { return nil }
        var negatedMatch: Match?
        for i in text.stems.indices where text.stems[i] == first {
            var positions = [i]
            var at = i
            for word in phrase.dropFirst() {
                let limit = min(text.stems.count - 1, at + 1 + rules.maxGap)
                guard at + 1 <= limit,
                      let next = (at + 1...limit).first(where: { text.stems[$0] == word }),
                      !(at..<next).contains(where: { text.sentenceEnd[$0] }) else { positions = []; break }
                positions.append(next)
                at = next
            }
            guard let last = positions.last else { continue }
            let match = Match(range: i...last, negated: negated(positions, in: text, window: negationWindow ?? rules.negationWindow))
            if !match.negated { return match }
            negatedMatch = negatedMatch ?? match
        }
        return negatedMatch
    }

    /// A negator in the words between the phrase's own words, or in the few words before it
    /// (not reaching back past a sentence end).
    private func negated(_ positions: [Int], in text: Text, window: Int) -> Bool {
        let own = Set(positions)
        var candidates = (positions[0]...positions.last!).filter { !own.contains($0) }
        var k = positions[0] - 1
        while k >= 0, k >= positions[0] - window, !text.sentenceEnd[k] {
            candidates.append(k)
            k -= 1
        }
        return candidates.contains { k in
            let w = text.words[k]
            guard negators.contains(w) || w.hasSuffix("n't") else { return false }
            return !(k + 1 < text.words.count && notNegation.contains([w, text.words[k + 1]]))
        }
    }

    /// The phrase that matches earliest in the answer without negation: the phrase and where.
    func firstMatch(of phrases: [String], in text: Text, except prompt: Text? = nil,
                    misconception: Bool = false) -> (phrase: String, match: Match)? {
        let window = misconception ? rules.misconceptionNegationWindow ?? rules.negationWindow : rules.negationWindow
        var best: (phrase: String, match: Match)?
        for phrase in phrases {
            let compiled = Self.compile(phrase)
            if let prompt, find(compiled, in: prompt).map({ !$0.negated }) == true { continue }
            if let m = find(compiled, in: text, negationWindow: window), !m.negated,
               m.range.lowerBound < best?.match.range.lowerBound ?? Int.max {
                best = (phrase, m)
            }
        }
        return best
    }

    /// Whether a sentence counts for `phrases` (what the bank's examples check).
    public func matches(_ phrases: [String], sentence: String, misconception: Bool = false) -> Bool {
        firstMatch(of: phrases, in: Self.text(sentence), misconception: misconception) != nil
    }
}
