import Analysis

/// The answer laid out in time, for the terminal and HTML timing reports: how long it runs
/// and the pace in each stretch of it.
public struct AnswerTimeline: Sendable, Hashable {
    public struct PaceWindow: Sendable, Hashable {
        public var start: Double
        public var end: Double
        /// Words spoken in the window, fillers not counted (as in the report's overall pace).
        public var words: Int
        public var wordsPerMinute: Double
    }

    /// From 0 to the end of the recording (or of the last word when the length is unknown).
    public var duration: Double
    public var paceWindows: [PaceWindow]
    /// False for a typed answer: there are no times to lay out.
    public var isTimed: Bool { duration > 0 }

    public init(report: AnswerReport, windowSeconds: Double = 10) {
        let timed = report.transcript.words.compactMap { w -> (mid: Double, start: Double, end: Double, filler: Bool)? in
            guard let s = w.start, let e = w.end else { return nil }
            return ((s + e) / 2, s, e, w.isFiller)
        }
        let lastWord = timed.map(\.end).max() ?? 0
        duration = timed.isEmpty ? 0 : max(report.source?.durationSeconds ?? 0, lastWord)
        paceWindows = []
        guard let speechStart = timed.map(\.start).min() else { return }

        // Windows sit on the clock (0:00–0:10, 0:10–0:20, ...) but only the stretch with speech
        // counts, so leading silence does not read as slow talking. A last scrap shorter
        // than 3 s joins the window before it rather than giving a jumpy figure.
        var starts: [Double] = []
        var t = (speechStart / windowSeconds).rounded(.down) * windowSeconds
        while t < lastWord {
            starts.append(t)
            t += windowSeconds
        }
        if starts.count > 1, lastWord - starts[starts.count - 1] < 3 { starts.removeLast() }
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : max(start + windowSeconds, lastWord)
            let spanStart = max(start, speechStart), spanEnd = min(end, lastWord)
            let count = timed.filter { !$0.filler && $0.mid >= start && ($0.mid < end || i == starts.count - 1) }.count
            let span = spanEnd - spanStart
            let wpm = span > 0 ? Double(count) / span * 60 : 0
            paceWindows.append(PaceWindow(start: start, end: i + 1 < starts.count ? end : min(end, lastWord),
                                          words: count, wordsPerMinute: (wpm * 10).rounded() / 10))
        }
    }
}
