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
}
