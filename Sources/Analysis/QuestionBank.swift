import Foundation

/// A question from the bank (Models/questions.json).
public struct Question: Codable, Sendable, Hashable, Identifiable {
    public enum Role: String, Codable, Sendable, CaseIterable { case beginner, mid, senior }
    public enum Kind: String, Codable, Sendable, CaseIterable { case concept, choice, troubleshooting, design, ownership }

    public struct KeyPoint: Codable, Sendable, Hashable {
        public var point: String
        public var phrases: [String]

        public init(point: String, phrases: [String]) {
            self.point = point
            self.phrases = phrases
        }
    }

    public var id: String
    public var role: Role
    public var topic: String
    public var kind: Kind
    public var prompt: String
    public var targetSeconds: Int
    public var keyPoints: [KeyPoint]
    public var traps: [String]
    public var followUps: [String]
    public var services: [String]
}

public struct QuestionBank: Sendable {
    public var questions: [Question]

    public init(questions: [Question]) { self.questions = questions }

    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        self.questions = try JSONDecoder().decode([Question].self, from: data)
    }

    public func question(id: String) -> Question? { questions.first { $0.id == id } }
    public var topics: [String] { Array(Set(questions.map(\.topic))).sorted() }
}

/// Services and design options that are usual alternatives to each other, and the dimensions
/// that tell them apart (Models/alternatives.json).
public struct AlternativesMap: Codable, Sendable, Hashable {
    public struct Dimension: Codable, Sendable, Hashable {
        public var name: String
        public var explain: String
        public var phrases: [String]
    }
    public struct Pair: Codable, Sendable, Hashable {
        public var options: [String]
        public var dimensions: [Dimension]
        public var followUps: [String]
    }
    public var pairs: [Pair]

    public init(pairs: [Pair] = []) { self.pairs = pairs }

    public init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(AlternativesMap.self, from: Data(contentsOf: url))
    }

    /// Pairs that offer an alternative to `option`, with that alternative's name.
    public func alternatives(to option: String) -> [(other: String, pair: Pair)] {
        pairs.compactMap { pair in
            guard pair.options.contains(where: { $0.caseInsensitiveCompare(option) == .orderedSame }) else { return nil }
            guard let other = pair.options.first(where: { $0.caseInsensitiveCompare(option) != .orderedSame }) else { return nil }
            return (other, pair)
        }
    }
}
