import Testing
@testable import Analysis

/// Each live cue rule on timed words: where it holds and where it must not.
@Suite("Live coach")
struct LiveCoachTests {
    typealias W = LiveCoach.TimedWord

    /// `count` words evenly spread from `start` to `end`; every `fillerEvery`-th is "um".
    private func words(_ count: Int, from start: Double, to end: Double, fillerEvery: Int? = nil) -> [W] {
        let step = (end - start) / Double(count)
        return (0..<count).map { i in
            let isFiller = fillerEvery.map { (i + 1) % $0 == 0 } ?? false
            return W(isFiller ? "um" : "word", start: start + Double(i) * step, end: start + Double(i) * step + step * 0.8,
                     isFiller: isFiller)
        }
    }

    private func moment(_ now: Double, _ words: [W], target: Int? = 100, choice: Bool = false) -> LiveCoach.Moment {
        LiveCoach.Moment(now: now, words: words, targetSeconds: target, choiceSaid: choice)
    }

    @Test("fast: over 170 wpm across the last 10+ s; not for a short fast burst, not at an easy pace")
    func fast() {
        // 40 words in 12 s: 200 wpm.
        let fast = words(40, from: 8, to: 20)
        #expect(LiveCoach.isFast(moment(20, fast)))
        #expect(LiveCoach.check(.fast, moment(20, fast))?.hasPrefix("slow down: 2") == true)
        // The same pace for only 6 s is not "fast for more than 10 s".
        #expect(!LiveCoach.isFast(moment(20, words(20, from: 14, to: 20))))
        // 28 words in 12 s: 140 wpm.
        #expect(!LiveCoach.isFast(moment(20, words(28, from: 8, to: 20))))
        // Fillers do not count towards the pace: 40 tokens of which 10 are "um" is 150 wpm.
        #expect(!LiveCoach.isFast(moment(20, words(40, from: 8, to: 20, fillerEvery: 4))))
        // Fast a minute ago, easy now: the window is the last 12 s only.
        let earlier = words(40, from: 0, to: 12) + words(24, from: 50, to: 62)
        #expect(!LiveCoach.isFast(moment(62, earlier)))
    }

    @Test("recent pace: words over the speech inside the window, nil with too little to go on")
    func recentPace() throws {
        let pace = try #require(LiveCoach.recentPace(moment(20, words(30, from: 8, to: 20))))
        #expect(abs(pace.wordsPerMinute - 30 / (pace.seconds) * 60) < 1e-9)
        #expect(pace.wordsPerMinute > 150 && pace.wordsPerMinute < 160)
        #expect(LiveCoach.recentPace(moment(2, words(5, from: 0, to: 2))) == nil, "under 3 s of speech")
        #expect(LiveCoach.recentPace(moment(40, words(30, from: 0, to: 20))) == nil, "nothing in the last 12 s")
    }

    @Test("filler burst: three fillers within 15 s; not three spread over a minute")
    func fillerBurst() {
        let burst = [W("so", start: 0, end: 0.3), W("um", start: 2, end: 2.3, isFiller: true),
                     W("we", start: 3, end: 3.2), W("uh", start: 7, end: 7.2, isFiller: true),
                     W("like", start: 12, end: 12.2, isFiller: true)]
        #expect(LiveCoach.isFillerBurst(moment(13, burst)))
        let spread = [W("um", start: 0, end: 0.3, isFiller: true), W("uh", start: 25, end: 25.3, isFiller: true),
                      W("um", start: 50, end: 50.3, isFiller: true)]
        #expect(!LiveCoach.isFillerBurst(moment(51, spread)))
        // Two is not a burst.
        #expect(!LiveCoach.isFillerBurst(moment(13, Array(burst.prefix(4)))))
        // The burst leaves the window as time goes on.
        #expect(!LiveCoach.isFillerBurst(moment(20, burst)))
    }

    @Test("no choice: at 40% of the target with no choice said; not before, not once one was said, not without a target")
    func noChoice() {
        let speech = words(60, from: 1, to: 40)
        #expect(LiveCoach.isChoiceMissing(moment(40, speech, target: 100)))
        #expect(!LiveCoach.isChoiceMissing(moment(39, speech, target: 100)))
        #expect(!LiveCoach.isChoiceMissing(moment(40, speech, target: 100, choice: true)))
        #expect(!LiveCoach.isChoiceMissing(moment(40, speech, target: nil)))
        #expect(!LiveCoach.isChoiceMissing(moment(40, [], target: 100)), "nothing said yet is not a missing choice")
    }

    @Test("the choice comes from the analyzer on the words so far")
    func choiceFromAnalyzer() {
        let said = AnswerAnalyzer().analyze(words: evenlyTimed(
            "our nightly batch kept timing out so i chose step functions rather than one long lambda"))
        #expect(LiveCoach.Moment(report: said, now: 40, targetSeconds: 100).choiceSaid)
        let described = AnswerAnalyzer().analyze(words: evenlyTimed(
            "lambda is a serverless compute service that runs code in response to events"))
        let m = LiveCoach.Moment(report: described, now: 40, targetSeconds: 100)
        #expect(!m.choiceSaid)
        #expect(LiveCoach.isChoiceMissing(m))
    }

    @Test("fillers come from the analyzer: hesitations count, \"like\" as a verb does not")
    func fillersFromAnalyzer() {
        let report = AnswerAnalyzer().analyze(words: evenlyTimed("um so we uh would like to um cache it"))
        let m = LiveCoach.Moment(report: report, now: 5, targetSeconds: nil)
        #expect(m.fillerCount == 3)
        #expect(LiveCoach.isFillerBurst(m))
    }

    @Test("wrap up: from 85% of the target on")
    func wrapUp() {
        let speech = words(100, from: 1, to: 80)
        #expect(LiveCoach.isTimeToWrapUp(moment(85, speech, target: 100)))
        #expect(!LiveCoach.isTimeToWrapUp(moment(84, speech, target: 100)))
        #expect(!LiveCoach.isTimeToWrapUp(moment(85, speech, target: nil)))
        #expect(LiveCoach.check(.wrapUp, moment(90, speech)) == "wrap up: say the result")
    }

    @Test("take your time: 3 s of quiet after speech in the first half; not a short gap, not later, not before speech")
    func thinkingPause() {
        let speech = words(20, from: 1, to: 10)
        let lastEnd = speech.last!.end
        #expect(LiveCoach.isThinkingPause(moment(lastEnd + 3.01, speech)))
        #expect(!LiveCoach.isThinkingPause(moment(lastEnd + 2.5, speech)))
        #expect(!LiveCoach.isThinkingPause(moment(lastEnd + 3.01, speech, target: 20)), "past half of a 20 s target")
        #expect(!LiveCoach.isThinkingPause(moment(5, [])))
    }

    @Test("one cue at a time, up for a few seconds, the most pressing first, and no nagging")
    func showing() {
        var coach = LiveCoach()
        // Target 80 s: past the first half, so the quiet after the last filler is not a thinking pause.
        // A filler burst and a missing choice at once: the burst shows first.
        var m = moment(41, [W("um", start: 30, end: 30.2, isFiller: true), W("uh", start: 35, end: 35.2, isFiller: true),
                            W("um", start: 40, end: 40.2, isFiller: true)], target: 80)
        #expect(coach.update(m)?.rule == .fillerBurst)
        m.now = 44
        #expect(coach.update(m)?.rule == .fillerBurst, "still up within its 4 s")
        m.now = 45.5
        // Its time is over; the burst is still in the window but may not come back yet: the next rule shows.
        #expect(coach.update(m)?.rule == .noChoice)
        m.now = 50
        #expect(coach.update(m) == nil, "no choice shows once a take; the burst waits 20 s")
        m.now = 61
        #expect(coach.update(m) == nil, "the burst has left the window")
        // Wrap up outranks everything and shows once.
        m.words += words(10, from: 80, to: 85, fillerEvery: 1)
        m.now = 86
        #expect(coach.update(m)?.rule == .wrapUp)
        m.now = 91
        #expect(coach.update(m)?.rule == .fillerBurst)
        m.now = 96
        #expect(coach.update(m) == nil)
    }

    @Test("take your time goes once speech is heard again, and comes once per silence")
    func thinkingPauseShowing() {
        var coach = LiveCoach()
        var m = moment(13.5, words(20, from: 1, to: 10))
        #expect(coach.update(m)?.rule == .takeYourTime)
        m.now = 15
        #expect(coach.update(m)?.rule == .takeYourTime)
        m.words += [W("so", start: 15, end: 15.3)]
        m.now = 15.5
        #expect(coach.update(m) == nil, "speaking again")
        m.now = 18.4
        #expect(coach.update(m)?.rule == .takeYourTime, "a new silence")
        m.now = 24
        #expect(coach.update(m) == nil, "the same silence, still going")
    }
}
