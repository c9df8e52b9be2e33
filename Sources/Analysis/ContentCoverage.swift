/// Which of a question's (or a follow-up's) key points an answer made, and which wrong claims it
/// stated. Phrases are matched by `KeyPointMatcher` (stems, in order with small gaps, negation
/// aware); a phrase the prompt itself contains earns nothing, and a key point whose misconception
/// was stated is not credited.
public struct ContentCoverage: Codable, Sendable, Hashable {
    public struct Hit: Codable, Sendable, Hashable {
        public var point: String
        /// The bank phrase that matched.
        public var phrase: String
        /// When the phrase began, for recordings; null for typed answers.
        @NullEncoded public var start: Double? = nil
        /// Where in the answer's content words (not in the JSON).
        var tokenIndex: Int? = nil

        enum CodingKeys: String, CodingKey { case point, phrase, start }
    }

    /// A wrong claim the answer made, with the correction to show.
    public struct MisconceptionHit: Codable, Sendable, Hashable {
        /// The speaker's words that stated it.
        public var said: String
        public var claim: String
        public var correction: String
        /// The key point it got wrong; for a claim from the common list, what it is about.
        public var point: String
        @NullEncoded public var start: Double? = nil
        /// From the common list (Models/misconceptions.json), not the question's own.
        public var common: Bool = false
        /// Where in the answer's content words (not in the JSON).
        var range: ClosedRange<Int>? = nil

        enum CodingKeys: String, CodingKey { case said, claim, correction, point, start, common }

        init(text: KeyPointMatcher.Text, range: ClosedRange<Int>, claim: String, correction: String, point: String,
             common: Bool = false) {
            let lo = max(0, range.lowerBound - 2), hi = min(text.words.count, range.upperBound + 3)
            said = text.words[lo..<hi].joined(separator: " ")
            self.claim = claim; self.correction = correction; self.point = point
            start = text.start[range.lowerBound]
            self.common = common; self.range = range
        }

        /// Reports stored before the common list have no `common`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            said = try c.decode(String.self, forKey: .said)
            claim = try c.decode(String.self, forKey: .claim)
            correction = try c.decode(String.self, forKey: .correction)
            point = try c.decode(String.self, forKey: .point)
            start = try c.decode(NullEncoded<Double>.self, forKey: .start).wrappedValue
            common = try c.decodeIfPresent(Bool.self, forKey: .common) ?? false
        }
    }

    public var hit: [Hit]
    /// Key points with no phrase heard, in the bank's order.
    public var missed: [String]
    public var misconceptions: [MisconceptionHit]
    public var total: Int { hit.count + missed.count }

    public init(hit: [Hit], missed: [String], misconceptions: [MisconceptionHit] = []) {
        self.hit = hit
        self.missed = missed
        self.misconceptions = misconceptions
    }

    enum CodingKeys: String, CodingKey { case hit, missed, misconceptions }

    /// Reports stored before schemaVersion 2 have no misconceptions.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hit = try c.decode([Hit].self, forKey: .hit)
        missed = try c.decode([String].self, forKey: .missed)
        misconceptions = try c.decodeIfPresent([MisconceptionHit].self, forKey: .misconceptions) ?? []
    }

    /// `retelling`: the first answer's words and the share of a sentence's three-word runs that
    /// makes it a retelling, when this answers a follow-up. `phraseWords`: a point may also be
    /// made in its phrases' words (`PointWords.withPhraseWords`); first answers only, since a
    /// follow-up answer is short and in the follow-up's own words whether it is right or wrong.
    /// `text` with the sentences that only say the question (`prompt`) back, or retell the first
    /// answer, masked: where key points, and a follow-up's separating dimensions, are earned.
    static func ownWords(_ text: KeyPointMatcher.Text, prompt: KeyPointMatcher.Text?,
                         retelling: (first: [String], share: Double)?, matcher: KeyPointMatcher) -> KeyPointMatcher.Text {
        var own = prompt.map { matcher.withoutEchoes(of: $0, in: text) } ?? text
        if let retelling { own = matcher.withoutRetelling(of: retelling.first, in: own, share: retelling.share) }
        return own
    }

    static func measure(_ keyPoints: [KeyPoint], prompt: String?, text: KeyPointMatcher.Text,
                        matcher: KeyPointMatcher, retelling: (first: [String], share: Double)? = nil,
                        phraseWords: Bool = false) -> ContentCoverage {
        let promptText = prompt.map(KeyPointMatcher.text)
        // A wrong claim counts wherever it is said.
        let own = ownWords(text, prompt: promptText, retelling: retelling, matcher: matcher)
        var hit: [Hit] = [], missed: [String] = [], wrong: [MisconceptionHit] = []
        for keyPoint in keyPoints {
            var stated = false
            for m in keyPoint.misconceptions {
                guard let match = matcher.statement(of: m, in: text, asked: promptText) else { continue }
                stated = true
                wrong.append(.init(text: text, range: match.range, claim: m.claim, correction: m.correction, point: keyPoint.point))
            }
            if !stated, let (phrase, match) = matcher.firstMatch(of: keyPoint.phrases, in: own, except: promptText) {
                hit.append(Hit(point: keyPoint.point, phrase: phrase, start: text.start[match.range.lowerBound],
                               tokenIndex: match.range.lowerBound))
            } else if !stated, let match = matcher.pointWordsMatch(keyPoint.point, in: own, prompt: promptText)
                        ?? (phraseWords ? matcher.phraseWordsMatch(keyPoint.point, phrases: keyPoint.phrases, in: own, prompt: promptText) : nil) {
                let said = text.words[match.range].joined(separator: " ")
                hit.append(Hit(point: keyPoint.point, phrase: "in other words: \(said)", start: text.start[match.range.lowerBound],
                               tokenIndex: match.range.lowerBound))
            } else {
                missed.append(keyPoint.point)
            }
        }
        return ContentCoverage(hit: hit, missed: missed, misconceptions: wrong)
    }
}
