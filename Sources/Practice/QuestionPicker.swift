import Analysis

/// Chooses practice questions from the bank, filtered by role and topic: least-practised
/// first, then weakest (lowest mean score) first, once there is history; in a random order that
/// a seed makes repeatable among equals (and for everything until there is history).
public struct QuestionPicker {
    /// What the history says about one question.
    public struct Record: Sendable, Hashable {
        public var attempts: Int
        public var meanScore: Double
        public init(attempts: Int, meanScore: Double) {
            self.attempts = attempts
            self.meanScore = meanScore
        }
    }

    public private(set) var remaining: [Question]

    public init(bank: QuestionBank, role: Question.Role? = nil, topic: String? = nil, seed: UInt64? = nil,
                history: [String: Record] = [:]) {
        let matching = bank.questions.filter { q in
            (role == nil || q.role == role) && (topic == nil || q.topic.caseInsensitiveCompare(topic!) == .orderedSame)
        }
        var shuffled: [Question]
        if let seed {
            var generator = SplitMix64(seed: seed)
            shuffled = matching.shuffled(using: &generator)
        } else {
            shuffled = matching.shuffled()
        }
        // Stable sort on top of the shuffle: equals keep their random order.
        let position = Dictionary(uniqueKeysWithValues: shuffled.enumerated().map { ($1.id, $0) })
        shuffled.sort { a, b in
            let ra = history[a.id] ?? Record(attempts: 0, meanScore: 0)
            let rb = history[b.id] ?? Record(attempts: 0, meanScore: 0)
            if ra.attempts != rb.attempts { return ra.attempts < rb.attempts }
            if ra.meanScore != rb.meanScore { return ra.meanScore < rb.meanScore }
            return position[a.id]! < position[b.id]!
        }
        remaining = shuffled
    }

    public mutating func next() -> Question? {
        remaining.isEmpty ? nil : remaining.removeFirst()
    }
}
