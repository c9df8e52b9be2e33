import Foundation
import Testing
@testable import Analysis

/// AWS quotas and defaults as figures (Models/limits.json): a limit given with the wrong figure is
/// a wrong claim, whatever the question.
@Suite("Limits and defaults")
struct ServiceLimitsTests {
    static let units: [String: [String: Double]] = [
        "time": ["second": 1, "seconds": 1, "minute": 60, "minutes": 60, "hour": 3600, "hours": 3600, "day": 86400, "days": 86400, "year": 31_536_000],
        "size": ["kb": 1e3, "mb": 1e6, "megabyte": 1e6, "megabytes": 1e6, "gb": 1e9, "gigabytes": 1e9],
    ]

    static let figureWords = ServiceLimits.FigureWords(
        negators: ["not", "never", "no", "can't", "cannot", "isn't", "doesn't", "don't"], capNegators: ["can't", "cannot", "doesn't", "don't"],
        comparing: ["than", "past", "over", "under", "above"], ranges: ["between", "from"], approximators: ["about", "around", "only", "of"])

    static func limits(_ list: [ServiceLimits.Limit]) -> ServiceLimits {
        ServiceLimits(.init(units: units, limitCues: ["at most", "maximum", "by default", "can only", "capped"],
                            upToNeeds: ["can", "keeps"], notALimit: ["we set", "people think", "used to"],
                            clauseBreaks: ["and", "but", "while"], figureWords: figureWords, limits: list))
    }

    static func limit(_ about: String, subject: [String], measure: [String], unit: String, accept: [String]) -> ServiceLimits.Limit {
        .init(about: about, subject: subject, measure: measure, unit: unit, accept: accept,
              correction: "\(about): \(accept.joined(separator: " or "))", examples: .init())
    }

    static let lambda = limit("how long one Lambda invocation can run", subject: ["lambda", "function"],
                              measure: ["run", "timeout"], unit: "time", accept: ["15 minutes", "3 seconds"])
    static let shardIn = limit("shard writes", subject: ["shard"], measure: ["writes", "in"], unit: "size", accept: ["1 MB"])
    static let shardOut = limit("shard reads", subject: ["shard"], measure: ["reads", "out"], unit: "size", accept: ["2 MB"])
    static let devices = limit("mfa devices", subject: ["user"], measure: ["mfa devices"], unit: "count", accept: ["8"])

    func figures(_ text: String) -> [Double] {
        let words = Tokenizer.tokens(from: Tokenizer.words(fromText: text)).map(\.text)
        let units = Dictionary(uniqueKeysWithValues: Self.units.flatMap { family, units in units.map { ($0.key, (family: family, size: $0.value)) } })
        return ServiceLimits.figures(in: words, units: units).map(\.value)
    }

    @Test("figures said in words or typed in digits read as their value in the family's base unit")
    func spokenFigures() {
        #expect(figures("three hundred and sixty five days") == [365 * 86400])
        #expect(figures("10,240 MB") == [10_240 * 1e6])
        #expect(figures("ten thousand two hundred and forty megabytes") == [10_240 * 1e6])
        #expect(figures("one point five gigabytes") == [1.5e9])
        #expect(figures("twenty four hours") == [24 * 3600])
        #expect(figures("up to a year") == [31_536_000])
        #expect(figures("five five") == [5, 5])
        #expect(figures("the hundred eighty day minimum") == [180 * 86400])
        // A rate: "a second" after a figure is not a second figure.
        #expect(figures("a thousand reads a second") == [1000])
        #expect(figures("one megabyte a second") == [1e6])
    }

    @Test("the repository's limits read, and every example sentence is caught or left as written")
    func standardFile() throws {
        let limits = try ServiceLimits.standard.get()
        #expect(limits.file.limits.count >= 30)
        #expect(limits.lint() == [])
        #expect(limits.file.limits.allSatisfy { $0.checked != nil && !$0.correction.isEmpty })
    }

    @Test("a limit given as a limit with a wrong figure is caught; the right figure, a setting, a belief reported or a plain duration is not")
    func limitStatements() {
        let l = Self.limits([Self.lambda])
        #expect(l.wrongFigure(in: "A Lambda can only run for thirty minutes."))
        #expect(l.wrongFigure(in: "The maximum Lambda timeout is five minutes."))
        #expect(l.wrongFigure(in: "A Lambda function can't run longer than an hour."))
        #expect(!l.wrongFigure(in: "A Lambda can only run for fifteen minutes."))
        #expect(!l.wrongFigure(in: "A Lambda can run for at most 900 seconds."))
        #expect(!l.wrongFigure(in: "The timeout is three seconds by default for a Lambda."))
        #expect(!l.wrongFigure(in: "We set the Lambda timeout to thirty seconds."))
        #expect(!l.wrongFigure(in: "People think a Lambda can run for an hour at most."))
        #expect(!l.wrongFigure(in: "The Lambda's run took about two minutes."))
        #expect(!l.wrongFigure(in: "It used to be five minutes at most for a Lambda."))
        #expect(!l.wrongFigure(in: "A Lambda can't run for thirty minutes."))
        #expect(!l.wrongFigure(in: "Since then no Lambda of ours has run more than a day."), "a past count is not a limit")
        #expect(!l.wrongFigure(in: "A Lambda's timeout is at most fifteen minutes, so runs under an hour still need splitting."))
    }

    @Test("a figure given as the default must be the default, not just an allowed value")
    func defaults() {
        var lambda = Self.lambda
        lambda.byDefault = ["3 seconds"]
        var file = Self.limits([lambda]).file
        file.defaultCues = ["by default", "defaults to", "default is"]
        let l = ServiceLimits(file)
        #expect(l.problems.isEmpty)
        #expect(l.wrongFigure(in: "A Lambda function's timeout is fifteen minutes by default."))
        #expect(l.wrongFigure(in: "The Lambda timeout defaults to fifteen minutes."))
        #expect(!l.wrongFigure(in: "The Lambda timeout defaults to three seconds."))
        #expect(!l.wrongFigure(in: "A Lambda function times out after three seconds by default and can run up to fifteen minutes."))
        #expect(!l.wrongFigure(in: "The default is three seconds, and a Lambda can run for fifteen minutes at most."))
        #expect(!l.wrongFigure(in: "By default a Lambda can run up to fifteen minutes."))
        // Without byDefault every accepted figure may be the default.
        var plain = file
        plain.limits = [Self.lambda]
        #expect(!ServiceLimits(plain).wrongFigure(in: "A Lambda function's timeout is fifteen minutes by default."))
        // A default that is not an allowed figure is a mistake in the file.
        lambda.byDefault = ["5 seconds"]
        file.limits = [lambda]
        #expect(ServiceLimits(file).problems.contains { $0.contains("byDefault \"5 seconds\" is not in accept") })
    }

    @Test("of two limits of one subject, the measure said nearest the figure decides")
    func nearestMeasure() {
        let l = Self.limits([Self.shardIn, Self.shardOut])
        #expect(!l.wrongFigure(in: "A shard can take at most one megabyte a second of writes and two megabytes a second out."))
        #expect(l.wrongFigure(in: "A shard can take at most two megabytes a second of writes."))
        #expect(l.wrongFigure(in: "A shard serves at most one megabyte a second of reads."))
    }

    @Test("a count is the number right before what it counts")
    func counts() {
        let l = Self.limits([Self.devices])
        #expect(l.wrongFigure(in: "A user can have at most two MFA devices."))
        #expect(!l.wrongFigure(in: "A user can have at most eight MFA devices."))
        #expect(!l.wrongFigure(in: "We registered two MFA devices for each user."))
        #expect(!l.wrongFigure(in: "A user can have at most two of them, MFA devices I mean."), "what is counted must follow the number")
    }

    @Test("a wrong figure is a wrong claim in the report, with no question, on a question, and on a follow-up, and holds the score down")
    func inTheReport() throws {
        let question = Question(
            id: "q", role: .mid, topic: "lambda", kind: .design, prompt: "Design the nightly export.", targetSeconds: 90,
            services: ["Lambda"], keyPoints: [KeyPoint(point: "Batches fit the run time.", phrases: ["split into batches"])],
            followUps: [FollowUp(text: "What if the export grows?", kind: .scale,
                                 keyPoints: [KeyPoint(point: "More batches.", phrases: ["more batches"])])])
        let wrong = "I'd split into batches and run each in a Lambda, since a Lambda can run for up to an hour at most, and alarm on errors."
        let right = "I'd split into batches and run each in a Lambda, since a Lambda can run for fifteen minutes at most, and alarm on errors."
        for q in [nil, question] as [Question?] {
            for followUp in [false, true] where q != nil || !followUp {
                var a = AnswerAnalyzer(question: q)
                a.rubrics = try RubricBook.standard.get()
                a.commonMisconceptions = CommonMisconceptions()
                a.serviceLimits = Self.limits([Self.lambda])
                if followUp, let f = q?.followUp(1) { a.followUp = (1, f) }
                let report = a.analyze(text: wrong)
                let hits = report.coverage?.misconceptions ?? []
                #expect(hits.count == 1 && hits.first?.common == true && hits.first?.point == Self.lambda.about,
                        "question \(q?.id ?? "none"), follow-up \(followUp): \(hits)")
                #expect(hits.first?.said.contains("an hour") == true)
                #expect(report.score.overall <= 35)
                #expect(a.analyze(text: right).coverage?.misconceptions.isEmpty ?? true)
                a.serviceLimits = ServiceLimits.none
                #expect(a.analyze(text: wrong).coverage?.misconceptions.isEmpty ?? true)
            }
        }
    }
}
