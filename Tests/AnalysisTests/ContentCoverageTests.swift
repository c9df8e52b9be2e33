import Foundation
import Testing
@testable import Analysis

@Suite("Content coverage")
struct ContentCoverageTests {
    private let question = Question(
        id: "vpc-test", role: .mid, topic: "vpc", kind: .troubleshooting,
        prompt: "A private subnet cannot reach the internet. What do you check?", targetSeconds: 90,
        keyPoints: [
            .init(point: "Route table sends 0.0.0.0/0 to a NAT gateway", phrases: ["route table", "nat gateway"]),
            .init(point: "NAT gateway lives in a public subnet", phrases: ["nat in a public subnet", "public subnet"]),
            .init(point: "Security groups and NACLs allow the return traffic", phrases: ["network acl", "ephemeral ports"]),
        ],
        traps: ["Opening the security group to 0.0.0.0/0"], followUps: ["Why a NAT gateway rather than a NAT instance?"],
        services: ["VPC"])

    @Test("hits and misses follow the phrases, after tokenisation and without fillers")
    func hitsAndMisses() throws {
        let words = evenlyTimed("first I check the route um table then the public-subnet it lives in")
        let report = AnswerAnalyzer(question: question).analyze(words: words)
        let coverage = try #require(report.coverage)
        #expect(coverage.hit.map(\.point) == [question.keyPoints[0].point, question.keyPoints[1].point])
        #expect(coverage.hit[0].phrase == "route table")
        #expect(coverage.hit[1].phrase == "public subnet")
        #expect(coverage.hit[0].start == words[4].start)
        #expect(coverage.missed == [question.keyPoints[2].point])
        #expect(coverage.total == 3)
    }

    @Test("a phrase must appear word for word")
    func partialPhraseIsAMiss() throws {
        let report = AnswerAnalyzer(question: question).analyze(text: "The table of routes and a gateway.")
        #expect(report.coverage?.hit.isEmpty == true)
        #expect(report.coverage?.missed.count == 3)
    }

    @Test("coverage is null in JSON when no question was given")
    func nullWithoutQuestion() throws {
        let plain = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnswerAnalyzer().analyze(text: "We chose SQS."))) as? [String: Any]
        #expect(plain?["coverage"] is NSNull)
        let asked = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnswerAnalyzer(question: question).analyze(text: "the route table"))) as? [String: Any]
        let coverage = try #require(asked?["coverage"] as? [String: Any])
        #expect((coverage["hit"] as? [[String: Any]])?.first?["start"] is NSNull)
        #expect(coverage["missed"] is [String])
    }

    // MARK: The question part of the score

    /// A four-part answer to the VPC question that says one, two or three of its key points.
    private func vpcAnswer(points: Int) -> String {
        let said = ["the route table had no path to a nat gateway", "the nat sat in a public subnet",
                    "the network acl blocked the ephemeral ports"].prefix(points).joined(separator: " and ")
        return "Instances in a private subnet could not download patches. I checked that \(said). "
            + "I chose a NAT gateway over a NAT instance because nobody wanted to patch it. "
            + "The downside is about forty dollars a month. As a result patching went back to ten minutes."
    }

    @Test("the question part grows with the key points covered, full at three")
    func questionPartFollowsCoverage() throws {
        let analyzer = AnswerAnalyzer(question: question)
        let parts = try (1...3).map { n in try #require(analyzer.analyze(text: vpcAnswer(points: n)).score.parts["question"]) }
        #expect(parts.map(\.points) == [6.7, 13.3, 20])
        #expect(parts.allSatisfy { $0.max == 20 && $0.measured })
        #expect(parts[0].note == "Covered 1 of 3 key points; also cover: \(question.keyPoints[1].point)")
        #expect(parts[2].note == "Covered 3 of 3 key points of the question.")
        let overall = (1...3).map { analyzer.analyze(text: vpcAnswer(points: $0)).score.overall }
        #expect(overall[0] < overall[1] && overall[1] < overall[2])
    }

    @Test("a strong answer to another question is held at the ceiling; naming the question's service lifts it")
    func offQuestionIsCapped() throws {
        let elsewhere = AnswerAnalyzer(question: question).analyze(text: StructureTests.strong)
        let unasked = AnswerAnalyzer().analyze(text: StructureTests.strong)
        #expect(unasked.score.overall > 80)
        #expect(elsewhere.score.overall == Scorer.offQuestionCeiling)
        let part = try #require(elsewhere.score.parts["question"])
        #expect(part.points == 0)
        #expect(part.note.hasPrefix("This seems to answer another question: none of its key points and no VPC came up"))
        #expect(elsewhere.feedback.first?.topic == "off the question")
        #expect(elsewhere.feedback.first?.suggestion.contains(question.prompt) == true)
        #expect(!unasked.feedback.contains { $0.topic == "off the question" })

        // Same answer, but it names the question's service: no key point, yet not off the question.
        let touching = AnswerAnalyzer(question: question).analyze(text: StructureTests.strong + " It all ran in one VPC.")
        #expect(touching.score.overall > Scorer.offQuestionCeiling)
        #expect(touching.score.parts["question"]?.points == 0)
        #expect(touching.score.parts["question"]?.note.hasPrefix("Covered 0 of 3 key points; also cover:") == true)
        #expect(!touching.feedback.contains { $0.topic == "off the question" })
    }

    @Test("no question part without key points (follow-ups) or without a question")
    func noQuestionPart() {
        var followUp = question
        followUp.keyPoints = []
        #expect(AnswerAnalyzer(question: followUp).analyze(text: StructureTests.strong).score.parts["question"] == nil)
        #expect(AnswerAnalyzer(question: followUp).analyze(text: StructureTests.strong).score.overall > 80)
        #expect(AnswerAnalyzer().analyze(text: StructureTests.strong).score.parts["question"] == nil)
    }
}
