import Foundation
import Testing
@testable import Analysis

/// The rubric by question kind (Models/rubrics.json): each must be able to fail.
@Suite("Rubrics by question kind")
struct RubricTests {
    static let sgAnswer = "Security groups are stateful and attach to the network interface, so return traffic is allowed "
        + "automatically and they only have allow rules. Network ACLs are stateless, sit at the subnet and can explicitly deny. "
        + "I use security groups for almost everything, and reach for a NACL when I need a blunt subnet-wide deny, "
        + "for example to block a bad IP range. I wouldn't use NACLs for fine-grained app rules because you have to manage ephemeral ports."

    static let lambdaQuestion = Question(
        id: "lambda-timeout", role: .mid, topic: "lambda", kind: .troubleshooting,
        prompt: "A Lambda function keeps timing out. Walk me through how you would debug it.", targetSeconds: 90,
        services: ["Lambda", "CloudWatch"],
        keyPoints: [.init(point: "Compare duration with the timeout.", phrases: ["duration metric", "duration against"]),
                    .init(point: "A downstream call hangs without a client timeout.", phrases: ["downstream call", "client timeout"]),
                    .init(point: "VPC egress is missing.", phrases: ["nat gateway", "vpc endpoint"])],
        followUps: [
            .init(text: "With reserved concurrency set, what happens to requests over the cap?", kind: .mechanism,
                  keyPoints: [.init(point: "They are throttled.", phrases: ["throttled", "throttle error", "four twenty nine"]),
                              .init(point: "From SQS, throttled messages go back to the queue and retry later.",
                                    phrases: ["back in the queue", "stay in the queue", "retried later", "visibility timeout"])]),
            .init(text: "How would you know the fix worked?", kind: .measurement)])

    static let diagnosis = "First I'd open the CloudWatch duration metric and compare it with the configured timeout, and pull the logs "
        + "and the X-Ray trace for a slow request. The most likely cause is a downstream call with no client timeout; "
        + "it could also be a missing NAT gateway if the function is in a VPC. The trace would show which segment hangs. "
        + "The fix is a client timeout shorter than the function's, and then I'd add an alarm on duration so we catch it next time."

    @Test("a correct beginner concept answer is judged as one: no story demanded, the when counts")
    func conceptAnswer() throws {
        let report = AnswerAnalyzer(question: ContentCoverageTests.sgQuestion).analyze(text: Self.sgAnswer)
        let rubric = try #require(report.rubric)
        #expect(rubric.kind == .concept && rubric.chosenBy == "question")
        #expect(rubric.criteria.first { $0.id == "whenToUse" }?.met == true)
        #expect(rubric.criteria.first { $0.id == "example" }?.met == true)
        #expect(report.score.overall >= 80)
        #expect(!report.feedback.contains { $0.topic == AnswerFlag.definitionOnly.topic })
        // Without the "when", the same facts lose the criterion that matters most for a concept.
        let bare = AnswerAnalyzer(question: ContentCoverageTests.sgQuestion).analyze(
            text: "Security groups are stateful and attach to the network interface. Network ACLs are stateless and sit at the subnet.")
        #expect(bare.rubric?.criteria.first { $0.id == "whenToUse" }?.met == false)
        #expect(bare.rubric?.faults.contains { $0.id == "noWhen" } == true)
        #expect(report.rubric?.faults.contains { $0.id == "noWhen" } == false)
        #expect(bare.score.overall < report.score.overall - 15)
    }

    @Test("an ordered diagnosis scores as one; restarting first is named as the fault")
    func troubleshooting() throws {
        let analyzer = AnswerAnalyzer(question: Self.lambdaQuestion)
        let good = analyzer.analyze(text: Self.diagnosis)
        #expect(good.rubric?.kind == .troubleshooting)
        #expect(good.rubric?.criteria.allSatisfy(\.met) == true)
        #expect(good.rubric?.faults.isEmpty == true)
        #expect(good.score.overall >= 80)
        let guess = analyzer.analyze(text: "I'd just restart it and give it more memory, then probably just raise the timeout. If that fails I'd redeploy it.")
        #expect(guess.rubric?.faults.first?.id == "guessing")
        #expect(guess.score.overall <= 40)
        #expect(guess.feedback.contains { $0.topic == "jumps to a fix without looking" })
    }

    @Test("an answer that names nothing concrete is held at the ceiling; the same shape with specifics is not")
    func nothingConcrete() throws {
        let q = Question(id: "design-test", role: .mid, topic: "messaging", kind: .design,
                         prompt: "Design a pipeline that must not lose events.", targetSeconds: 90, services: ["SQS"],
                         keyPoints: [.init(point: "A durable queue buffers events.", phrases: ["durable queue"])])
        let vague = "First I'd gather the requirements, because that matters a lot. Then I'd think about failure, and what happens if "
            + "something goes down, and about retries. The trade-off is always cost against complexity, and I'd make sure it can scale."
        let report = AnswerAnalyzer(question: q).analyze(text: vague)
        let fault = try #require(report.rubric?.faults.first { $0.id == "nothingConcrete" })
        #expect(fault.ceiling == 40)
        #expect(report.score.overall <= 40)
        let concrete = vague.replacingOccurrences(of: "about retries", with: "about retries from an SQS queue into Lambda, "
            + "with fifty thousand events a day")
        let better = AnswerAnalyzer(question: q).analyze(text: concrete)
        #expect(better.rubric?.faults.contains { $0.id == "nothingConcrete" } == false)
    }

    @Test("weighing options aloud and taking none is named and held at 40; committing to one is not")
    func noDecision() throws {
        let q = Question(id: "design-test", role: .senior, topic: "resilience", kind: .design,
                         prompt: "Design failover for a web app across two regions.", targetSeconds: 120, services: ["Route 53"],
                         keyPoints: [.init(point: "Health-checked DNS failover.", phrases: ["failover routing"])])
        let hedged = "There are a few ways to do it. Route 53 has latency routing and failover routing, and each has its benefits. "
            + "You could use Global Accelerator, or even CloudFront, depending on the traffic. For data there's Aurora Global Database "
            + "or DynamoDB global tables, and both have trade-offs in cost and complexity. It depends on the RTO and RPO."
        let report = AnswerAnalyzer(question: q).analyze(text: hedged)
        let fault = try #require(report.rubric?.faults.first { $0.id == "noDecision" })
        #expect(fault.ceiling == 40)
        #expect(report.score.overall <= 40)
        #expect(report.score.parts["rubric"]?.note.contains("held at 40") == true)
        let committed = "Route 53 failover routing with health checks on each region's load balancer, because DNS failover is "
            + "cheap and well understood. Data in Aurora Global Database, so the second region can be promoted in about a minute. "
            + "The trade-off is a few seconds of lost writes, which the business accepted at five thousand dollars an hour of downtime."
        let better = AnswerAnalyzer(question: q).analyze(text: committed)
        #expect(better.rubric?.faults.contains { $0.id == "noDecision" } == false)
    }

    @Test("a story that lays out the options and never says which was taken is held at 40; saying which one lifts it")
    func storyWithoutDecision() throws {
        let q = Question(id: "story-test", role: .senior, topic: "ownership", kind: .ownership,
                         prompt: "Tell me about a migration you led. What went wrong?", targetSeconds: 120, services: ["DMS"],
                         keyPoints: [.init(point: "How you handled it.", phrases: ["fix forward"])])
        let undecided = "I led our move from a self-managed Postgres onto Aurora with DMS. Ten minutes into the cutover inserts started "
            + "failing on duplicate keys. We had a couple of options: roll back over the reverse replication, or fix the sequences "
            + "and carry on. Some people wanted to wait for the DBA, others wanted to act, and there were good arguments on both sides. "
            + "In the end things got sorted out and the migration went ahead. I learned how many moving parts a migration has."
        let report = AnswerAnalyzer(question: q).analyze(text: undecided)
        let fault = try #require(report.rubric?.faults.first { $0.id == "noDecision" })
        #expect(fault.ceiling == 40)
        #expect(report.score.overall <= 40)
        let decided = undecided.replacingOccurrences(of: "In the end things got sorted out and the migration went ahead.",
                                                     with: "I made the call to fix forward: I reset the sequences past the highest key and we were back in eight minutes.")
        let better = AnswerAnalyzer(question: q).analyze(text: decided)
        #expect(better.rubric?.faults.contains { $0.id == "noDecision" } == false)
        #expect(better.score.overall > report.score.overall)
    }

    @Test("a fault that contradicts a met criterion is not charged: a pick is not 'defines both without choosing'")
    func faultUnlessMet() throws {
        let book = try RubricBook.standard.get()
        let fault = try #require(book.rubric(.choice)?.faults.first { $0.id == "definitionOnly" })
        #expect(fault.unlessMet == ["pick"])
        let q = Question(id: "choice-test", role: .beginner, topic: "containers", kind: .choice,
                         prompt: "When would you run ECS tasks on Fargate, and when on EC2?", targetSeconds: 75, services: ["Fargate"],
                         keyPoints: [.init(point: "Fargate removes the hosts.", phrases: ["no instances to patch"])])
        let definitions = "Fargate is a serverless compute engine for containers. EC2 is a virtual server you manage yourself."
        let defined = AnswerAnalyzer(question: q).analyze(text: definitions)
        #expect(defined.rubric?.faults.contains { $0.id == "definitionOnly" } == true)
        let picked = AnswerAnalyzer(question: q).analyze(text: "Fargate by default, over EC2, since there are no instances to patch. "
            + "EC2 is a virtual server you manage, which I'd pick for GPUs.")
        #expect(picked.rubric?.criteria.first { $0.id == "pick" }?.met == true)
        #expect(picked.rubric?.faults.contains { $0.id == "definitionOnly" } == false)
    }

    @Test("an answer that opens on its pick in a few words has picked; one that opens on a definition has not")
    func leadingPick() {
        let q = Question(id: "choice-lead", role: .mid, topic: "data", kind: .choice,
                         prompt: "Would you use Glue or EMR for daily Spark jobs, and what would sway you?", targetSeconds: 75,
                         services: ["Glue", "EMR"], keyPoints: [])
        let rest = " Serverless Spark, paid while jobs run, and no cluster to look after; EMR costs less for heavy steady use."
        let picked = AnswerAnalyzer(question: q).analyze(text: "Glue to start." + rest)
        #expect(picked.rubric?.criteria.first { $0.id == "pick" }?.met == true)
        #expect(picked.rubric?.criteria.first { $0.id == "pick" }?.evidence?.hasPrefix("glue to start") == true)
        let defined = AnswerAnalyzer(question: q).analyze(text: "Glue is Spark." + rest)
        #expect(defined.rubric?.criteria.first { $0.id == "pick" }?.points == 0)
        let listed = AnswerAnalyzer(question: q).analyze(text: "Glue, EMR, Athena, Redshift, Kinesis and Lambda could all run it.")
        #expect(listed.rubric?.criteria.first { $0.id == "pick" }?.points == 0)
    }

    @Test("a pick names an option: an AWS default stated in passing picks nothing, and without a pick what separates them earns half")
    func pickNamesAnOption() {
        let q = Question(id: "choice-option", role: .mid, topic: "messaging", kind: .choice,
                         prompt: "Would you use SQS or Kinesis for clickstream events, and why?", targetSeconds: 75,
                         services: ["SQS", "Kinesis"], keyPoints: [])
        let facts = "SQS keeps a message for up to fourteen days and the default is four days. "
            + "Kinesis orders records within a shard, and SQS standard queues give best effort ordering."
        let defined = AnswerAnalyzer(question: q).analyze(text: facts)
        #expect(defined.rubric?.criteria.first { $0.id == "pick" }?.points == 0)
        let dimension = defined.rubric?.criteria.first { $0.id == "dimension" }
        #expect(dimension?.points == (dimension?.max ?? 0) / 2)
        let picked = AnswerAnalyzer(question: q).analyze(text: "By default I'd go with Kinesis over SQS. " + facts)
        #expect(picked.rubric?.criteria.first { $0.id == "pick" }?.met == true)
        #expect(picked.rubric?.criteria.first { $0.id == "dimension" }?.met == true)
    }

    @Test("rubric cues and key points said only in a sentence that says the question back do not count")
    func promptEchoEarnsNothing() {
        let q = Question(id: "design-echo", role: .senior, topic: "delivery", kind: .design,
                         prompt: "Design the release process for a payments API on Lambda so that a bad version is rolled back automatically.",
                         targetSeconds: 90, services: ["Lambda"],
                         keyPoints: [KeyPoint(point: "Alarms on the new version roll it back automatically.", phrases: ["automatic rollback"])])
        let echo = AnswerAnalyzer(question: q).analyze(text: "The release process for the payments API on Lambda has a bad version rollback automatic.")
        #expect(echo.coverage?.hit.isEmpty == true)
        let said = AnswerAnalyzer(question: q).analyze(text: "CodeDeploy shifts ten percent first, with an automatic rollback on the error alarm.")
        #expect(said.coverage?.hit.count == 1)
    }

    @Test("a story that names no service and no number is held at 40 even when its story points are met")
    func vagueStoryIsNotConcrete() throws {
        let q = Question(id: "own-vague", role: .mid, topic: "ownership", kind: .ownership,
                         prompt: "Tell me about a technical decision you would make differently now.", targetSeconds: 90,
                         services: [], keyPoints: [KeyPoint(point: "Set the context you had then.", phrases: ["at the time"]),
                                                   KeyPoint(point: "Name the habit it changed.", phrases: ["prototype first"])])
        let vague = "We picked a technology that seemed like a good fit at the time, and it caused problems later. "
            + "I learned to build a prototype first and to think about the trade-offs."
        let held = AnswerAnalyzer(question: q).analyze(text: vague)
        #expect(held.rubric?.faults.contains { $0.id == "nothingConcrete" } == true)
        let specific = "We picked DynamoDB for reporting at the time, and scans cost us forty percent of the bill. "
            + "I learned to build a prototype first with real queries."
        #expect(AnswerAnalyzer(question: q).analyze(text: specific).rubric?.faults.contains { $0.id == "nothingConcrete" } == false)
        // "One" as a pronoun counts nothing: "the biggest one was", "one I'm proud of".
        let pronoun = "I've led a few migrations, and the biggest one was moving a lot of our services. One I'm proud of went "
            + "wrong at first, and we handled it by working closely together. I learned to plan earlier."
        #expect(AnswerAnalyzer(question: q).analyze(text: pronoun).rubric?.faults.contains { $0.id == "nothingConcrete" } == true)
    }

    @Test("fixes tried in turn for guessed causes are held at 40; the same causes each with what would show them are not")
    func guessAndFix() throws {
        let analyzer = AnswerAnalyzer(question: Self.lambdaQuestion)
        let tries = "It's probably a cold start, so I'd turn on provisioned concurrency and see if that helps. Or maybe the "
            + "function needs more memory, so I'd double it. If that doesn't work I'd check the duration metric and set an alarm on it."
        let guessed = analyzer.analyze(text: tries)
        let fault = try #require(guessed.rubric?.faults.first { $0.id == "guessAndFix" })
        #expect(fault.ceiling == 40)
        #expect(guessed.score.overall <= 40)
        // The same two causes, each with what would show it before the change: a diagnosis.
        let shown = "It could be a cold start: the init duration in the logs would show it, and then I'd turn on provisioned "
            + "concurrency. Or maybe the function needs more memory: if the max memory used in the report line is at the limit, "
            + "I'd double it. I'd set an alarm on the duration metric."
        #expect(analyzer.analyze(text: shown).rubric?.faults.contains { $0.id == "guessAndFix" } == false)
        // One guessed fix alone is not the fault.
        let once = "First I'd open the duration metric and the logs. It's probably a downstream call, so I'd add a client timeout."
        #expect(analyzer.analyze(text: once).rubric?.faults.contains { $0.id == "guessAndFix" } == false)
    }

    @Test("an answer that guesses at its facts is held at 40; the same facts stated plainly are not; a long answer needs more hedges")
    func guesswork() throws {
        let q = Question(id: "ts-guess", role: .mid, topic: "dynamodb", kind: .troubleshooting,
                         prompt: "Writes to a DynamoDB table are being throttled. How do you find out why?", targetSeconds: 90,
                         services: ["DynamoDB"], keyPoints: [])
        let plain = "First I'd look at the throttled requests metric in CloudWatch per operation, then Contributor Insights "
            + "for a hot partition key. If one key takes most writes, the fix is a better key or write sharding; "
            + "if the whole table is over its capacity, auto scaling or on-demand. Then an alarm on throttles."
        let hedged = "I think it's probably a hot key, maybe. First I'd look at the throttled requests metric in CloudWatch per "
            + "operation, then Contributor Insights. If one key takes most writes, the fix is a better key or write sharding; "
            + "if the whole table is over its capacity, auto scaling or on-demand. Then an alarm on throttles."
        let sure = AnswerAnalyzer(question: q).analyze(text: plain)
        #expect(sure.rubric?.faults.contains { $0.id == "guesswork" } == false)
        let unsure = AnswerAnalyzer(question: q).analyze(text: hedged)
        let fault = try #require(unsure.rubric?.faults.first { $0.id == "guesswork" })
        #expect(fault.ceiling == 40)
        #expect(unsure.score.overall <= 40)
        let long = hedged + String(repeating: " Then I'd read the partition key design with the team and the access patterns it serves.", count: 12)
        #expect(AnswerAnalyzer(question: q).analyze(text: long).rubric?.faults.contains { $0.id == "guesswork" } == false)
    }

    @Test("with no question, the rubric comes from what the answer reads as")
    func inferredKind() {
        #expect(AnswerAnalyzer().analyze(text: Self.diagnosis).rubric?.kind == .troubleshooting)
        #expect(AnswerAnalyzer().analyze(text: StructureTests.strong).rubric?.kind == .ownership)
        #expect(AnswerAnalyzer().analyze(text: StructureTests.strong).rubric?.chosenBy == "answer")
        var forced = AnswerAnalyzer()
        forced.kind = .concept
        #expect(forced.analyze(text: StructureTests.strong).rubric?.kind == .concept)
    }

    /// An analyzer judging answers to the Lambda question's first follow-up, after `first`.
    static func answeringFollowUp(after first: String) -> AnswerAnalyzer {
        var analyzer = AnswerAnalyzer(question: lambdaQuestion)
        analyzer.followUp = (1, lambdaQuestion.followUps[0])
        analyzer.firstAnswer = first
        return analyzer
    }

    @Test("a direct answer to a follow-up is judged as a follow-up answer; a retelling is named")
    func followUpAnswer() throws {
        let analyzer = Self.answeringFollowUp(after: Self.diagnosis)
        let direct = analyzer.analyze(text: "They're throttled. Because the function is fed from SQS, the throttled messages stay in the queue "
            + "and are retried later once the visibility timeout runs out, so nothing is lost; the cost is latency during spikes.")
        #expect(direct.rubric?.kind == .followUp)
        #expect(direct.score.overall >= 70)
        #expect(direct.followUpOf?.number == 1)
        #expect(direct.followUps.isEmpty, "a complete follow-up answer lets practice move on")
        let retold = analyzer.analyze(text: Self.diagnosis)
        #expect(retold.score.overall <= 45)
        #expect(retold.feedback.contains { $0.topic == "restating" })
        #expect(direct.score.overall - retold.score.overall >= 20)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(direct)) as? [String: Any]
        #expect((json?["rubric"] as? [String: Any])?["kind"] as? String == "followUp")
    }

    @Test("an opening that answers in other words earns half of 'direct'; one that points back or deflects earns none")
    func directInOtherWords() throws {
        let analyzer = Self.answeringFollowUp(after: Self.diagnosis)
        // The point comes after the first thirty words, so only the opening can earn 'direct'.
        let later = " The cap is a hard ceiling on concurrent executions for that one function, set to protect the database"
            + " from too many connections at once. Fed from SQS, the messages stay in the queue until a slot is free."
        func direct(_ opening: String) -> Double? {
            analyzer.analyze(text: opening + later).rubric?.criteria.first { $0.id == "direct" }?.points
        }
        let full = try #require(RubricBook.standard.get().rubric(.followUp)?.criteria.first { $0.id == "direct" }?.points)
        #expect(direct("The function simply does not run for them.") == full / 2)
        #expect(direct("As I said, the function was overwhelming the database.") == 0)
        #expect(direct("That's a good question and it depends on the setup.") == 0)
        #expect(direct("They are throttled.") == full)
        // Half credit needs a point of the follow-up somewhere: an opening alone earns nothing.
        #expect(analyzer.analyze(text: "The function simply does not run for them.").rubric?.criteria.first { $0.id == "direct" }?.points == 0)
    }

    @Test("a story question answered with how the service works tells no story and is held at 40; the story is not")
    func noStory() throws {
        let question = Question(id: "bad-deploy", role: .senior, topic: "containers", kind: .ownership,
                                prompt: "Tell me about a time a container deployment went wrong. What did you change?",
                                targetSeconds: 120, services: ["ECS"], anyService: true)
        let analyzer = AnswerAnalyzer(question: question)
        let tour = analyzer.analyze(text: "ECS deployments roll by default: you set minimum healthy percent and ECS replaces tasks "
            + "within it. Blue/green with CodeDeploy shifts traffic to a second target group, and the circuit breaker can roll "
            + "back a failing deployment, which costs a few minutes. I'd put immutable tags on ECR images and I'd set alarms.")
        #expect(tour.rubric?.faults.contains { $0.id == "noStory" } == true)
        #expect(tour.score.overall <= 40)
        let story = analyzer.analyze(text: "We shipped an image that read a renamed secret, and the new ECS tasks crashed on start. "
            + "I rolled back to the previous task definition within twenty minutes, then I turned on the circuit breaker. "
            + "The downside was slower deploys. The next bad image rolled itself back in eight minutes.")
        #expect(story.rubric?.faults.contains { $0.id == "noStory" } == false)
    }

    @Test("a follow-up's points said only in a sentence that retells the first answer are not earned")
    func retoldPointsAreNotEarned() throws {
        let analyzer = Self.answeringFollowUp(after: Self.diagnosis + " Anything over the cap is throttled and the messages stay in the queue for later.")
        let retold = analyzer.analyze(text: "Like before: anything over the cap is throttled and the messages stay in the queue for later.")
        #expect(retold.coverage?.hit.isEmpty == true)
        let own = analyzer.analyze(text: "They are throttled. Fed from SQS, those messages wait and are retried later, so nothing is lost.")
        #expect(own.coverage?.hit.count == 2)
    }

    @Test("the shipped rubrics: every kind, each worth 45 points, every check known")
    func shippedRubrics() throws {
        let book = try RubricBook.standard.get()
        for kind in RubricKind.allCases {
            let rubric = try #require(book.rubric(kind))
            #expect(rubric.maxPoints == 45, "\(kind.rawValue) is worth \(rubric.maxPoints)")
            for c in rubric.criteria where c.check == .cues || c.check == .cuesWithSource {
                #expect(!(c.cues ?? []).isEmpty, "\(kind.rawValue).\(c.id) has no cues")
            }
            for f in rubric.faults where f.cueList != nil {
                #expect((f.cues ?? []).count >= (book.cueLists?[f.cueList!]?.count ?? 1), "\(kind.rawValue).\(f.id) did not get its cue list")
            }
        }
    }

    @Test("a fault naming a cue list the book does not have is a one-line error naming both")
    func unknownCueList() throws {
        let models = try #require(ModelsDirectory.locate())
        let text = try String(contentsOf: models.appendingPathComponent("rubrics.json"), encoding: .utf8)
        #expect(text.contains("\"cueList\": \"weighingOptions\""))
        let broken = text.replacingOccurrences(of: "\"cueList\": \"weighingOptions\"", with: "\"cueList\": \"noSuchList\"")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rubrics-\(UUID().uuidString).json")
        try broken.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: QuestionBankError.self) { try RubricBook(contentsOf: url) }
        do { _ = try RubricBook(contentsOf: url) } catch { #expect("\(error)".contains("noSuchList")) }
    }

    @Test("a guessed fix reads its criterion's cues as looks; naming a criterion the rubric lacks is a one-line error")
    func guessAndFixLooks() throws {
        let book = try RubricBook.standard.get()
        let rubric = try #require(book.rubric(.troubleshooting))
        let fault = try #require(rubric.faults.first { $0.check == .guessAndFix })
        let confirm = try #require(rubric.criteria.first { $0.id == fault.criterion })
        #expect(Set(confirm.cues ?? []).isSubset(of: Set(fault.looks ?? [])))
        let models = try #require(ModelsDirectory.locate())
        let text = try String(contentsOf: models.appendingPathComponent("rubrics.json"), encoding: .utf8)
        #expect(text.contains("\"criterion\": \"confirm\""))
        let broken = text.replacingOccurrences(of: "\"criterion\": \"confirm\"", with: "\"criterion\": \"noSuchCriterion\"")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rubrics-\(UUID().uuidString).json")
        try broken.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do { _ = try RubricBook(contentsOf: url); Issue.record("a missing criterion loaded") } catch {
            #expect("\(error)".contains("noSuchCriterion"))
        }
    }
}

/// Every example sentence in the shipped bank through the real matcher, and the bank's lint.
@Suite("Bank examples")
struct BankExampleTests {
    @Test("no problems: examples match and do not match as written, no digits, no prompt words, every fact dated")
    func shippedBank() throws {
        let bank = try QuestionBank(contentsOf: QuestionBankTests.bankURL)
        let problems = BankLint.problems(in: bank, rules: try RubricBook.standard.get().matching)
        #expect(problems.isEmpty, "\(problems.count) problems, first: \(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test("the lint catches a digit, a prompt phrase, a generic word and an example that fails")
    func lintCatches() throws {
        let kp = KeyPoint(point: "p", phrases: ["port 22", "filter traffic", "because"],
                          examples: .init(match: ["nothing like it"], noMatch: ["we filter traffic here"]))
        let q = Question(id: "x", role: .beginner, topic: "vpc", kind: .concept, prompt: "What filters traffic?", targetSeconds: 60,
                         keyPoints: [kp], followUps: [])
        let problems = BankLint.problems(in: QuestionBank(questions: [q]), rules: try RubricBook.standard.get().matching)
        #expect(problems.contains { $0.contains("\"port 22\" has a number in digits") })
        #expect(problems.contains { $0.contains("\"filter traffic\" is in the prompt") })
        #expect(problems.contains { $0.contains("\"because\" is too generic") })
        #expect(problems.contains { $0.contains("should earn it but does not: \"nothing like it\"") })
        #expect(problems.contains { $0.contains("should not earn it but does: \"we filter traffic here\"") })
        #expect(problems.contains { $0.contains("no \"checked\"") })
        #expect(problems.contains { $0.contains("0 follow-up(s)") })
    }

    @Test("the lint reads a question's noMatch examples together: a claim that borrows a name from the sentence before is caught")
    func lintReadsExamplesTogether() throws {
        func question(_ noMatch: [String]) -> Question {
            var claim = ContentCoverageTests.claimOnly
            claim.examples = .init(match: ["security groups are stateless"], noMatch: noMatch)
            let kp = KeyPoint(point: "Security groups are stateful.", phrases: ["stateful"], misconceptions: [claim],
                              examples: .init(match: ["they are stateful"], noMatch: ["nacls"]))
            return Question(id: "sg", role: .beginner, topic: "vpc", kind: .concept, prompt: "What do security groups do?",
                            targetSeconds: 60, keyPoints: [kp])
        }
        let rules = try RubricBook.standard.get().matching
        let borrowed = BankLint.problems(in: QuestionBank(questions: [question(["Security groups sit on the instance.", "It's stateless."])]), rules: rules)
        #expect(borrowed.contains { $0.contains("read together, state \"Security groups are stateless.\"") })
        let apart = BankLint.problems(in: QuestionBank(questions: [question(["Security groups sit on the instance.", "A network ACL is stateless."])]), rules: rules)
        #expect(!apart.contains { $0.contains("read together") })
    }
}
