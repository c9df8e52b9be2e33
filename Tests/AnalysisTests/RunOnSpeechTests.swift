import Testing
@testable import Analysis

/// Fluent speech as a recognizer returns it: lowercase, no punctuation, a word every `perWord`
/// seconds with almost no gap inside a sentence and a short one (`sentenceGap`) between sentences,
/// as people talk: nowhere near the quarter second that used to be needed for a full stop.
func fluent(_ sentences: [String], wordsPerMinute: Double = 165, sentenceGap: Double = 0.15) -> [Word] {
    let perWord = 60 / wordsPerMinute
    var t = 0.0
    var words: [Word] = []
    for (k, sentence) in sentences.enumerated() {
        if k > 0 { t += sentenceGap }
        for w in sentence.split(separator: " ") {
            words.append(Word(String(w), start: t, end: t + perWord - 0.02, confidence: 0.9))
            t += perWord
        }
    }
    return words
}

@Suite("Run-on speech")
struct RunOnSpeechTests {
    /// About 35 s at 165 words a minute. The decision ("i pushed for") comes after 40 words, at
    /// about 14.5 s; no sentence has a connective the old splitter cut at.
    static let sentences = [
        "our checkout service ran on two large ec2 instances",
        "every black friday the database ran out of connections and orders failed for twenty minutes at a time",
        "the team kept buying bigger instances and it never held for long",
        "i pushed for putting the order writes onto an sqs queue with a lambda consumer rather than growing the database again",
        "orders show up a few seconds late in the admin screen and support had to learn to explain that",
        "since then black friday has brought four times the normal traffic without a single lost order",
    ]

    static func wordTime(_ words: [Word], _ text: String) -> Double? {
        let target = text.split(separator: " ").map(String.init)
        guard let i = words.indices.first(where: { i in
            i + target.count <= words.count && words[i..<i + target.count].map(\.text) == target }) else { return nil }
        return words[i].start
    }

    @Test("a fluent 35 s answer: the decision is timed where it was said, and it is no long preamble")
    func decisionTime() throws {
        let words = fluent(Self.sentences)
        let span = words.last!.end! - words.first!.start!
        #expect(span > 33 && span < 38, "\(span)")
        let r = analyzer.analyze(words: words)
        for part in AnswerPart.allCases { #expect(r.structure[part].present, "\(part)") }
        let said = try #require(Self.wordTime(words, "i pushed for"))
        let decision = try #require(r.timing.timeToDecisionSeconds)
        #expect(abs(decision - said) < 0.5, "decision timed at \(decision) s, said at \(said) s")
        #expect(!r.timing.longPreamble, "\(r.timing)\n\(r.segments.map { "\($0.parts) \($0.text)" }.joined(separator: "\n"))")
        #expect(r.structure.choice.evidence.hasPrefix("i pushed for"), "\(r.structure.choice.evidence)")
    }

    @Test("each part quotes its own words: at most 25, never the same span as another part")
    func evidenceSpans() {
        let r = analyzer.analyze(words: fluent(Self.sentences))
        let present = AnswerPart.allCases.filter { r.structure[$0].present }
        #expect(present.count == 4)
        for part in present {
            let n = r.structure[part].evidence.split(separator: " ").count
            #expect(n > 0 && n <= 25, "\(part): \(n) words")
        }
        // No two parts share a run of three words.
        func trigrams(_ s: String) -> Set<String> {
            let w = s.split(separator: " ").map(String.init)
            return w.count < 3 ? [] : Set((0...(w.count - 3)).map { w[$0..<$0 + 3].joined(separator: " ") })
        }
        for (i, a) in present.enumerated() {
            for b in present[(i + 1)...] {
                let shared = trigrams(r.structure[a].evidence).intersection(trigrams(r.structure[b].evidence))
                #expect(shared.isEmpty, "\(a) and \(b) quote the same words: \(shared)")
            }
        }
    }

    @Test("one run-on clause holding a situation, a decision and its price is cut at each part's cue")
    func oneClauseManyParts() throws {
        // No pause, no punctuation, no connective: only the cues tell the parts apart.
        let words = fluent(["our nightly export kept timing out at four hours i moved it to step functions with one task per table the catch is another service to learn"],
                           sentenceGap: 0)
        let r = analyzer.analyze(words: words)
        #expect(r.structure.context.present && r.structure.choice.present && r.structure.tradeoff.present)
        #expect(!r.structure.context.evidence.contains("i moved"), "\(r.structure.context.evidence)")
        #expect(!r.structure.choice.evidence.contains("catch"), "\(r.structure.choice.evidence)")
        let said = try #require(Self.wordTime(words, "i moved"))
        #expect(abs(try #require(r.timing.timeToDecisionSeconds) - said) < 0.5)
        #expect(r.segments.count >= 3, "\(r.segments.map(\.text))")
    }

    @Test("a subject and its verb start a clause; a bound one does not", arguments: [
        ("the disks kept filling up every week we moved uploads to s3", 2),
        ("the queue that we moved to sqs last year", 1),
        ("it was a lot cheaper than we expected", 1),
    ])
    func subjectStarts(text: String, clauses: Int) {
        let tokens = Tokenizer.tokens(from: Tokenizer.words(fromText: text))
        let cut = ClauseSplitter.split(tokens, masked: tokens.map(\.text), cues: .standard)
        #expect(cut.count == clauses, "\(cut.map(\.text))")
    }
}

@Suite("Spoken measures")
struct SpokenMeasureTests {
    @Test("fractions, multiples, from X to none, durations after the outcome count as measured results", arguments: [
        "Our Athena bill was huge. I partitioned the tables by day instead of scanning everything. Now a query costs about a twentieth of what it did.",
        "Pages kept firing every night. I added a dead-letter queue with SQS and a retry limit. The alarms went from thousands a night to none.",
        "A region outage took the API down for an hour. I built a warm standby in a second region with Route 53 failover. In the last drill we switched regions in eleven minutes.",
        "A bad deploy kept crashing the service. I added automatic rollback on the CodeDeploy alarm. The next bad deploy stopped within a minute.",
        "The reports were slow for the finance team. I moved them to Redshift instead of the OLTP database. They now run ten times faster.",
        "Our EC2 bill kept growing. I pushed for Savings Plans over on-demand. The compute line fell by a third.",
    ])
    func spokenResults(text: String) {
        let r = analyzer.analyze(text: text)
        #expect(r.flags.measurableResult, "\(text)\n\(r.segments.map { "\($0.parts) \($0.text)" })")
    }

    @Test("an ordinal or a vague amount is no measure", arguments: [
        "a third option was to shard the table",
        "we talked about a minute detail in the design",
    ])
    func notMeasures(text: String) {
        let tokens = Tokenizer.tokens(from: Tokenizer.words(fromText: text)).map(\.text)
        #expect(!Quantities.hasMeasurement(tokens[...]))
    }
}

@Suite("Implied services and like as such-as")
struct ImpliedServiceTests {
    @Test("a service described but not named is listed with the words that describe it", arguments: [
        ("we kept the exports in a bucket with a lifecycle rule", "S3", "lifecycle rule"),
        ("i raised the visibility timeout so messages stopped coming back", "SQS", "visibility timeout"),
        ("we picked the customer id as the partition key", "DynamoDB", "partition key"),
        ("we turned on a multi az standby for the database", "RDS", "multi az standby"),
        ("failed messages go to a dead letter queue", "SQS", "dead letter queue"),
        ("we put an edge cache in front of the images", "CloudFront", "edge cache"),
    ])
    func implied(text: String, service: String, evidence: String) throws {
        let r = analyzer.analyze(text: text)
        let found = try #require(r.impliedServices.first { $0.service == service }, "\(r.impliedServices)")
        #expect(found.evidence == evidence)
        #expect(found.advice.contains(service))
    }

    @Test("a named service is not implied, and a token bucket is no S3")
    func namedIsNotImplied() {
        #expect(analyzer.analyze(text: "we kept the exports in an s3 bucket").impliedServices.isEmpty)
        #expect(analyzer.analyze(text: "we raised the sqs visibility timeout").impliedServices.isEmpty)
        #expect(analyzer.analyze(text: "a token bucket limits each client").impliedServices.isEmpty)
        let kinesis = analyzer.analyze(text: "kinesis spreads records by partition key")
        #expect(kinesis.impliedServices.isEmpty, "\(kinesis.impliedServices)")
    }

    @Test("the partition key names two services the person could mean")
    func alternatives() throws {
        let r = analyzer.analyze(text: "we picked the customer id as the partition key")
        #expect(try #require(r.impliedServices.first).alternatives == ["Kinesis"])
    }

    @Test("names people say: glue in context, compute optimizer, security groups, network ACLs, MFA, VPC peering")
    func catalogNames() {
        let r = analyzer.analyze(text: """
        We catalog it with glue, size instances with compute optimizer, allow traffic with security groups, \
        deny a range with a network ACL, require MFA, and connect the accounts with VPC peering.
        """)
        for name in ["Glue", "Compute Optimizer", "Security Groups", "Network ACLs", "MFA", "VPC Peering"] {
            #expect(r.services.contains(name), "\(name) in \(r.services)")
        }
        #expect(!analyzer.analyze(text: "we wrote some glue code between the services").services.contains("Glue"))
    }

    @Test("\"like\" before an example is \"such as\", not a filler", arguments: [
        "I use security groups for almost everything and a NACL for a blunt subnet-wide deny, like blocking a bad IP range.",
        "For a blunt deny, like denying a range of addresses, a NACL is simpler.",
        "A rule can reference another group, like the database accepting traffic from the app tier's group.",
        "Add replicas when reads are the bottleneck, like a reporting dashboard.",
    ])
    func likeAsSuchAs(text: String) {
        #expect(analyzer.analyze(text: text).fillers.byWord["like"] == nil)
    }

    @Test("\"like\" as a filler still counts")
    func likeFiller() {
        #expect(analyzer.analyze(text: "It was, like, really slow, and like going through logs took forever.").fillers.byWord["like"] == 2)
    }
}
