import Testing
@testable import Analysis

@Suite("Four parts")
struct StructureTests {
    static let strong = """
    We were storing user uploads for a social app and the disks kept filling up. I chose S3 over a file \
    server on EC2 because we needed durability. The downside was cost on small reads, so we put CloudFront \
    in front. As a result storage costs dropped by forty percent.
    """

    @Test("a four-part answer shows all four, with the speaker's words as evidence")
    func allFour() {
        let r = analyzer.analyze(text: Self.strong)
        for part in AnswerPart.allCases { #expect(r.structure[part].present, "\(part)") }
        #expect(r.structure.choice.evidence.contains("i chose s3"))
        #expect(r.structure.tradeoff.evidence.contains("downside"))
        #expect(r.structure.result.evidence.contains("dropped"))
    }

    @Test("the same answer as a transcript, lowercase with no punctuation")
    func unpunctuated() {
        let text = Self.strong.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }
        let r = analyzer.analyze(text: text)
        for part in AnswerPart.allCases { #expect(r.structure[part].present, "\(part)") }
    }

    @Test("an answer may open on its measured outcome; a scene timed 'within an hour' before the decision is not one")
    func resultFirst() {
        let first = analyzer.analyze(text: "I cut our dev account bill by about a third in my first month. The test instances ran "
            + "all night although nobody used them. I set up a scheduler to stop them at seven in the evening. The catch is "
            + "that someone working late finds their box stopped.")
        #expect(first.structure.result.present)
        #expect(first.flags.measurableResult)
        let scene = analyzer.analyze(text: "Someone pushed an access key to a public repo and within an hour we got a billing "
            + "alert. We deleted the key and the instances that night. The catch is that we lost the test data on them.")
        #expect(!scene.structure.result.present)
    }

    @Test("an outcome still to come is no result; one already said stays one, whatever follows it")
    func forecastIsNoResult() {
        let forecast = analyzer.analyze(text: "we had a hot partition on the sessions table so i'm changing the key to tenant id "
            + "plus a random suffix and that should cut the throttling by about ninety percent once it's rolled out")
        #expect(!forecast.structure.result.present)
        #expect(!forecast.flags.measurableResult)
        let said = analyzer.analyze(text: "The upload server kept running out of disk, so I moved uploads to S3. Storage "
            + "came in about forty percent cheaper than the old plan, you will see.")
        #expect(said.structure.result.present)
    }

    @Test("a bill that went up after the decision is its price, not its outcome")
    func costWentUp() {
        let r = analyzer.analyze(text: "a single az setup was never going to reach the target so we spread it across three "
            + "azs with multi az rds and um the cost went up by about forty percent mostly from the standby database")
        #expect(r.structure.tradeoff.present)
        #expect(!r.structure.result.present)
    }

    @Test("each part can be missing", arguments: AnswerPart.allCases)
    func missing(part: AnswerPart) {
        let sentences: [AnswerPart: String] = [
            .context: "Our bill jumped and nobody knew why.",
            .choice: "We went with Savings Plans rather than reserved instances.",
            .tradeoff: "The catch is that we are locked in for a year.",
            .result: "The bill came down by a third within two months.",
        ]
        let text = AnswerPart.allCases.filter { $0 != part }.map { sentences[$0]! }.joined(separator: " ")
        let r = analyzer.analyze(text: text)
        #expect(!r.structure[part].present, "\(part) should be missing from: \(text)")
        for other in AnswerPart.allCases where other != part {
            #expect(r.structure[other].present, "\(other) should be found in: \(text)")
        }
    }

    @Test("a description with no I or we is not a story: no parts, and it is a definition")
    func description() {
        let r = analyzer.analyze(text: """
        Multi-AZ means a workload survives losing one availability zone, while multi-region means it survives         losing a region. Backups give you recovery rather than availability, with an RTO measured in hours.
        """)
        #expect(r.structure.presentCount == 0)
        #expect(r.flags.definitionOnly)
    }

    @Test("a choice is the speaker's own: 'you pick a key' in a definition is not a decision")
    func ownChoice() {
        #expect(!analyzer.analyze(text: "In DynamoDB you pick a partition key and a sort key.").structure.choice.present)
        #expect(analyzer.analyze(text: "I picked the customer id as the partition key.").structure.choice.present)
        #expect(analyzer.analyze(text: "Rather than chasing line items by hand, I made tags mandatory.").structure.choice.present)
    }

    @Test("timed words give each part a time span")
    func spans() {
        let text = "we were storing uploads and the disks kept filling up so i chose s3 over a file server " +
            "the downside was cost on small reads as a result costs dropped by forty percent"
        let r = analyzer.analyze(words: evenlyTimed(text))
        let ctx = r.structure.context, result = r.structure.result
        #expect(ctx.start == 0)
        #expect(result.start != nil && result.end != nil)
        #expect(result.start! > ctx.start!)
        #expect(r.segments.contains { $0.part == .choice && $0.start != nil })
    }
}

@Suite("Services")
struct ServiceTests {
    @Test("spoken and written forms map to canonical names", arguments: [
        ("we put it in s three", "S3"), ("on e c two instances", "EC2"), ("dynamo d b tables", "DynamoDB"),
        ("route fifty three health checks", "Route 53"), ("the a l b returned errors", "ALB"),
        ("we used DynamoDB", "DynamoDB"), ("a multi-AZ RDS instance", "RDS"), ("cloud front caching", "CloudFront"),
        ("the nat gateway bill", "NAT Gateway"), ("secrets manager rotation", "Secrets Manager"),
        ("spark jobs on e m r", "EMR"), ("we moved to DocumentDB", "DocumentDB"), ("scratch space on FSx for Lustre", "FSx"),
        ("a cluster in AWS Batch", "AWS Batch"), ("the file gateway cached it", "Storage Gateway"),
        ("keys in cloud hsm", "CloudHSM"), ("an idle elastic ip", "Elastic IP"), ("hosted on sagemaker", "SageMaker"),
    ])
    func canonical(text: String, name: String) {
        #expect(analyzer.analyze(text: text).services.contains(name), "\(text)")
    }

    @Test("longest spelling wins: S3 Glacier is Glacier only")
    func longest() {
        #expect(analyzer.analyze(text: "we archived to s3 glacier").services == ["Glacier"])
    }

    @Test("ordinary words are not services")
    func noFalseHits() {
        #expect(analyzer.analyze(text: "I am sure the team spotted the config change in the backup").services.isEmpty)
        // Everyday phrases that contain a newer service's words.
        #expect(analyzer.analyze(text: "an in memory db and a document db with a data sync job at the same time stream it in batch").services.isEmpty)
    }

    @Test("one-token forms (what the language model raises) are names, never a first word of a longer one")
    func singleTokenForms() {
        let forms = ServiceCatalog.singleTokenForms
        #expect(forms.isSuperset(of: ["cloudwatch", "sqs", "s3", "lambda", "dynamodb", "eventbridge"]))
        #expect(forms.allSatisfy { !$0.contains(" ") })
        for word in ["cloud", "aws", "batch", "gateway", "step", "route", "elastic", "simple", "load", "auto"] {
            #expect(!forms.contains(word), "\(word)")
        }
        // Every one of them is a service by itself.
        for form in forms { #expect(!analyzer.analyze(text: "we used \(form) there").services.isEmpty, "\(form)") }
    }
}
