import Analysis
import Foundation
import Pipeline
import SpeechCore

/// What the live line under the meter is made of, worked out from what the decoder has heard:
/// the newest words, the pace over the last seconds, the fillers so far and the coach's cue.
/// The analyzer (for fillers and whether a choice was said) runs on the words so far at most
/// once every `analysisInterval` seconds, only when they changed, and never twice at once. In
/// a take it runs on a thread of its own (`background`), so a long transcript never holds up
/// the capture loop that draws the line; the line uses the latest result. Everything else is
/// cheap and follows every redraw.
public final class LiveCoaching: @unchecked Sendable {
    public let targetSeconds: Int?
    public let showCues: Bool
    public let analysisInterval: Double
    private let analyzer: AnswerAnalyzer
    // Touched only by the caller of `update` (the capture thread).
    private var coach: LiveCoach
    private var lastRequest = -Double.infinity
    private var requestedWords: [RecognizedWord] = []
    private var moment: LiveCoach.Moment
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var pending: (words: [RecognizedWord], now: Double)?
    private var busy = false
    private var latest: LiveCoach.Moment?
    private var stopped = false
    private var stats = (runs: 0, seconds: 0.0, slowest: 0.0)

    public struct Line: Sendable, Equatable {
        /// Heard so far, oldest first; the display keeps the newest that fit.
        public var caption: [String]
        public var wordsPerMinute: Double?
        public var fillers: Int
        public var cue: LiveCoach.Cue?
    }

    /// `background` false runs the analyzer inside `update` (tests).
    public init(analyzer: AnswerAnalyzer, targetSeconds: Int?, showCues: Bool, analysisInterval: Double = 0.5,
                rules: LiveCoach.Rules = .init(), background: Bool = true) {
        self.analyzer = analyzer
        self.targetSeconds = targetSeconds
        self.showCues = showCues
        self.analysisInterval = analysisInterval
        self.coach = LiveCoach(rules: rules)
        self.moment = LiveCoach.Moment(now: 0, words: [], targetSeconds: targetSeconds, choiceSaid: false)
        self.background = background
        if background {
            let thread = Thread { [self] in work() }
            thread.name = "rehearse-coach"
            thread.start()
        }
    }

    private let background: Bool

    /// How often and how long the analyzer ran, for the budget (docs/capture.md).
    public var analyses: Int { condition.withLock { stats.runs } }
    public var analysisSeconds: Double { condition.withLock { stats.seconds } }
    public var slowestAnalysisSeconds: Double { condition.withLock { stats.slowest } }

    /// Ends the analysis thread (which holds on to this object until then); the take is over.
    public func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    /// The line at `now` seconds into the take.
    public func update(heard: HeardSoFar, now: Double) -> Line {
        let words = heard.words
        if now - lastRequest >= analysisInterval && words != requestedWords {
            if background {
                condition.withLock {
                    // One analysis at a time: while one runs, the request waits for the next redraw.
                    if !busy {
                        lastRequest = now
                        requestedWords = words
                        pending = (words, now)
                        condition.signal()
                    }
                }
            } else {
                lastRequest = now
                requestedWords = words
                publish(analyse(words, now: now))
            }
        }
        if let fresh = condition.withLock({ () -> LiveCoach.Moment? in defer { latest = nil }; return latest }) {
            moment = fresh
        }
        moment.now = now
        let cue = showCues ? coach.update(moment) : nil
        return Line(caption: words.map(\.text), wordsPerMinute: LiveCoach.recentPace(moment, rules: coach.rules)?.wordsPerMinute,
                    fillers: moment.fillerCount, cue: cue)
    }

    private func analyse(_ words: [RecognizedWord], now: Double) -> (LiveCoach.Moment, Double) {
        let clock = ContinuousClock()
        let started = clock.now
        let report = analyzer.analyze(words: words.map { Word($0.text, start: $0.start, end: $0.end) })
        let took = clock.now - started
        let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
        return (LiveCoach.Moment(report: report, now: now, targetSeconds: targetSeconds), seconds)
    }

    private func publish(_ result: (LiveCoach.Moment, Double)) {
        condition.withLock {
            latest = result.0
            stats.runs += 1
            stats.seconds += result.1
            stats.slowest = max(stats.slowest, result.1)
        }
    }

    private func work() {
        while true {
            condition.lock()
            while pending == nil && !stopped { condition.wait() }
            if stopped { condition.unlock(); return }
            let request = pending!
            pending = nil
            busy = true
            condition.unlock()
            let result = analyse(request.words, now: request.now)
            publish(result)
            condition.withLock { busy = false }
        }
    }
}

extension LiveCoaching {
    /// `practice --help`'s account of the live line and the cues, from the thresholds in use.
    public static var helpText: String {
        let r = LiveCoach.Rules()
        let band = PaceBand.wordsPerMinute
        func s(_ x: Double) -> String { x == x.rounded() ? "\(Int(x)) s" : "\(x) s" }
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        return """
        In a terminal the line under the meter shows the last words heard, your pace over the last \
        \(s(r.paceWindow)) (green inside \(Int(band.lowerBound))–\(Int(band.upperBound)) wpm, as in the report), \
        the fillers so far and the time left against the question's target. Cues: "slow down" when \
        the pace has been over \(Int(band.upperBound)) wpm for \(s(r.fastSeconds)); "\(r.burstFillers) fillers" \
        within \(s(r.burstWindow)); "no choice yet" at \(pct(r.choiceByFraction)) of the target with no \
        decision of your own said; "wrap up: say the result" at \(pct(r.wrapUpFraction)) of it; "take \
        your time" after \(s(r.longSilence)) of quiet in the first \(pct(r.midAnswerFraction)), where \
        only \(s(PracticeSession.thinkingPauseSeconds)) of quiet ends the take. --no-cues keeps the \
        line and hides the cues. Not shown with --json or when stderr is not a terminal; with \
        TERM=dumb the cues are printed as plain lines.
        """
    }
}
