/// Which of a question's key points an answer touched. A point is hit when one of its phrases
/// appears word for word in the answer, compared after the analyzer's own tokenisation (so
/// "multi-AZ" in the bank meets "multi az" from the recognizer) with fillers left out.
public struct ContentCoverage: Codable, Sendable, Hashable {
    public struct Hit: Codable, Sendable, Hashable {
        public var point: String
        /// The bank phrase that matched.
        public var phrase: String
        /// When the phrase began, for recordings; null for typed answers.
        @NullEncoded public var start: Double? = nil
    }

    public var hit: [Hit]
    /// Key points with no phrase heard, in the bank's order.
    public var missed: [String]
    public var total: Int { hit.count + missed.count }

    public init(hit: [Hit], missed: [String]) {
        self.hit = hit
        self.missed = missed
    }

    static func measure(_ question: Question, content: [Token]) -> ContentCoverage {
        let spoken = content.map(\.text)
        var hit: [Hit] = [], missed: [String] = []
        for keyPoint in question.keyPoints {
            let match = keyPoint.phrases.lazy.compactMap { phrase -> Hit? in
                let wanted = Tokenizer.tokens(from: Tokenizer.words(fromText: phrase)).map(\.text)
                guard let at = firstIndex(of: wanted, in: spoken) else { return nil }
                return Hit(point: keyPoint.point, phrase: phrase, start: content[at].start)
            }.first
            if let match { hit.append(match) } else { missed.append(keyPoint.point) }
        }
        return ContentCoverage(hit: hit, missed: missed)
    }

    private static func firstIndex(of needle: [String], in haystack: [String]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
