import Analysis

/// Chooses practice questions from the bank: filtered by role and topic, in a random order
/// that a seed makes repeatable.
public struct QuestionPicker {
    public private(set) var remaining: [Question]

    public init(bank: QuestionBank, role: Question.Role? = nil, topic: String? = nil, seed: UInt64? = nil) {
        let matching = bank.questions.filter { q in
            (role == nil || q.role == role) && (topic == nil || q.topic.caseInsensitiveCompare(topic!) == .orderedSame)
        }
        if let seed {
            var generator = SplitMix64(seed: seed)
            remaining = matching.shuffled(using: &generator)
        } else {
            remaining = matching.shuffled()
        }
    }

    public mutating func next() -> Question? {
        remaining.isEmpty ? nil : remaining.removeFirst()
    }
}

/// A small seeded generator (SplitMix64), so `--seed` gives the same questions on every machine.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
