import Testing
@testable import Analysis

@Suite("Flags")
struct FlagTests {
    @Test("service dump: services listed with no reasons")
    func serviceDump() {
        let dump = analyzer.analyze(text: "We used SQS, SNS, EventBridge and Lambda, and it worked well.")
        #expect(dump.flags.serviceDump)
        let reasoned = analyzer.analyze(text: """
        Orders arrived faster than the warehouse system could take them. We put SQS in front because \
        consumers needed to work at their own pace, SNS to fan out to email, and Lambda to process each order.
        """)
        #expect(!reasoned.flags.serviceDump)
    }

    @Test("a reason counts for the service it is said next to, not for the whole list")
    func reasonPerService() {
        let design = analyzer.analyze(text: "Sale days bring ten times the traffic. API Gateway in front, because we get "
            + "throttling without running anything. SQS behind it to soak up the spikes. Lambda consumers, because the work "
            + "is short and bursty. And DynamoDB for the order records, since every read is by order id.")
        #expect(!design.flags.serviceDump)
        let chain = analyzer.analyze(text: "our pipeline is codecommit into codebuild into codepipeline and then codedeploy "
            + "out to ec two with cloudformation for the infrastructure and secrets in parameter store and sns")
        #expect(chain.flags.serviceDump)
    }

    @Test("definition only: describes a service, decides nothing")
    func definitionOnly() {
        let def = analyzer.analyze(text: "RDS is a managed relational database service that supports MySQL and gives you automated backups.")
        #expect(def.flags.definitionOnly)
        let decision = analyzer.analyze(text: "RDS is a managed database. We chose it over running Postgres on EC2 because nobody wanted to patch it.")
        #expect(!decision.flags.definitionOnly)
    }

    @Test("volunteered downside")
    func downside() {
        #expect(analyzer.analyze(text: "We chose Lambda. The downside is cold starts on the first request.").flags.volunteeredDownside)
        #expect(!analyzer.analyze(text: "We chose Lambda because traffic was spiky.").flags.volunteeredDownside)
    }

    @Test("measurable result needs a number tied to the outcome", arguments: [
        ("We moved reads to a replica. As a result our p99 latency dropped to 40 ms.", true),
        ("I rightsized the fleet and our costs came down by forty percent.", true),
        ("We cut the bill by two thousand dollars a month.", true),
        ("We shipped it and everyone was happy.", false),
        ("We had three services and two queues.", false),
        ("I moved it to EC2 and we probably had two instances or something.", false),
        ("I moved deploys to blue green and since then we've had zero manual rollbacks in about forty releases.", true),
        ("Our morning report used to take forty minutes to run and now it's done in under three. The raw files sat in "
            + "S3 as small JSON. I added a Glue job that compacts them into Parquet.", true),
    ])
    func measurable(text: String, expected: Bool) {
        #expect(analyzer.analyze(text: text).flags.measurableResult == expected, "\(text)")
    }

    @Test("marketing language and hedging are spotted")
    func tone() {
        let r = analyzer.analyze(text: "It is a robust, seamless, fully managed service. I think maybe it was probably fine, I guess.")
        #expect(r.flags.marketingLanguage)
        #expect(r.flags.hedging)
        #expect(r.evidence.marketingLanguage.contains("robust"))
        let plain = analyzer.analyze(text: "We chose it because the team knew Postgres.")
        #expect(!plain.flags.marketingLanguage && !plain.flags.hedging)
    }
}

@Suite("Follow-ups and score")
struct FollowUpAndScoreTests {
    @Test("a missing trade-off gets a follow-up about the downside, using the alternatives map")
    func tradeoffFollowUp() {
        let map = AlternativesMap(pairs: [.init(options: ["SQS", "Kinesis"], dimensions: [],
                                                followUps: ["Why {chosen} rather than {other}?"])])
        let r = AnswerAnalyzer(alternatives: map).analyze(text:
            "Orders were piling up. We chose SQS because consumers needed their own pace. Errors went to zero.")
        #expect(!r.structure.tradeoff.present)
        #expect(r.followUps.first == "Why SQS rather than Kinesis?")
    }

    @Test("a definition gets asked for a real use")
    func definitionFollowUp() {
        let r = analyzer.analyze(text: "S3 is an object storage service that lets you store files.")
        #expect(r.followUps.first?.contains("Tell me about a time you chose S3") == true)
    }

    @Test("no result gets asked what was measured")
    func resultFollowUp() {
        let r = analyzer.analyze(text: "Our deploys kept failing. We chose CodeDeploy over scripts because rollbacks were manual. The catch is more config.")
        #expect(r.followUps.contains { $0.contains("measure") })
    }

    @Test("a strong answer outscores a definition and a dump; parts add up")
    func ordering() {
        let strong = analyzer.analyze(text: StructureTests.strong)
        let def = analyzer.analyze(text: "RDS is a managed relational database service that supports MySQL.")
        let dump = analyzer.analyze(text: "We used SQS, SNS, EventBridge, Lambda and DynamoDB.")
        #expect(strong.score.overall > 80)
        #expect(def.score.overall < 40 && dump.score.overall < 40)
        for r in [strong, def, dump] {
            let measured = r.score.parts.values.filter(\.measured)
            let expected = measured.reduce(0) { $0 + $1.points } / measured.reduce(0) { $0 + $1.max } * 100
            #expect(r.score.overall == Int(expected.rounded()))
            #expect(r.score.parts.values.allSatisfy { !$0.note.isEmpty })
        }
    }

    @Test("silence: no words is a valid report that says so")
    func noSpeech() {
        let r = analyzer.analyze(words: [])
        #expect(r.flags.noSpeech)
        #expect(r.warnings.contains("no speech detected"))
        #expect(r.score.overall == 0)
        #expect(!r.followUps.isEmpty)
    }
}
