/// The pace listeners find comfortable for explaining something technical, and the one verdict
/// every report and the score give on a pace: judged on the whole words a minute the reports
/// show, so "170 wpm" is never called fast.
public enum PaceBand {
    public static let wordsPerMinute = 120.0...170.0

    public enum Verdict: Sendable { case slow, easy, fast }

    /// Slow, easy or fast, read from the whole words a minute the reports show.
    public static func verdict(_ wpm: Double) -> Verdict {
        let shown = wpm.rounded()
        return shown < wordsPerMinute.lowerBound ? .slow : shown > wordsPerMinute.upperBound ? .fast : .easy
    }

    public static func isEasy(_ wpm: Double) -> Bool { verdict(wpm) == .easy }

    /// Words a minute outside the band, either way; 0 inside it. Lower is better.
    public static func distance(_ wpm: Double) -> Double {
        max(0, wordsPerMinute.lowerBound - wpm, wpm - wordsPerMinute.upperBound)
    }
}

/// Pace, pauses and filler rates: where the answer's timing is computed.
enum PacingAnalysis {
    static let minimumPause = 0.3
    static let longPause = 1.5

    static func measure(words: [Word], contentCount: Int, timed: Bool) -> AnswerReport.Pacing {
        guard timed else {
            return .init(wordsPerMinute: nil, speakingSeconds: nil, speechSpanSeconds: nil,
                         wordCount: contentCount, pauses: [], longPauseCount: 0)
        }
        let timedWords = words.filter { $0.start != nil && $0.end != nil }
        var pauses: [AnswerReport.Pause] = []
        for (a, b) in zip(timedWords, timedWords.dropFirst()) {
            let gap = b.start! - a.end!
            if gap >= minimumPause - 1e-9 {
                pauses.append(.init(start: a.end!, end: b.start!, seconds: rounded(gap), long: gap >= longPause - 1e-9))
            }
        }
        guard let first = timedWords.first, let last = timedWords.last else {
            return .init(wordsPerMinute: nil, speakingSeconds: 0, speechSpanSeconds: 0, wordCount: contentCount,
                         pauses: [], longPauseCount: 0)
        }
        let span = max(0, last.end! - first.start!)
        let paused = pauses.reduce(0) { $0 + $1.seconds }
        let wpm = span > 0 ? Double(contentCount) / span * 60 : nil
        return .init(wordsPerMinute: wpm.map(rounded), speakingSeconds: rounded(max(0, span - paused)),
                     speechSpanSeconds: rounded(span), wordCount: contentCount, pauses: pauses,
                     longPauseCount: pauses.filter(\.long).count)
    }

    static func fillers(_ matches: [FillerDetector.Match], tokens: [Token], words: [Word], pacing: AnswerReport.Pacing,
                        contentCount: Int, timed: Bool) -> AnswerReport.Fillers {
        var byWord: [String: Int] = [:]
        var items: [AnswerReport.FillerItem] = []
        for m in matches {
            byWord[m.text, default: 0] += 1
            let first = tokens[m.tokenRange.lowerBound]
            // A recognized filler with no pass recorded came from the transcript itself.
            let source = words[first.wordIndex].source ?? (timed ? "lm" : nil)
            items.append(.init(text: m.text, start: first.start, end: tokens[m.tokenRange.upperBound - 1].end,
                               source: source))
        }
        let total = contentCount + matches.count
        let perMinute = pacing.speechSpanSeconds.flatMap { $0 > 0 ? Double(matches.count) / $0 * 60 : nil }
        return .init(count: matches.count, perMinute: perMinute.map(rounded),
                     per100Words: total > 0 ? rounded(Double(matches.count) / Double(total) * 100) : 0,
                     byWord: byWord, items: items)
    }

    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
