import Analysis
import Foundation
import Pipeline
import SpeechCore

/// What the live line under the meter is made of, worked out from what the decoder has heard:
/// the newest words, the pace over the last seconds, the fillers so far and the coach's cue.
/// The analyzer (for fillers and whether a choice was said) runs on the words so far at most
/// once every `analysisInterval` seconds and only when they changed; everything else is cheap
/// and follows every redraw.
public final class LiveCoaching {
    public let targetSeconds: Int?
    public let showCues: Bool
    public let analysisInterval: Double
    private let analyzer: AnswerAnalyzer
    private var coach: LiveCoach
    private var lastAnalysis = -Double.infinity
    private var analysedWords: [RecognizedWord] = []
    private var moment: LiveCoach.Moment

    /// How often and how long the analyzer ran, for the budget (docs/capture.md).
    public private(set) var analyses = 0
    public private(set) var analysisSeconds = 0.0
    public private(set) var slowestAnalysisSeconds = 0.0

    public struct Line: Sendable, Equatable {
        /// Heard so far, oldest first; the display keeps the newest that fit.
        public var caption: [String]
        public var wordsPerMinute: Double?
        public var fillers: Int
        public var cue: LiveCoach.Cue?
    }

    public init(analyzer: AnswerAnalyzer, targetSeconds: Int?, showCues: Bool, analysisInterval: Double = 0.5,
                rules: LiveCoach.Rules = .init()) {
        self.analyzer = analyzer
        self.targetSeconds = targetSeconds
        self.showCues = showCues
        self.analysisInterval = analysisInterval
        self.coach = LiveCoach(rules: rules)
        self.moment = LiveCoach.Moment(now: 0, words: [], targetSeconds: targetSeconds, choiceSaid: false)
    }

    /// The line at `now` seconds into the take.
    public func update(heard: HeardSoFar, now: Double) -> Line {
        let words = heard.words
        if now - lastAnalysis >= analysisInterval && words != analysedWords {
            lastAnalysis = now
            analysedWords = words
            let clock = ContinuousClock()
            let started = clock.now
            let report = analyzer.analyze(words: words.map { Word($0.text, start: $0.start, end: $0.end) })
            let took = clock.now - started
            let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
            analyses += 1
            analysisSeconds += seconds
            slowestAnalysisSeconds = max(slowestAnalysisSeconds, seconds)
            moment = LiveCoach.Moment(report: report, now: now, targetSeconds: targetSeconds)
        }
        moment.now = now
        let cue = showCues ? coach.update(moment) : nil
        return Line(caption: words.map(\.text), wordsPerMinute: LiveCoach.recentPace(moment, rules: coach.rules)?.wordsPerMinute,
                    fillers: moment.fillerCount, cue: cue)
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
