import Foundation
import Testing
@testable import Analysis

/// The common list of wrong beliefs (Models/misconceptions.json): checked whatever the question.
@Suite("Common wrong beliefs")
struct CommonMisconceptionTests {
    static let sns = Misconception(
        claim: "SNS delivers each message exactly once.", correction: "Standard topics deliver at least once.",
        phrases: [], bound: .init(subject: ["sns"], says: ["exactly once"], others: ["fifo topic", "sqs fifo"]),
        examples: .init(match: ["SNS delivers exactly once", "with SNS you get it exactly once"],
                        noMatch: ["SNS is at least once", "a FIFO topic gives exactly once processing"]),
        checked: .init(on: "2026-12-06", source: "https://docs.aws.amazon.com/sns/"))
    static let common = CommonMisconceptions([sns])
    static let wrong = "We fan the order events out with SNS, and since SNS delivers each message exactly once the consumers don't deduplicate. Each consumer writes to its own table and we alarm on errors."

    func analyzer(question: Question? = nil, common: CommonMisconceptions) throws -> AnswerAnalyzer {
        var a = AnswerAnalyzer(question: question)
        a.rubrics = try RubricBook.standard.get()
        a.commonMisconceptions = common
        return a
    }

    static let question = Question(
        id: "q", role: .mid, topic: "messaging", kind: .design, prompt: "Design the order event fan-out.", targetSeconds: 90,
        services: ["SNS"], keyPoints: [KeyPoint(point: "Consumers are idempotent.", phrases: ["idempotent consumers"])],
        followUps: [FollowUp(text: "What happens when a consumer is down?", kind: .mechanism,
                             keyPoints: [KeyPoint(point: "Messages wait in its queue.", phrases: ["wait in the queue"])])])

    @Test("a common belief is called out with no question, on a question and on a follow-up, and holds the score down")
    func calledOutEverywhere() throws {
        for question in [nil, Self.question] as [Question?] {
            for followUp in [false, true] where question != nil || !followUp {
                var with = try analyzer(question: question, common: Self.common)
                var without = try analyzer(question: question, common: CommonMisconceptions())
                if followUp, let f = question?.followUp(1) { with.followUp = (1, f); without.followUp = (1, f) }
                let report = with.analyze(text: Self.wrong)
                let hits = report.coverage?.misconceptions ?? []
                #expect(hits.count == 1 && hits.first?.common == true && hits.first?.point == "sns",
                        "question \(question?.id ?? "none"), follow-up \(followUp): \(hits)")
                #expect(report.score.overall <= 35)
                #expect(without.analyze(text: Self.wrong).coverage?.misconceptions.isEmpty ?? true)
                #expect(report.feedback.first?.topic == "wrong claim")
            }
        }
    }

    @Test("not called out when the belief is denied or said of the other thing, and said once when the question's own list has it")
    func notFalselyOrTwice() throws {
        let right = "SNS is at least once, so consumers deduplicate; only a FIFO topic gives exactly once processing."
        #expect(try analyzer(common: Self.common).analyze(text: right).coverage == nil)
        var q = Self.question
        q.keyPoints[0].misconceptions = [Misconception(claim: "SNS never sends a message twice.", correction: "It can.",
                                                       phrases: ["delivers each message exactly once"])]
        let hits = try analyzer(question: q, common: Self.common).analyze(text: Self.wrong).coverage?.misconceptions ?? []
        #expect(hits.map(\.common) == [false], "\(hits)")
    }

    @Test("a report from before the common list still reads")
    func oldReportDecodes() throws {
        let json = #"{"said":"x","claim":"c","correction":"d","point":"p","start":null}"#
        let hit = try JSONDecoder().decode(ContentCoverage.MisconceptionHit.self, from: Data(json.utf8))
        #expect(!hit.common)
    }

    @Test("the lint wants a bound claim, phrases that name a subject, examples that pass, and no right bank example stating it")
    func lint() throws {
        let rules = try RubricBook.standard.get().matching
        var unbound = Self.sns; unbound.bound = nil
        var loose = Self.sns; loose.phrases = ["exactly once delivery"]
        var failing = Self.sns; failing.examples.noMatch.append("SNS gives you exactly once")
        let kp = KeyPoint(point: "p", phrases: ["fan out"], examples: .init(match: ["SNS fans out exactly once to each queue"]))
        let bank = QuestionBank(questions: [Question(id: "b", role: .mid, topic: "messaging", kind: .concept, prompt: "?",
                                                     targetSeconds: 60, keyPoints: [kp])])
        let problems = BankLint.problems(in: CommonMisconceptions([unbound, loose, failing]), bank: bank, rules: rules)
        #expect(problems.contains { $0.contains("› 1 ") && $0.contains("needs a claim (bound)") })
        #expect(problems.contains { $0.contains("› 2 ") && $0.contains("names none of its subjects") })
        #expect(problems.contains { $0.contains("› 3 ") && $0.contains("should not state it but does: \"SNS gives you exactly once\"") })
        #expect(problems.contains { $0.contains("› 2 ") && $0.contains("a right example of b states it") })
        #expect(BankLint.problems(in: Self.common, bank: QuestionBank(questions: []), rules: rules).isEmpty)
    }

    static var modelsURL: URL { QuestionBankTests.bankURL.deletingLastPathComponent() }

    @Test("the shipped list passes the lint against the shipped bank")
    func shippedList() throws {
        let common = try CommonMisconceptions(contentsOf: Self.modelsURL.appendingPathComponent(CommonMisconceptions.fileName))
        #expect(!common.misconceptions.isEmpty)
        let bank = try QuestionBank(contentsOf: QuestionBankTests.bankURL)
        let problems = BankLint.problems(in: common, bank: bank, rules: try RubricBook.standard.get().matching)
        #expect(problems.isEmpty, "\(problems.count) problems, first: \(problems.prefix(10).joined(separator: "\n"))")
    }

    /// Every strong answer the labelled sets hold (first answers and follow-up answers, every
    /// round) is right: the writers state no wrong claim in them. A common belief called out in
    /// one is a false alarm that would cost a good answer its score.
    @Test("the shipped list calls out nothing in any labelled strong answer")
    func noFalseAlarms() throws {
        let common = try CommonMisconceptions(contentsOf: Self.modelsURL.appendingPathComponent(CommonMisconceptions.fileName))
        let data = Self.modelsURL.deletingLastPathComponent().appendingPathComponent("Tests/Data")
        var strong: [(String, String)] = []
        for set in ["kind-eval", "followup-eval"] {
            let folder = data.appendingPathComponent(set)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("pairs") && name.hasSuffix(".json") {
                let pairs = try RubricEvaluation.load([RubricEvaluation.Pair].self, from: folder.appendingPathComponent(name).path)
                strong += pairs.map { ("\(set)/\(name) \($0.question)", $0.strong) }
            }
        }
        #expect(strong.count > 500)
        let analyzer = try analyzer(common: common)
        var alarms: [String] = []
        for (label, answer) in strong {
            for hit in analyzer.analyze(text: answer).coverage?.misconceptions ?? [] { alarms.append("\(label): \(hit.claim) at \"\(hit.said)\"") }
        }
        #expect(alarms.isEmpty, "\(alarms.count): \(alarms.prefix(10).joined(separator: "\n"))")
    }

    /// The language model's corpus (Models/corpus) is answers said the way people say them, each
    /// line checked against AWS documentation (corpus/checked.json dates what changed). Scored as
    /// an answer to no question, no line may state a common wrong belief or a wrong limit: each
    /// would be a right answer held at 35.
    @Test("no line of the corpus states a common wrong belief or a wrong limit")
    func corpusHasNoFalseAlarms() throws {
        let common = try CommonMisconceptions(contentsOf: Self.modelsURL.appendingPathComponent(CommonMisconceptions.fileName))
        let corpus = Self.modelsURL.appendingPathComponent("corpus")
        var analyzer = try analyzer(common: common)
        analyzer.serviceLimits = try ServiceLimits(contentsOf: Self.modelsURL.appendingPathComponent(ServiceLimits.fileName))
        var lines = 0
        var alarms: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.split(separator: " ").count >= 8 {
                lines += 1
                for hit in analyzer.analyze(text: String(line)).coverage?.misconceptions ?? [] {
                    alarms.append("\(name):\(n + 1): \(hit.claim) at \"\(hit.said)\"")
                }
            }
        }
        #expect(lines > 500)
        #expect(alarms.isEmpty, "\(alarms.count) of \(lines) lines: \(alarms.prefix(12).joined(separator: "\n"))")
    }
}
