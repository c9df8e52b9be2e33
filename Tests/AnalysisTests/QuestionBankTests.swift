import Foundation
import Testing
@testable import Analysis

/// Checks on the shipped question bank (Models/questions), and on the checker itself.
@Suite("Question bank")
struct QuestionBankTests {
    static let roles = Question.Role.allCases
    /// Topics the bank must cover at every level (issue 3).
    static let requiredTopics = ["iam", "ec2", "s3", "vpc", "lambda", "rds"]

    /// Everything wrong with a bank, one line each; empty when it is sound.
    static func problems(_ questions: [Question]) -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for q in questions {
            if !seen.insert(q.id).inserted { problems.append("\(q.id): duplicate id") }
            let texts = [("id", q.id), ("topic", q.topic), ("prompt", q.prompt)]
            for (name, text) in texts where text.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(q.id): empty \(name)")
            }
            if q.targetSeconds <= 0 { problems.append("\(q.id): targetSeconds must be positive") }
            if q.keyPoints.isEmpty { problems.append("\(q.id): no key points") }
            if q.pitfalls.contains(where: \.isEmpty) { problems.append("\(q.id): empty pitfall") }
            if q.followUps.isEmpty || q.followUps.contains(where: \.text.isEmpty) { problems.append("\(q.id): empty followUps") }
            if q.services.contains(where: \.isEmpty) { problems.append("\(q.id): empty service name") }
            // The score's off-question check compares these with the services the answer named.
            for name in q.services where !name.isEmpty && !ServiceCatalog.canonicalNames.contains(name) {
                problems.append("\(q.id): service \"\(name)\" is not a catalog name (ServiceCatalog)")
            }
            for point in q.keyPoints {
                if point.point.isEmpty { problems.append("\(q.id): key point without text") }
                if point.phrases.isEmpty || point.phrases.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    problems.append("\(q.id): key point \"\(point.point)\" has an empty phrase list or phrase")
                }
                for phrase in point.phrases where phrase != phrase.lowercased() {
                    problems.append("\(q.id): phrase \"\(phrase)\" is not lowercase spoken words")
                }
            }
        }
        let topics = Set(questions.map(\.topic))
        for topic in topics.union(requiredTopics).sorted() {
            for role in roles where !questions.contains(where: { $0.topic == topic && $0.role == role }) {
                problems.append("topic \(topic) has no \(role.rawValue) question")
            }
        }
        return problems
    }

    static var bankURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models/questions")
    }

    @Test("the shipped bank: 60+ questions, unique ids, every topic at every level, no empty field")
    func shippedBank() throws {
        let bank = try QuestionBank(contentsOf: Self.bankURL)
        #expect(bank.questions.count >= 140)
        let problems = Self.problems(bank.questions)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("every why-not follow-up has its pair in alternatives.json: dimensions, spoken phrases, a checked source")
    func alternativesCoverTheBank() throws {
        let bank = try QuestionBank(contentsOf: Self.bankURL)
        let map = try AlternativesMap(contentsOf: Self.bankURL.deletingLastPathComponent().appendingPathComponent("alternatives.json"))
        for q in bank.questions {
            for (n, f) in q.followUps.enumerated() {
                guard let o = f.options else { continue }
                #expect(map.separating(o.chosen, o.other) != nil, "\(q.id) follow-up \(n + 1): no pair for \(o.chosen) / \(o.other)")
            }
        }
        for pair in map.pairs {
            #expect(pair.options.count == 2 && !pair.dimensions.isEmpty, "\(pair.options)")
            for d in pair.dimensions {
                for phrase in d.phrases {
                    #expect(phrase.allSatisfy { $0.isLetter || $0 == " " || $0 == "'" } && phrase == phrase.lowercased(),
                            "\(pair.options) \(d.name): \"\(phrase)\" (spoken words only: the recognizer writes no digits)")
                }
            }
        }
        let data = try Data(contentsOf: Self.bankURL.deletingLastPathComponent().appendingPathComponent("alternatives.json"))
        let raw = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        for case let pair as [String: Any] in raw["pairs"] as? [Any] ?? [] {
            let checked = pair["checked"] as? [String: Any]
            #expect(checked?["on"] is String && (checked?["source"] as? String)?.hasPrefix("https://") == true, "\(pair["options"] ?? "?"): no checked date and source")
        }
    }

    @Test("the checker catches a duplicate id, an empty field and a missing level")
    func checkerCatchesProblems() {
        let good = Question(id: "a", role: .beginner, topic: "iam", kind: .concept, prompt: "What is a role?",
                            targetSeconds: 60, services: ["IAM"], keyPoints: [.init(point: "p", phrases: ["assume"])],
                            pitfalls: ["t"], followUps: [.init(text: "f")])
        var duplicate = good
        duplicate.role = .mid
        var empty = good
        empty.id = "b"
        empty.role = .senior
        empty.prompt = " "
        var unknownService = good
        unknownService.id = "c"
        unknownService.services = ["Simple Storage Service"]
        let problems = Self.problems([good, duplicate, empty, unknownService])
        #expect(problems.contains("c: service \"Simple Storage Service\" is not a catalog name (ServiceCatalog)"))
        #expect(problems.contains("a: duplicate id"))
        #expect(problems.contains("b: empty prompt"))
        #expect(problems.contains("topic ec2 has no beginner question"))
        #expect(!problems.contains { $0.hasPrefix("topic iam") })
    }
}
