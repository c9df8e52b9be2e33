/// Cues while an answer is being spoken: each one a named rule read off the words heard so far
/// with their times, so each can be tested on timed words without audio. The coach shows at
/// most one cue at a time, for a few seconds, and does not nag: the same cue waits before it
/// comes back, and the once-a-take cues (no choice yet, wrap up) come once.
public struct LiveCoach: Sendable {
    public enum Rule: String, CaseIterable, Sendable {
        /// Pace over the last `paceWindow` seconds above the report's band, with speech
        /// filling at least `fastSeconds` of it.
        case fast
        /// `burstFillers` fillers within `burstWindow` seconds.
        case fillerBurst = "filler-burst"
        /// `choiceByFraction` of the target time gone and no choice of the speaker's own heard
        /// (the analyzer's choice part on the partial transcript).
        case noChoice = "no-choice"
        /// `wrapUpFraction` of the target time gone.
        case wrapUp = "wrap-up"
        /// A silence of `longSilence` seconds after speech, before `midAnswerFraction` of the
        /// target time: thinking, not the end of the answer.
        case takeYourTime = "take-your-time"
    }

    /// The thresholds, in one place so the help text and the docs can quote them.
    public struct Rules: Sendable {
        public var paceWindow = 12.0
        public var fastSeconds = 10.0
        public var burstFillers = 3
        public var burstWindow = 15.0
        public var choiceByFraction = 0.4
        public var wrapUpFraction = 0.85
        public var longSilence = 3.0
        public var midAnswerFraction = 0.5
        /// How long a cue stays up.
        public var showSeconds = 4.0
        /// How long before the same cue may show again.
        public var repeatAfter = 20.0

        public init() {}
    }

    /// One word heard, with its times (seconds from the start of the take).
    public struct TimedWord: Sendable, Hashable {
        public var text: String
        public var start: Double
        public var end: Double
        public var isFiller: Bool

        public init(_ text: String, start: Double, end: Double, isFiller: Bool = false) {
            self.text = text
            self.start = start
            self.end = end
            self.isFiller = isFiller
        }
    }

    /// What the rules read at one moment of a take.
    public struct Moment: Sendable {
        /// Seconds since the take started.
        public var now: Double
        /// Heard so far, oldest first.
        public var words: [TimedWord]
        public var targetSeconds: Int?
        /// The analyzer found a choice of the speaker's own in the words so far.
        public var choiceSaid: Bool

        public init(now: Double, words: [TimedWord], targetSeconds: Int?, choiceSaid: Bool) {
            self.now = now
            self.words = words
            self.targetSeconds = targetSeconds
            self.choiceSaid = choiceSaid
        }

        /// The analyzer's report on the words so far, read as a moment: fillers as it marks
        /// them, and whether it found a choice. Words without times are left out.
        public init(report: AnswerReport, now: Double, targetSeconds: Int?) {
            let words = report.transcript.words.compactMap { w -> TimedWord? in
                guard let start = w.start, let end = w.end else { return nil }
                return TimedWord(w.text, start: start, end: end, isFiller: w.isFiller)
            }
            self.init(now: now, words: words, targetSeconds: targetSeconds, choiceSaid: report.structure.choice.present)
        }

        public var fillerCount: Int { words.filter(\.isFiller).count }
    }

    /// A cue on screen: which rule and what it says.
    public struct Cue: Sendable, Hashable {
        public var rule: Rule
        public var text: String
        /// When it went up, in take seconds.
        public var since: Double
    }

    public let rules: Rules
    public private(set) var showing: Cue?
    private var lastShown: [Rule: Double] = [:]
    /// The end of the last word before the silence the last "take your time" was about.
    private var silenceCued: Double?

    public init(rules: Rules = Rules()) { self.rules = rules }

    // MARK: The rules

    /// Words a minute over the last `paceWindow` seconds, fillers left out, and the seconds of
    /// speech that pace is measured over (first word's start to last word's end, as the
    /// report's pace). Nil with fewer than three words or under three seconds of speech.
    public static func recentPace(_ m: Moment, rules: Rules = Rules()) -> (wordsPerMinute: Double, seconds: Double)? {
        let recent = m.words.filter { !$0.isFiller && $0.start >= m.now - rules.paceWindow }
        guard recent.count >= 3, let first = recent.first, let last = recent.last else { return nil }
        let span = last.end - first.start
        guard span >= 3 else { return nil }
        return (Double(recent.count) / span * 60, span)
    }

    public static func isFast(_ m: Moment, rules: Rules = Rules()) -> Bool {
        guard let pace = recentPace(m, rules: rules) else { return false }
        return pace.seconds >= rules.fastSeconds && PaceBand.verdict(pace.wordsPerMinute) == .fast
    }

    public static func isFillerBurst(_ m: Moment, rules: Rules = Rules()) -> Bool {
        m.words.filter { $0.isFiller && $0.start >= m.now - rules.burstWindow }.count >= rules.burstFillers
    }

    public static func isChoiceMissing(_ m: Moment, rules: Rules = Rules()) -> Bool {
        guard let target = m.targetSeconds, !m.words.isEmpty else { return false }
        return !m.choiceSaid && m.now >= Double(target) * rules.choiceByFraction
    }

    public static func isTimeToWrapUp(_ m: Moment, rules: Rules = Rules()) -> Bool {
        guard let target = m.targetSeconds, !m.words.isEmpty else { return false }
        return m.now >= Double(target) * rules.wrapUpFraction
    }

    public static func isThinkingPause(_ m: Moment, rules: Rules = Rules()) -> Bool {
        guard let last = m.words.last, m.now - last.end >= rules.longSilence else { return false }
        guard let target = m.targetSeconds else { return true }
        return m.now < Double(target) * rules.midAnswerFraction
    }

    /// Whether `rule` holds at `m`, and what the cue says.
    public static func check(_ rule: Rule, _ m: Moment, rules: Rules = Rules()) -> String? {
        switch rule {
        case .fast:
            guard isFast(m, rules: rules), let pace = recentPace(m, rules: rules) else { return nil }
            return "slow down: \(Int(pace.wordsPerMinute.rounded())) wpm"
        case .fillerBurst:
            return isFillerBurst(m, rules: rules) ? "\(rules.burstFillers) fillers in \(Int(rules.burstWindow)) s: pause instead" : nil
        case .noChoice:
            return isChoiceMissing(m, rules: rules) ? "no choice yet: say what you decided" : nil
        case .wrapUp:
            return isTimeToWrapUp(m, rules: rules) ? "wrap up: say the result" : nil
        case .takeYourTime:
            return isThinkingPause(m, rules: rules) ? "take your time" : nil
        }
    }

    /// Most pressing first: when several rules hold, the first of these shows.
    static let priority: [Rule] = [.wrapUp, .takeYourTime, .fast, .fillerBurst, .noChoice]

    // MARK: Showing cues

    /// The cue to show at `m`, if any: the one already up until its time is over, else the
    /// most pressing rule that holds and has not shown too recently.
    public mutating func update(_ m: Moment) -> Cue? {
        if let cue = showing, m.now - cue.since < rules.showSeconds {
            // Speech again: "take your time" has done its job.
            let resumed = cue.rule == .takeYourTime && (m.words.last.map { $0.end > (silenceCued ?? .infinity) } ?? false)
            if !resumed { return cue }
        }
        showing = nil
        for rule in Self.priority where mayShow(rule, m) {
            guard let text = Self.check(rule, m, rules: rules) else { continue }
            let cue = Cue(rule: rule, text: text, since: m.now)
            lastShown[rule] = m.now
            if rule == .takeYourTime { silenceCued = m.words.last?.end }
            showing = cue
            return cue
        }
        return nil
    }

    private func mayShow(_ rule: Rule, _ m: Moment) -> Bool {
        switch rule {
        case .noChoice, .wrapUp:
            return lastShown[rule] == nil
        case .takeYourTime:
            // Once per silence.
            return m.words.last?.end != silenceCued
        case .fast, .fillerBurst:
            return lastShown[rule].map { m.now - $0 >= rules.repeatAfter } ?? true
        }
    }
}
