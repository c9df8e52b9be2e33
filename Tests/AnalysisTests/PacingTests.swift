import Testing
@testable import Analysis

@Suite("Pacing")
struct PacingTests {
    @Test("words per minute counts content words over the speech span")
    func wordsPerMinute() {
        // 12 words, 0.3 s each with 0.1 s gaps: span = 12*0.4 - 0.1 = 4.7 s
        let r = analyzer.analyze(words: evenlyTimed("we moved the queue to sqs because consumers ran at different speeds"))
        let span = 12 * 0.4 - 0.1
        #expect(r.pacing.speechSpanSeconds == (span * 100).rounded() / 100)
        #expect(abs(r.pacing.wordsPerMinute! - 12 / span * 60) < 0.05)
    }

    @Test("fillers are not counted as words but still take time")
    func fillersExcluded() {
        let words = evenlyTimed("um we chose uh sqs")
        let r = analyzer.analyze(words: words)
        #expect(r.pacing.wordCount == 3)
        let span = 5 * 0.4 - 0.1
        #expect(abs(r.pacing.wordsPerMinute! - 3 / span * 60) < 0.05)
    }

    @Test("pauses of 0.3 s or more are listed; 1.5 s or more are long")
    func pauses() {
        let words = timed("we@0.0-0.2 had@0.25-0.5 a@0.9-1.0 problem@2.6-3.0 then@3.29-3.5")
        let r = analyzer.analyze(words: words)
        #expect(r.pacing.pauses.count == 2)
        #expect(r.pacing.pauses[0].start == 0.5 && r.pacing.pauses[0].end == 0.9 && !r.pacing.pauses[0].long)
        #expect(r.pacing.pauses[1].seconds == 1.6 && r.pacing.pauses[1].long)
        #expect(r.pacing.longPauseCount == 1)
        // Span 3.5 s minus the two pauses (0.4 + 1.6).
        #expect(r.pacing.speakingSeconds == 1.5)
    }

    @Test("a gap just under 0.3 s is not a pause")
    func shortGap() {
        let r = analyzer.analyze(words: timed("one@0.0-0.2 two@0.49-0.7"))
        #expect(r.pacing.pauses.isEmpty)
    }

    @Test("the pace note shows the rounded figure the reports show, and judges by it")
    func paceNoteRounds() {
        // 10 words over 3.9 s: 153.8 words a minute, which every report shows as 154.
        let r = analyzer.analyze(words: evenlyTimed("we moved the queue to sqs because consumers ran slowly"))
        #expect(abs(r.pacing.wordsPerMinute! - 153.85) < 0.01)
        #expect(r.score.parts["pace"]?.note.hasPrefix("154 words a minute: an easy pace") == true)
        // 10 words over 3.521 s: 170.4, shown as 170, which is inside 120–170, not "fast".
        let edge = analyzer.analyze(words: evenlyTimed("we moved the queue to sqs because consumers ran slowly",
                                                       wordSeconds: 0.26211))
        #expect(abs(edge.pacing.wordsPerMinute! - 170.4) < 0.05)
        #expect(edge.score.parts["pace"]?.note.hasPrefix("170 words a minute: an easy pace") == true)
    }

    @Test("slow, easy or fast is read from the whole words a minute the reports show")
    func paceVerdictAtTheEdges() {
        #expect(PaceBand.verdict(119.4) == .slow)
        #expect(PaceBand.verdict(119.5) == .easy)
        #expect(PaceBand.verdict(170.4) == .easy)
        #expect(PaceBand.verdict(170.6) == .fast)
        #expect(PaceBand.isEasy(145) && !PaceBand.isEasy(200) && !PaceBand.isEasy(90))
    }

    @Test("typed text has no pace, no pauses")
    func untimed() {
        let r = analyzer.analyze(text: "We chose SQS because consumers ran at different speeds.")
        #expect(r.pacing.wordsPerMinute == nil)
        #expect(r.pacing.pauses.isEmpty)
        #expect(r.score.parts["pace"]?.measured == false)
    }
}
