import Foundation
import Testing
@testable import Analysis

@Suite("Content coverage")
struct ContentCoverageTests {
    static let checked = Checked(on: "2026-12-06", source: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html")
    private let question = Question(
        id: "vpc-test", role: .mid, topic: "vpc", kind: .troubleshooting,
        prompt: "A private subnet cannot reach the internet. What do you check?", targetSeconds: 90,
        services: ["VPC"],
        keyPoints: [
            .init(point: "Route table sends 0.0.0.0/0 to a NAT gateway", phrases: ["route table", "nat gateway"]),
            .init(point: "NAT gateway lives in a public subnet", phrases: ["nat in a public subnet", "public subnet"]),
            .init(point: "Security groups and NACLs allow the return traffic", phrases: ["network acl", "ephemeral ports"]),
        ],
        followUps: [.init(text: "Why a NAT gateway rather than a NAT instance?")])

    /// A concept question with a swapped-claim misconception, as the bank writes them.
    static let sgQuestion = Question(
        id: "sg-test", role: .beginner, topic: "vpc", kind: .concept,
        prompt: "Security groups and network ACLs both filter traffic. How do they differ, and when would you use each?",
        targetSeconds: 75, services: ["VPC"],
        keyPoints: [
            .init(point: "Security groups are stateful.", phrases: ["security group stateful", "stateful security group", "return traffic automatically"],
                  misconceptions: [.init(claim: "Security groups are stateless.", correction: "Security groups are stateful; network ACLs are stateless.",
                                         phrases: ["security group stateless", "stateless security group"])]),
            .init(point: "Network ACLs are stateless.", phrases: ["acl stateless", "stateless acl", "nacl stateless"],
                  misconceptions: [.init(claim: "NACLs are stateful.", correction: "Network ACLs are stateless: allow the return traffic too.",
                                         phrases: ["acl stateful", "nacl stateful"])]),
            .init(point: "Security groups only allow; NACLs can deny.", phrases: ["only allow rules", "allow rules only", "nacl deny", "explicit deny"]),
        ])

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

    @Test("a phrase's words must come in order, with at most two others between")
    func orderAndGaps() throws {
        // (Two of the point's words only: three would make it in other words, in any order.)
        let far = AnswerAnalyzer(question: question).analyze(text: "The table of all the routes was long.")
        #expect(far.coverage?.hit.isEmpty == true)
        let near = AnswerAnalyzer(question: question).analyze(text: "The route in the table pointed nowhere.")
        #expect(near.coverage?.hit.map(\.phrase) == ["route table"])
        // Another order within the same span counts for a key point…
        let reversed = AnswerAnalyzer(question: question).analyze(text: "The table route was fine.")
        #expect(reversed.coverage?.hit.map(\.phrase) == ["route table"])
        // …but not across a sentence end, and never for a phrase with a number in it.
        let split = AnswerAnalyzer(question: question).analyze(text: "Check the table. Route it later.")
        #expect(split.coverage?.hit.isEmpty == true)
        var numbered = question
        numbered.keyPoints = [.init(point: "A 403 means access denied.", phrases: ["four oh three"])]
        #expect(AnswerAnalyzer(question: numbered).analyze(text: "It returned four oh three.").coverage?.hit.count == 1)
        #expect(AnswerAnalyzer(question: numbered).analyze(text: "It returned three oh four.").coverage?.hit.isEmpty == true)
    }

    @Test("a key point made in other words: its own content words, most of them, in one sentence")
    func pointInOtherWords() throws {
        var q = question
        q.keyPoints = [.init(point: "Metrics say that something is slow but not which hop; a trace gives the per-request path.",
                             phrases: ["trace map"])]
        let said = try #require(AnswerAnalyzer(question: q).analyze(
            text: "Metrics tell you something is slow, but a trace shows which hop, request by request.").coverage)
        #expect(said.hit.first?.phrase.hasPrefix("in other words") == true)
        let scattered = try #require(AnswerAnalyzer(question: q).analyze(
            text: "Metrics are cheap. Something was slow last week. A trace is nice.").coverage)
        #expect(scattered.hit.isEmpty)
        let denied = try #require(AnswerAnalyzer(question: q).analyze(
            text: "It doesn't matter: metrics tell you something is slow, but a trace shows which hop, request by request.").coverage)
        #expect(denied.hit.first?.phrase.hasPrefix("in other words") == true)
        let negated = try #require(AnswerAnalyzer(question: q).analyze(
            text: "It doesn't show which hop is slow in metrics or give a trace per request.").coverage)
        #expect(negated.hit.isEmpty)
    }

    @Test("a key point made in its phrases' words: three in one sentence, two of them a phrase's, none the prompt's")
    func pointInPhraseWords() throws {
        var q = question
        q.keyPoints = [.init(point: "Gives the detection timeline: who reported it, how long before the team knew.",
                             phrases: ["customers reported", "support ticket", "hours before"])]
        let said = try #require(AnswerAnalyzer(question: q).analyze(
            text: "A customer emailed support about three hours in, and nobody on call knew.").coverage)
        #expect(said.hit.first?.phrase.hasPrefix("in other words") == true)
        // Two of them are not enough, nor three spread over sentences.
        let two = try #require(AnswerAnalyzer(question: q).analyze(text: "A customer emailed support.").coverage)
        #expect(two.hit.isEmpty)
        let spread = try #require(AnswerAnalyzer(question: q).analyze(
            text: "A customer was unhappy. Support got busy. It took hours.").coverage)
        #expect(spread.hit.isEmpty)
        // The prompt's own words do not count: restating the question earns nothing.
        var asked = q
        asked.prompt = "Tell me about a time customers found a problem through support before you did."
        let echo = try #require(AnswerAnalyzer(question: asked).analyze(
            text: "A customer emailed support about three hours in.").coverage)
        #expect(echo.hit.isEmpty)
        let negated = try #require(AnswerAnalyzer(question: q).analyze(
            text: "No customer emailed support about it for hours.").coverage)
        #expect(negated.hit.isEmpty)
    }

    @Test("typed figures are read as they are said: codes and ports digit by digit, quantities before a unit")
    func typedFigures() throws {
        #expect(SpokenDigits.words("504", beforeUnit: false) == ["five", "oh", "four"])
        #expect(SpokenDigits.words("443", beforeUnit: false) == ["four", "four", "three"])
        #expect(SpokenDigits.words("500", beforeUnit: false) == ["five", "hundred"])
        #expect(SpokenDigits.words("250", beforeUnit: true) == ["two", "hundred", "and", "fifty"])
        #expect(SpokenDigits.words("3306", beforeUnit: false) == ["thirty", "three", "oh", "six"])
        #expect(SpokenDigits.words("3500", beforeUnit: true) == ["three", "thousand", "five", "hundred"])
        #expect(SpokenDigits.words("99.99", beforeUnit: false) == ["ninety", "nine", "point", "nine", "nine"])
        #expect(SpokenDigits.words("s3", beforeUnit: false) == nil)
        var q = question
        q.keyPoints = [.init(point: "A 504 means the target did not answer in time.", phrases: ["five oh four", "twenty nine seconds"])]
        let typed = try #require(AnswerAnalyzer(question: q).analyze(text: "The 504 came after 29 seconds.").coverage)
        #expect(typed.hit.count == 1)
        let other = try #require(AnswerAnalyzer(question: q).analyze(text: "The 502 came after 30 seconds.").coverage)
        #expect(other.hit.isEmpty)
    }

    @Test("a point in other words may run over two sentences in a row, not over three")
    func pointOverTwoSentences() throws {
        var q = question
        q.keyPoints = [.init(point: "Declare the incident sooner, assign clear roles and decide the rollback earlier.",
                             phrases: ["incident commander"])]
        let two = try #require(AnswerAnalyzer(question: q).analyze(
            text: "I'd declare the incident sooner. And clear roles.").coverage)
        #expect(two.hit.count == 1)
        let apart = try #require(AnswerAnalyzer(question: q).analyze(
            text: "I'd declare the incident sooner. Support heard from customers first. And clear roles.").coverage)
        #expect(apart.hit.isEmpty)
    }

    @Test("a recording's sentences end at its pauses: a point's words spread over a spoken answer do not make it")
    func spokenSentences() throws {
        var q = question
        q.keyPoints = [.init(point: "Metrics say that something is slow but not which hop; a trace gives the per-request path.",
                             phrases: ["trace map"])]
        // Three spoken sentences with a second's pause between them, no punctuation.
        let words = evenlyTimed("metrics showed something slow") + evenlyTimed("we looked around for a while", start: 3)
            + evenlyTimed("a trace of each hop per request helped", start: 6)
        let spoken = try #require(AnswerAnalyzer(question: q).analyze(words: words).coverage)
        #expect(spoken.hit.isEmpty)
        let said = evenlyTimed("metrics tell you something is slow but a trace shows which hop request by request")
        #expect(try #require(AnswerAnalyzer(question: q).analyze(words: said).coverage).hit.count == 1)
    }

    @Test("stems: plural and past forms meet the phrase")
    func stems() {
        #expect(KeyPointMatcher.stem("allows") == KeyPointMatcher.stem("allowed"))
        #expect(KeyPointMatcher.stem("denies") == KeyPointMatcher.stem("denied"))
        #expect(KeyPointMatcher.stem("stopping") == KeyPointMatcher.stem("stopped"))
        #expect(KeyPointMatcher.stem("groups") == "group")
        #expect(KeyPointMatcher.stem("status") == "status")
        #expect(KeyPointMatcher.stem("speed") == "speed")
    }

    @Test("negation: a denied claim earns no key point and states no misconception")
    func negation() throws {
        let analyzer = AnswerAnalyzer(question: Self.sgQuestion)
        let right = try #require(analyzer.analyze(text: "Security groups are stateful, so replies come back on their own.").coverage)
        #expect(right.hit.map(\.point) == ["Security groups are stateful."])
        #expect(right.misconceptions.isEmpty)
        let denied = try #require(analyzer.analyze(text: "Security groups are not stateless at all.").coverage)
        #expect(denied.misconceptions.isEmpty)
        let notRight = try #require(analyzer.analyze(text: "Security groups aren't stateful.").coverage)
        #expect(notRight.hit.isEmpty)
    }

    @Test("a swapped claim is called out with its correction, earns nothing, and holds the score down")
    func swappedClaim() throws {
        var analyzer = AnswerAnalyzer(question: Self.sgQuestion)
        analyzer.commonMisconceptions = CommonMisconceptions()  // the question's own list only
        let wrong = "Security groups are stateless and network ACLs are stateful. Security groups have deny rules and attach to the subnet, "
            + "while network ACLs attach to the network interface. I use them whenever I need to filter traffic, for example for a web tier."
        let report = analyzer.analyze(text: wrong)
        let coverage = try #require(report.coverage)
        #expect(coverage.misconceptions.map(\.claim) == ["Security groups are stateless.", "NACLs are stateful."])
        #expect(coverage.misconceptions[0].said.contains("stateless"))
        #expect(!coverage.hit.contains { $0.point == "Security groups are stateful." || $0.point == "Network ACLs are stateless." })
        #expect(report.score.overall <= 35)
        #expect(report.feedback.first?.topic == "wrong claim")
        #expect(report.feedback.first?.suggestion.contains("stateful") == true)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let listed = (json?["coverage"] as? [String: Any])?["misconceptions"] as? [[String: Any]]
        #expect(listed?.first?["said"] is String && listed?.first?["correction"] is String)
    }

    /// The stateless claim written as subject and predicate, with no phrase of its own.
    static let claimOnly = Misconception(
        claim: "Security groups are stateless.", correction: "Security groups are stateful.", phrases: [],
        bound: .init(subject: ["security group", "sg"], says: ["stateless", "return traffic needs its own rule"],
                     others: ["network acl", "nacl"]))

    @Test("a claim is stated when its predicate is said of the subject, however the sentence runs")
    func claimStated() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        for sentence in ["Security groups are stateless, so you open the ephemeral ports outbound.",
                         "The thing with security groups is that they're basically stateless.",
                         "I like security groups. They are stateless, which keeps them simple.",
                         "Unlike network ACLs, security groups are stateless.",
                         "Security groups are stateless, network ACLs are not."] {
            #expect(matcher.states(Self.claimOnly, sentence: sentence), "\(sentence)")
        }
    }

    @Test("a subject named after the claim with a negator in its own clause is denied it; a negator in an earlier phrase is not")
    func claimDeniedOfALaterName() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        #expect(!matcher.states(Self.claimOnly, sentence: "Stateless rules need a rule for return traffic, and you don't get that with a security group."))
        #expect(!matcher.states(Self.claimOnly, sentence: "stateless filtering is cheap but you never get it from a security group"))
        #expect(matcher.states(Self.claimOnly, sentence: "Stateless with no extra cost, that's how security groups work."))
    }

    @Test("a claim is not stated when its predicate belongs to the other thing, is denied, or is rejected")
    func claimNotStated() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        for sentence in ["Security groups are stateful, unlike network ACLs, which are stateless.",
                         "Network ACLs are stateless while security groups remember the connection.",
                         "Network ACLs are stateless, security groups are not.",
                         "Security groups are not stateless.",
                         "Stateless filtering is what a NACL does, and security groups track state.",
                         "It's a myth that security groups are stateless.",
                         "A common mistake is calling security groups stateless.",
                         "It's stateless.",
                         "Network ACLs sit at the subnet: they are stateless for every security group behind them.",
                         "Instead of assuming the security groups there are stateless, check the flow logs.",
                         "Rather than treating security groups as stateless, trust the return path.",
                         "Network ACLs on that subnet are basically stateless and security groups track connections."] {
            #expect(!matcher.states(Self.claimOnly, sentence: sentence), "\(sentence)")
        }
        // A rejection reaches the name after it within its clause only.
        #expect(matcher.states(Self.claimOnly, sentence: "Rather than a NACL rule, since security groups are stateless, you add both directions."))
        // A rejection between the claim and a name said after it.
        let backups = Misconception(claim: "Backups meet a one-minute RPO.", correction: "They are hours apart.", phrases: [],
                                    bound: .init(subject: ["backup and restore", "backups"], says: ["one minute rpo"], others: []))
        #expect(matcher.states(backups, sentence: "A one minute rpo is easy with backup and restore."))
        #expect(!matcher.states(backups, sentence: "A one minute rpo rules out backup and restore."))
        // A negation in an earlier clause does not reach a claim after "and it".
        let hourly = Misconception(claim: "Athena bills by the hour.", correction: "By data scanned.", phrases: [],
                                   bound: .init(subject: ["athena"], says: ["bills by the hour"], others: []))
        #expect(matcher.states(hourly, sentence: "Athena is SQL on S3, nothing to run, and it bills by the hour."))
        #expect(!matcher.states(hourly, sentence: "Athena never bills by the hour."))
        #expect(!matcher.states(hourly, sentence: "Athena is not something that bills by the hour."))
        // A typed comma right before another name opens its clause: the claim is about the first.
        let billed = Misconception(claim: "Step Functions bills by duration.", correction: "Per state transition.", phrases: [],
                                   bound: .init(subject: ["step functions"], says: ["billed while it waits"], others: ["lambda"]))
        #expect(!matcher.states(billed, sentence: "Lambda is billed while it waits, Step Functions bills per transition."))
        #expect(matcher.states(billed, sentence: "Step Functions is billed while it waits, like Lambda."))
    }

    @Test("a name in a phrase is not matched inside a longer name of another thing")
    func longerNameIsAnotherThing() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        // As the bank writes it (containers-mid-task-cannot-start): by phrase and by claim, each alone.
        let byPhrase = Misconception(claim: "Add ECR permissions to the task role.", correction: "Pulls use the execution role.",
                                     phrases: ["task role needs ecr", "add ecr to the task role"])
        let byClaim = Misconception(claim: "Add ECR permissions to the task role.", correction: "Pulls use the execution role.", phrases: [],
                                    bound: .init(subject: ["task role"], says: ["needs ecr", "ecr permissions"],
                                                 others: ["execution role", "network"]))
        for m in [byPhrase, byClaim] {
            #expect(!matcher.states(m, sentence: "The task execution role needs ECR pull permissions."), "\(m.phrases)")
            #expect(!matcher.states(m, sentence: "Then permissions: the task execution role needs ECR access."), "\(m.phrases)")
            #expect(matcher.states(m, sentence: "The task role needs ECR permissions."), "\(m.phrases)")
        }
        // Words between that name nothing, or the same thing, still let the name match.
        #expect(matcher.states(byPhrase, sentence: "Add ECR permissions to the task role."))
        #expect(matcher.states(byPhrase, sentence: "Just add ECR to the ECS task role."))
        #expect(matcher.matches(["vpc endpoint"], sentence: "Create a VPC interface endpoint for ECR."))
        // A second pair, for a key point: an AWS managed key is not a customer managed one.
        #expect(matcher.matches(["aws managed key"], sentence: "It uses the AWS managed key by default."))
        #expect(!matcher.matches(["aws managed key"], sentence: "It uses an AWS KMS customer managed key."))
        // And for a claim, the longer of two names said is the one meant: "nat" in "nat instance".
        let patching = Misconception(claim: "You patch a NAT gateway yourself.", correction: "AWS manages it.", phrases: [],
                                     bound: .init(subject: ["nat gateway", "nat"], says: ["patch the os yourself"], others: ["nat instance"]))
        #expect(!matcher.states(patching, sentence: "You patch the OS yourself on a NAT instance."))
        #expect(matcher.states(patching, sentence: "You patch the OS yourself on a NAT gateway."))
    }

    @Test("a claim made conditional right after it ('only when') is not the absolute wrong belief")
    func qualifiedClaim() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        let enough = Misconception(claim: "An identity policy allow is enough.", correction: "Any explicit deny wins.", phrases: [],
                                   bound: .init(subject: ["identity policy"], says: ["is enough"], others: ["deny"]))
        #expect(matcher.states(enough, sentence: "The identity policy is enough, so the request goes through."))
        #expect(!matcher.states(enough, sentence: "The identity policy is necessary, and it is enough only when nothing denies."))
    }

    @Test("an answer that names nothing is about what the question asked")
    func claimAboutTheQuestion() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        let half = Misconception(claim: "Half the function timeout.", correction: "At least six times the function timeout.", phrases: [],
                                 bound: .init(subject: ["visibility timeout"], says: ["half the function timeout"], others: ["batch window"]))
        let answer = KeyPointMatcher.text("You set it to roughly half the function timeout, so a stuck message comes back quickly.")
        #expect(matcher.statement(of: half, in: answer, asked: KeyPointMatcher.text("How would you choose the visibility timeout?")) != nil)
        #expect(matcher.statement(of: half, in: answer, asked: KeyPointMatcher.text("How would you size the batch window?")) == nil)
        #expect(matcher.statement(of: half, in: answer) == nil)
    }

    @Test("a phrase the prompt contains earns nothing, so restating the question scores no key point")
    func promptWordsEarnNothing() throws {
        var q = Self.sgQuestion
        q.keyPoints.append(.init(point: "Both filter traffic.", phrases: ["filter traffic"]))
        let report = AnswerAnalyzer(question: q).analyze(text: q.prompt)
        #expect(report.coverage?.hit.isEmpty == true)
        #expect(report.score.overall <= 40)
    }

    @Test("coverage is null in JSON when no question was given")
    func nullWithoutQuestion() throws {
        let plain = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnswerAnalyzer().analyze(text: "We chose SQS."))) as? [String: Any]
        #expect(plain?["coverage"] is NSNull)
        let asked = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnswerAnalyzer(question: question).analyze(text: "the route table"))) as? [String: Any]
        let coverage = try #require(asked?["coverage"] as? [String: Any])
        #expect((coverage["hit"] as? [[String: Any]])?.first?["start"] is NSNull)
        #expect(coverage["missed"] is [String])
        #expect(coverage["misconceptions"] is [Any])
    }

    @Test("a report stored before schemaVersion 2 still reads, as it was scored")
    func olderReportsRead() throws {
        let report = AnswerAnalyzer(question: question).analyze(text: "the route table")
        var json = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        json["schemaVersion"] = 1
        json.removeValue(forKey: "rubric")
        json.removeValue(forKey: "followUpOf")
        var coverage = try #require(json["coverage"] as? [String: Any])
        coverage.removeValue(forKey: "misconceptions")
        json["coverage"] = coverage
        let old = try JSONDecoder().decode(AnswerReport.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.schemaVersion == 1)
        #expect(old.rubric == nil)
        #expect(old.score == report.score)
        #expect(report.schemaVersion == 2)
    }

    // MARK: The question part of the score

    /// A diagnosis of the VPC question that says one, two or three of its key points.
    private func vpcAnswer(points: Int) -> String {
        let said = ["the route table had no path to a nat gateway", "the nat sat in a public subnet",
                    "the network acl blocked the ephemeral ports"].prefix(points).joined(separator: " and ")
        return "First I would look at the flow logs for the instance to see whether packets leave. I checked that \(said). "
            + "It could be the route, or it might be the ACL; the flow logs would show which. "
            + "The fix is to add the route, and I would add an alarm so we catch it next time."
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
        // A story question, so the rubric itself does not already sink the story.
        var question = self.question
        question.kind = .ownership
        let elsewhere = AnswerAnalyzer(question: question).analyze(text: StructureTests.strong)
        let unasked = AnswerAnalyzer().analyze(text: StructureTests.strong)
        #expect(unasked.score.overall > 80)
        #expect(elsewhere.score.overall == 40)
        let part = try #require(elsewhere.score.parts["question"])
        #expect(part.points == 0)
        #expect(part.note.hasPrefix("This seems to answer another question: none of its key points and no VPC came up"))
        #expect(elsewhere.feedback.first?.topic == "off the question")
        #expect(elsewhere.feedback.first?.suggestion.contains(question.prompt) == true)
        #expect(!unasked.feedback.contains { $0.topic == "off the question" })

        // Same answer, but it names the question's service: no key point, yet not off the question.
        let touching = AnswerAnalyzer(question: question).analyze(text: StructureTests.strong + " It all ran in one VPC.")
        #expect(touching.score.overall > 40)
        #expect(touching.score.parts["question"]?.points == 0)
        #expect(!touching.feedback.contains { $0.topic == "off the question" })
    }

    @Test("a story that never comes to the question's subject is held at the ceiling, whatever key points it earns")
    func storyAboutSomethingElse() throws {
        var question = self.question
        question.kind = .ownership
        question.keyPoints.append(.init(point: "Costs came down", phrases: ["costs dropped"]))
        question.subject = ["outage", "downtime", "more reliable"]
        let elsewhere = AnswerAnalyzer(question: question).analyze(text: StructureTests.strong)
        #expect(elsewhere.score.overall == 40)
        let part = try #require(elsewhere.score.parts["question"])
        #expect(part.points > 0)
        #expect(part.note.hasPrefix("This seems to answer another question: it never comes to what this one is about (\"outage\""))
        #expect(elsewhere.feedback.first?.topic == "off the question")
        // The same story, once it says what the question is about, is not held.
        let onIt = AnswerAnalyzer(question: question).analyze(text: StructureTests.strong + " It also ended the downtime we had every month.")
        #expect(onIt.score.overall > 40)
        #expect(!onIt.feedback.contains { $0.topic == "off the question" })
    }

    @Test("a claim is not stated inside a condition, of what the speaker then does, or against a relative clause that denies it")
    func claimHypotheticalOrDenied() throws {
        let matcher = KeyPointMatcher(rules: try RubricBook.standard.get().matching)
        let lists = Misconception(claim: "GetObject also lists the bucket.", correction: "Listing is ListBucket.", phrases: [],
                                  bound: .init(subject: ["getobject"], says: ["lists the bucket"], others: ["listbucket"]))
        #expect(matcher.states(lists, sentence: "GetObject on the bucket ARN, and it lists the bucket too."))
        #expect(!matcher.states(lists, sentence: "Allow GetObject on the objects. If it lists the bucket too, add the other action."))
        let hour = Misconception(claim: "A role session lasts at most an hour.", correction: "Up to twelve hours.", phrases: [],
                                 bound: .init(subject: ["role session", "assumerole"], says: ["capped at an hour"], others: []))
        #expect(matcher.states(hour, sentence: "Role sessions are capped at an hour, so we refresh them."))
        #expect(!matcher.states(hour, sentence: "Sessions capped at an hour, and I'd watch CloudTrail for AssumeRole calls."))
        let peering = Misconception(claim: "Peering is transitive.", correction: "It is one to one.", phrases: [],
                                    bound: .init(subject: ["peering"], says: ["transitive"], others: ["transit gateway"]))
        #expect(matcher.states(peering, sentence: "We set up peering. The traffic is transitive through the middle network."))
        #expect(!matcher.states(peering, sentence: "We set up peering. The call is transitive through the peer, which peering won't carry."))
    }

    @Test("no question part without key points or without a question")
    func noQuestionPart() {
        var bare = question
        bare.keyPoints = []
        #expect(AnswerAnalyzer(question: bare).analyze(text: StructureTests.strong).score.parts["question"] == nil)
        #expect(AnswerAnalyzer().analyze(text: StructureTests.strong).score.parts["question"] == nil)
    }
}
