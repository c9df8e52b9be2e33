import Analysis
import Foundation
import History
import Reports
import Testing
import TestSupport

/// The block a retry's report opens with: what changed against the last attempt at the question.
@Suite("Retry comparison")
struct RetryComparisonTests {
    private let question = try! JSONDecoder().decode(Question.self, from: Data("""
        {"id": "vpc-test", "role": "mid", "topic": "vpc", "kind": "troubleshooting",
         "prompt": "A private subnet cannot reach the internet. What do you check?", "targetSeconds": 90,
         "keyPoints": [
           {"point": "Route table sends 0.0.0.0/0 to a NAT gateway", "phrases": ["route table"]},
           {"point": "NAT gateway lives in a public subnet", "phrases": ["public subnet"]},
           {"point": "Security groups and NACLs allow the return traffic", "phrases": ["network acl"]}],
         "traps": [], "followUps": [], "services": ["VPC"]}
        """.utf8))

    private func attempt(_ text: String, id: Int64?, wordSeconds: Double) -> Attempt {
        var t = 0.5
        let words = text.split(separator: " ").map { w -> Word in
            defer { t += wordSeconds + 0.05 }
            return Word(String(w), start: t, end: t + wordSeconds)
        }
        var a = Attempt(report: AnswerAnalyzer(question: question).analyze(words: words), question: question)
        a.id = id
        return a
    }

    @Test("score, pace, fillers, parts gained and lost, key points newly covered")
    func changes() throws {
        let first = attempt("um so the uh instances could not reach the internet um and i checked the route table", id: 7,
                            wordSeconds: 0.2)
        let retry = attempt("""
            our private instances could not reach the internet so i chose to check the route table and the network acl \
            rather than the security groups because the nat gateway was in a public subnet and as a result updates worked again
            """, id: nil, wordSeconds: 0.3)
        let text = CompareReport(style: Style(enabled: false)).sinceLast(first, retry)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Since your last attempt (#7, "), "\(text)")
        let score = try #require(lines.first { $0.contains("Score") })
        #expect(score.contains("\(first.score) → \(retry.score)") && score.contains(String(format: "%+d", retry.score - first.score)),
                "\(text)")
        let pace = try #require(lines.first { $0.contains("Pace") })
        #expect(pace.contains(" wpm → ") && pace.hasSuffix(" wpm") && pace.contains("-"), "slower: \(pace)")
        let fillers = try #require(lines.first { $0.contains("Fillers") })
        #expect(fillers.contains("\(first.fillerCount) (") && fillers.contains("→ 0 (") && fillers.contains("/min"), "\(fillers)")
        let parts = try #require(lines.first { $0.contains("Parts") })
        // The first attempt had no result; the retry has one.
        #expect(!first.parts.result && retry.parts.result && first.parts.count < retry.parts.count)
        let gained = AnswerPart.allCases.filter { !first.parts[$0] && retry.parts[$0] }.map(\.title)
        #expect(parts.contains("\(first.parts.count) of 4 → \(retry.parts.count) of 4   gained " + gained.joined(separator: ", ")),
                "\(text)")
        #expect(gained.contains("Result") && !parts.contains("lost"), "\(text)")
        let points = try #require(lines.first { $0.contains("Key points") })
        #expect(points.contains("1 of 3 → 3 of 3"), "\(text)")
        #expect(points.contains("newly covered: NAT gateway lives in a public subnet; Security groups and NACLs allow the return traffic"),
                "\(text)")
        #expect(!points.contains("Route table"), "covered both times: not new")

        // The other way round: what was lost shows as lost.
        let back = CompareReport(style: Style(enabled: false)).sinceLast(retry, first)
        #expect(back.contains("lost") && back.contains("no longer: "), "\(back)")
        #expect(back.hasPrefix("Since your last attempt\n"), "an unsaved previous attempt has no id to name")
    }
}
