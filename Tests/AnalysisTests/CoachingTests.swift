import Foundation
import Testing
@testable import Analysis

@Suite("Coaching: timing, feedback, ownership, follow-up answers")
struct CoachingTests {
    @Test("per-part timing: shares, time to decision, long preamble")
    func timing() throws {
        // 16 words of set-up (6.4 s), then a short choice and result.
        let setUp = "our checkout service kept timing out every friday night and nobody on the team knew why it happened"
        let rest = "so i moved the sessions to dynamodb and checkout errors dropped by ninety percent"
        let r = analyzer.analyze(words: evenlyTimed(setUp + " " + rest))
        let decision = try #require(r.timing.timeToDecisionSeconds)
        #expect(decision > 6 && decision < 8, "\(decision) \(r.segments.map { "\($0.parts) \($0.start ?? -1) \($0.text)" })")
        let context = try #require(r.timing.parts["context"])
        #expect(context.start == 0 && context.share > 0.5)
        #expect(r.timing.longPreamble && r.flags.longPreamble)
        #expect(r.feedback.contains { $0.topic == "long preamble" })

        let brisk = analyzer.analyze(words: evenlyTimed("our checkout kept timing out so i moved the sessions to dynamodb and errors dropped by ninety percent"))
        #expect(!brisk.timing.longPreamble)
        #expect(analyzer.analyze(text: setUp).timing.timeToDecisionSeconds == nil)
    }

    @Test("feedback quotes the speaker and says what to add")
    func feedback() throws {
        let r = analyzer.analyze(text: "Our queue kept backing up. I chose SQS over Kinesis because consumers worked at their own pace.")
        let tradeoff = try #require(r.feedback.first { $0.topic == "trade-off" })
        #expect(tradeoff.quote.contains("i chose sqs over kinesis"))
        #expect(tradeoff.suggestion.contains("downside"))
        #expect(r.feedback.contains { $0.topic == "result" })
        #expect(r.feedback.count <= 3)
        let strong = analyzer.analyze(text: StructureTests.strong)
        #expect(strong.feedback.isEmpty, "\(strong.feedback)")
    }

    @Test("'we' against 'I' matters only on ownership questions")
    func ownership() {
        let text = "We owned the pipeline. We rebuilt it and we added approvals and our deploys stopped breaking."
        let question = Question(id: "own", role: .senior, topic: "ownership", kind: .ownership, prompt: "What did you own?",
                                targetSeconds: 120)
        let asked = AnswerAnalyzer(question: question).analyze(text: text)
        #expect(asked.ownership.weCount >= 4 && asked.ownership.iCount == 0)
        #expect(asked.flags.mostlyWe)
        #expect(!analyzer.analyze(text: text).flags.mostlyWe)
        let mine = AnswerAnalyzer(question: question).analyze(text: "I owned the pipeline. I rebuilt it and we added approvals.")
        #expect(!mine.flags.mostlyWe)
    }

    @Test("a follow-up answer is judged on naming a real separating dimension")
    func followUpAnswer() {
        let map = AlternativesMap(pairs: [.init(options: ["SQS", "Kinesis"], dimensions: [
            .init(name: "replay", explain: "", phrases: ["replay", "reprocess"]),
            .init(name: "ordering", explain: "", phrases: ["in order", "ordering"]),
        ], followUps: [])])
        let judge = AnswerAnalyzer(alternatives: map, followUpTo: ("SQS", "Kinesis"))
        let good = judge.analyze(text: "We never needed to reprocess old messages, and ordering per user did not matter.")
        #expect(good.followUpAnswer?.dimensionsNamed == ["replay", "ordering"])
        #expect(good.followUpAnswer?.namesRealDifference == true)
        let vague = judge.analyze(text: "SQS is just better and simpler for us, honestly.")
        #expect(vague.followUpAnswer?.namesRealDifference == false)
        #expect(analyzer.analyze(text: "anything").followUpAnswer == nil)
        // A pair the map says nothing about cannot be judged: no "no real difference named".
        let unknown = AnswerAnalyzer(alternatives: map, followUpTo: ("Express", "Standard"))
        #expect(unknown.analyze(text: "Idempotent steps already give us that safety, far cheaper.").followUpAnswer == nil)
    }

    @Test("a bank follow-up's own words are no separating dimension; the speaker's are, in any form")
    func followUpDimensionsNotEchoed() {
        let map = AlternativesMap(pairs: [.init(options: ["ALB", "API Gateway"], dimensions: [
            .init(name: "API features", explain: "", phrases: ["throttling", "api keys"]),
            .init(name: "cost", explain: "", phrases: ["per request"]),
        ], followUps: [])])
        var judge = AnswerAnalyzer(alternatives: map)
        judge.followUp = (1, FollowUp(text: "Why not API Gateway, since it gives you throttling?", kind: .alternative,
                                      options: .init(chosen: "ALB", other: "API Gateway")))
        let echo = judge.analyze(text: "Throttling is definitely something to think about, and every team should plan for it.")
        #expect(echo.followUpAnswer?.namesRealDifference == false)
        let reason = judge.analyze(text: "We get charged per requests there, and our traffic is steady all day.")
        #expect(reason.followUpAnswer?.dimensionsNamed == ["cost"])
    }
}
