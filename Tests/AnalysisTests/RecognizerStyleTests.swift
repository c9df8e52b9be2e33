import Testing
@testable import Analysis

/// Answers as the recognizer writes them: lowercase, no punctuation, numbers as words, the odd
/// homophone, and pauses as the only sentence boundaries.
@Suite("Recognizer-style answers")
struct RecognizerStyleTests {
    private func parts(_ text: String) -> AnswerReport.Structure { analyzer.analyze(text: text).structure }

    /// `sentences` spoken at an even pace with `silence` seconds between them.
    private func spoken(_ sentences: [String], silence: Double) -> [Word] {
        var words: [Word] = []
        for sentence in sentences {
            let start = (words.last?.end).map { $0 + silence } ?? 0
            words += evenlyTimed(sentence, start: start, wordSeconds: 0.25, gap: 0)
        }
        return words
    }

    @Test("a quarter-second silence ends a sentence; a shorter one does when it is long for this speaker")
    func sentencePauses() {
        let sentences = ["our nightly export kept failing", "the reports were late every monday"]
        let paused = analyzer.analyze(words: spoken(sentences, silence: 0.3))
        #expect(paused.segments.map(\.text) == sentences)
        // Fluent speakers leave a tenth of a second between sentences and none between words.
        let fluent = analyzer.analyze(words: spoken(sentences, silence: 0.1))
        #expect(fluent.segments.map(\.text) == sentences)
        // The same tenth is no boundary from a speaker who leaves it between every word…
        let even = analyzer.analyze(words: evenlyTimed(sentences.joined(separator: " "), wordSeconds: 0.25, gap: 0.1))
        #expect(even.segments.count == 1, "\(even.segments.map(\.text))")
        // …nor after a word that cannot end a sentence.
        let midPhrase = analyzer.analyze(words: spoken(["our nightly export kept failing for the", "reports every monday"], silence: 0.1))
        #expect(midPhrase.segments.count == 1, "\(midPhrase.segments.map(\.text))")
    }

    @Test("a lone 'our' in mid-phrase is a misheard 'or', not a story")
    func loneOur() {
        let r = analyzer.analyze(text: "dynamodb bills per request rather than per hour for provisioned capacity our on demand mode and it scales by itself")
        #expect(r.structure.presentCount == 0)
        #expect(r.flags.definitionOnly)
        // Opening a clause, it is the speaker's own: a description of their network is not a definition.
        let own = analyzer.analyze(text: "our network had a vpc in each region and nat gateways and then direct connect running back to the data center for the older systems")
        #expect(!own.flags.definitionOnly)
    }

    @Test("where things ran is scenery, not a problem, until something goes wrong there")
    func dataCenter() {
        #expect(!parts("our network had a vpc in each region and nat gateways and then direct connect running back to the data center for the older systems").context.present)
        #expect(parts("we were running everything in our own data center and it kept falling over").context.present)
    }

    @Test("spoken outcomes: worked again, stayed under, nobody has been paged")
    func spokenResults() {
        let r = analyzer.analyze(text: "our lambda could not reach the payment provider i went to the route table and we added the route and payments worked again in about ten minutes")
        #expect(r.structure.result.present)
        #expect(r.flags.measurableResult)
        #expect(parts("month end reports kept locking the database so we added a reader endpoint write latency stayed at twenty milliseconds").result.present)
        #expect(parts("disks kept filling up and we got paged so i shipped the logs to cloudwatch nobody has been paged for disk space").result.present)
    }

    @Test("'since' meaning 'because' is not an outcome")
    func sinceAsBecause() {
        let r = analyzer.analyze(text: "one zone outage took the site down i spread the group across three zones it costs a bit more since we keep a minimum of three instances now")
        #expect(!r.structure.result.present)
        #expect(!r.flags.measurableResult)
    }

    @Test("numbers the recognizer wrote as short words still measure a result")
    func misheardNumbers() {
        func measured(_ text: String) -> Bool { Quantities.hasMeasurement(text.split(separator: " ").map(String.init)[...]) }
        #expect(measured("failed releases went from for a month to one last quarter"))
        #expect(measured("restores came down to to minutes"))
        #expect(!measured("order writes would stall for minutes at a time"))
        #expect(!measured("we went from the old pipeline to the new one"))
    }

    @Test("'went through' a review is not a decision; 'went with' still is")
    func wentIdioms() {
        #expect(!parts("every month we had a review with finance and we went through all of it together").choice.present)
        #expect(parts("every month we had a review with finance and we went with savings plans").choice.present)
    }

    @Test("a clause of brochure words holds no choice or outcome")
    func brochure() {
        let s = parts("i spearheaded our cloud journey driving a robust fully managed highly scalable solution and delivered seamless best in class outcomes")
        #expect(!s.choice.present && !s.result.present && !s.context.present)
    }

    @Test("after the decision, what got dearer, slower or harder is the trade-off", arguments: [
        "one zone outage cut off every private subnet so we put a nat gateway in each zone that roughly tripled what we spend on nat every month",
        "developers kept breaking the shared account so i gave every team its own sandbox account but the guardrails slow people down",
        "uploads kept timing out so we moved resizing into lambda the trouble is very large images hit the time limit",
        "sessions lived in memory so a deploy logged everybody out i moved them into dynamodb every request now makes one more call which adds a few milliseconds",
    ])
    func plainTradeoffs(text: String) {
        #expect(parts(text).tradeoff.present, "\(text)")
    }

    @Test("the same words before the decision describe the problem, not its price", arguments: [
        "our bill jumped by eight thousand dollars and nobody knew why so i made tags mandatory",
        "we were paying for idle development servers every weekend so i added a scheduled lambda that stops them on friday",
    ])
    func problemsAreNotTradeoffs(text: String) {
        #expect(!parts(text).tradeoff.present, "\(text)")
    }

    @Test("homophones match inside a phrase, never as a lone word")
    func homophones() {
        #expect(PhraseMatcher.contains(["rather", "than"], in: ["we", "went", "with", "sqs", "rather", "then", "kinesis"]))
        #expect(PhraseMatcher.contains(["takes", "us", "down"], in: ["a", "regional", "outage", "takes", "us", "done"]))
        #expect(parts("we went with reserved instances for three years so we are locked into one vendor").tradeoff.present)
        #expect(!PhraseMatcher.contains(["than"], in: ["and", "then", "we", "moved"]))
    }

    @Test("what the speaker wanted to avoid is a reason, not the price of the choice")
    func motiveIsNotTradeoff() {
        let motive = parts("i had a class project with photo uploads so i picked lambda triggered by the upload event because it only runs when something arrives and we did not want a server sitting idle all week")
        #expect(motive.choice.present)
        #expect(!motive.tradeoff.present)
        let price = parts("i had a class project with photo uploads so i picked a small ec2 server instead of lambda and now we pay for a server sitting idle all week")
        #expect(price.tradeoff.present)
    }

    @Test("'the' heard as 'that' and 'catch is' run together still name the trade-off")
    func misheardTradeoffCues() {
        #expect(parts("people kept long lived access keys so i moved everyone to sso with roles that expire after an hour that cost is friction people get kicked out mid task").tradeoff.present)
        #expect(parts("the upload server kept filling up so i pushed for sending uploads straight to s3 instead of bigger disks get a catches up lots of tiny reads add up").tradeoff.present)
    }

    @Test("a part's span is its first stretch, and a reason said right after the choice is drawn as the choice")
    func partSpansDoNotOverlap() {
        let words = spoken(["we were storing photos that users uploaded and the disks on our servers kept filling up every few weeks",
                            "i chose s3 rather than a bigger file server on ec2",
                            "because we needed durability and nobody wants to manage disk space",
                            "the downside is cost on lots of small reads",
                            "so we put cloudfront in front of the bucket",  // a second choice, later
                            "as a result storage costs dropped by forty percent"], silence: 0.4)
        let r = analyzer.analyze(words: words)
        let reason = r.segments[2]
        #expect(reason.text.hasPrefix("because"))
        #expect(reason.part == .choice, "the why of the decision belongs to it")
        #expect(reason.parts.contains(.context), "it still names the problem")
        let context = r.structure.context, choice = r.structure.choice
        #expect(context.present && choice.present)
        #expect((context.end ?? .infinity) <= (choice.start ?? 0))
        #expect((choice.end ?? 0) >= (reason.end ?? .infinity), "the choice's span runs through its reason")
    }

    @Test("'because of that' after a decision is its outcome, not its reason; a reason before any decision stays the scene")
    func notEveryReasonWordIsAReason() {
        let later = analyzer.analyze(words: spoken(["our checkout service kept timing out under load every friday",
                                                    "i moved the order writes onto an sqs queue",
                                                    "because of that checkout latency dropped to forty milliseconds"], silence: 0.4))
        #expect(later.segments[2].part == .result)
        let first = analyzer.analyze(words: spoken(["because the disks on our servers kept filling up every few weeks",
                                                    "i chose s3 rather than a bigger file server"], silence: 0.4))
        #expect(first.segments[0].part == .context)
    }
}
