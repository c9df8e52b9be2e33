import Analysis
import Foundation
import Testing
import TestSupport
@testable import History
@testable import Reports

@Suite struct TimelineTests {
    @Test func paceWindowsCountWordsInEachTenSeconds() {
        // 20 words a second apart from 0.5 s (words end at 19.9 s): 10 in the first window,
        // 10 in the second; fillers don't count.
        var words = (0..<20).map { Word("word\($0)", start: 0.5 + Double($0), end: 0.9 + Double($0)) }
        words[3] = Word("um", start: 3.5, end: 3.9)
        let report = AnswerAnalyzer().analyze(words: words)
        let t = AnswerTimeline(report: report)
        #expect(t.paceWindows.count == 2)
        #expect(t.paceWindows[0].words == 9)
        #expect(t.paceWindows[1].words == 10)
        // The first window's speech runs 0.5–10 s: 9 words in 9.5 s.
        #expect(abs(t.paceWindows[0].wordsPerMinute - 9 / 9.5 * 60) < 0.1)
        #expect(abs(t.paceWindows[1].wordsPerMinute - 10 / 9.9 * 60) < 0.1)
    }

    @Test func terminalTimelineFitsEightyColumnsAndShowsEachPart() throws {
        var attempt = Attempt(report: Samples.report(), question: Samples.question)
        attempt.id = 7
        let plain = TimingReport(style: Style(enabled: false)).render(attempt, recordingExists: false)
        for line in plain.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 80, "too wide: \(line)")
        }
        for part in AnswerPart.allCases {
            let row = try #require(plain.split(separator: "\n").first { $0.hasPrefix(part.title + " ") })
            #expect(row.contains("█"), "no band for \(part)")
        }
        #expect(plain.contains("file is gone"))
        #expect(plain.contains("Pace per 10 s"))
        #expect(!plain.contains("\u{1B}["))
        let coloured = TimingReport(style: Style(enabled: true)).render(attempt, recordingExists: true)
        #expect(coloured.contains("\u{1B}["))
        for line in coloured.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(TerminalReport.visibleLength(String(line)) <= 80)
        }
    }

    @Test func sparklineSpansLowToHigh() {
        #expect(ProgressReport.sparkline([1, 2, 3, 4, 5, 6, 7, 8], width: 40) == "▁▂▃▄▅▆▇█")
        #expect(ProgressReport.sparkline(Array(repeating: 3, count: 5), width: 40) == "▄▄▄▄▄")
        #expect(ProgressReport.sparkline((0..<1000).map(Double.init), width: 10).count == 10)
    }
}
