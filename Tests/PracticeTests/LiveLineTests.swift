import Analysis
import Capture
import Foundation
import SpeechCore
import Testing
@testable import Practice

/// The live line under the meter, drawn into a string instead of a terminal.
@Suite("Live line")
struct LiveLineTests {
    /// Collects what the display writes; the width can change between redraws.
    final class Screen: @unchecked Sendable {
        var written = ""
        var columns = 80
    }

    private func status(_ t: Double, level: Double = -25) -> RecordingStatus {
        RecordingStatus(elapsedSeconds: t, levelDecibels: level, heardSpeech: true, noInput: false)
    }

    /// "we chose ..." spoken at 2.5 words a second from 1 s on, up to `now`.
    private func heard(until now: Double) -> HeardSoFar {
        let text = "so we chose sqs rather than kinesis because the load was spiky and um the result was no lost orders"
            .split(separator: " ").map(String.init)
        let count = min(text.count, max(0, Int((now - 1) * 2.5)))
        return HeardSoFar(settled: HeardSoFar.spread(Array(text.prefix(count)), from: 1, to: 1 + Double(count) / 2.5),
                          decodedSeconds: now)
    }

    private func display(_ screen: Screen, mode: RecordingDisplay.Mode = .redraw, coaching: LiveCoaching?) -> RecordingDisplay {
        RecordingDisplay(targetSeconds: 60, hint: "Enter stops", mode: mode, coaching: coaching,
                         write: { screen.written += $0 }, columns: { screen.columns })
    }

    /// Applies the writes to a grid the way a terminal would (just the codes the display uses)
    /// and returns the visible rows, trailing blanks dropped.
    static func render(_ output: String, rows: Int = 10) -> [String] {
        var grid = [[Character]](repeating: [], count: rows)
        var row = 0, col = 0
        var chars = Array(output)[...]
        while let ch = chars.popFirst() {
            switch ch {
            case "\r": col = 0
            case "\n": row = min(rows - 1, row + 1); col = 0
            case "\u{1B}":
                guard chars.popFirst() == "[" else { continue }
                var arg = ""
                while let c = chars.popFirst() {
                    if c.isLetter {
                        let n = Int(arg) ?? 1
                        switch c {
                        case "A": row = max(0, row - n)
                        case "K": grid[row].removeSubrange(min(col, grid[row].count)...)
                        case "J":
                            grid[row].removeSubrange(min(col, grid[row].count)...)
                            for r in row + 1..<rows { grid[r] = [] }
                        default: break  // colours, cursor visibility
                        }
                        break
                    }
                    arg.append(c)
                }
            default:
                while grid[row].count < col { grid[row].append(" ") }
                if col < grid[row].count { grid[row][col] = ch } else { grid[row].append(ch) }
                col += 1
            }
        }
        var lines = grid.map { String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    @Test("the block shows the meter, the newest words, pace, fillers and time left, and is gone after the take")
    func drawsAndErases() throws {
        let screen = Screen()
        let coaching = LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 60, showCues: true, background: false)
        let d = display(screen, coaching: coaching)
        d.heard = { self.heard(until: 6.6) }
        for step in 0...330 { d.update(status(Double(step) * 0.02)) }
        let rows = Self.render(screen.written)
        #expect(rows.count == 3, "\(rows)")
        #expect(rows[0].hasPrefix("● REC  0:06 / 1:00"), "\(rows)")
        #expect(rows[1] == "  “so we chose sqs rather than kinesis because the load was spiky and um”", "\(rows)")
        #expect(rows[2].hasPrefix("  1") && rows[2].contains("wpm   1 filler   0:53 left"), "\(rows)")
        #expect(rows.allSatisfy { $0.count < 80 })
        d.finish()
        #expect(Self.render(screen.written).isEmpty, "nothing left behind")
        #expect(screen.written.hasSuffix("\u{1B}[?25h"), "the cursor is shown again")
    }

    @Test("each redraw fits the width read at that moment, so a narrower terminal never wraps")
    func followsResize() {
        let screen = Screen()
        let d = display(screen, coaching: LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 60, showCues: true, background: false))
        d.heard = { self.heard(until: 30) }
        d.update(status(10))
        screen.columns = 40
        screen.written = ""
        d.update(status(10.2))
        // After a width change the block is cleared below its first line before it is drawn again.
        #expect(screen.written.contains("\u{1B}[J"))
        let rows = Self.render(screen.written)
        #expect(rows.count == 3 && rows.allSatisfy { $0.count <= 39 }, "\(rows)")
        #expect(rows[1].hasPrefix("  “…") && rows[1].hasSuffix("no lost orders”"), "newest words kept: \(rows)")
    }

    @Test("the newest words are kept and the oldest dropped behind an ellipsis")
    func newestWords() {
        let words = ["one", "two", "three", "four"]
        #expect(RecordingDisplay.newestWords(words, fitting: 30) == "one two three four")
        #expect(RecordingDisplay.newestWords(words, fitting: 12) == "…three four")
        #expect(RecordingDisplay.newestWords(["extraordinarily"], fitting: 6) == "…arily")
        #expect(RecordingDisplay.fit("\u{1B}[1mabcdef\u{1B}[0m", to: 3) == "\u{1B}[1mabc\u{1B}[0m\u{1B}[0m")
    }

    @Test("a cue appears on the figures line; --no-cues keeps the line without it")
    func cueShownOrHidden() {
        for showCues in [true, false] {
            let screen = Screen()
            let d = display(screen, coaching: LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 20, showCues: showCues, background: false))
            d.heard = { self.heard(until: 18) }
            // 85% of a 20 s target: wrap up.
            d.update(status(18))
            let rows = Self.render(screen.written)
            #expect(rows.count == 3)
            #expect(rows[2].contains("▸ wrap up: say the result") == showCues, "\(rows)")
        }
    }

    @Test("TERM=dumb: no cursor movement, each cue once as a plain line")
    func dumbTerminal() {
        let screen = Screen()
        let d = display(screen, mode: .plainLines, coaching: LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 20, showCues: true, background: false))
        d.heard = { self.heard(until: 30) }
        for t in stride(from: 17.0, through: 19.0, by: 0.02) { d.update(status(t)) }
        d.finish()
        #expect(!screen.written.contains("\u{1B}") && !screen.written.contains("\r"), "\(screen.written.debugDescription)")
        #expect(screen.written == "  0:17  wrap up: say the result\n", "\(screen.written.debugDescription)")
    }

    @Test("not a terminal: nothing but the no-input warning")
    func quiet() {
        let screen = Screen()
        let d = display(screen, mode: .quiet, coaching: LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 20, showCues: true, background: false))
        d.heard = { self.heard(until: 30) }
        for t in stride(from: 0.0, through: 19.0, by: 0.02) { d.update(status(t)) }
        d.update(RecordingStatus(elapsedSeconds: 19.1, levelDecibels: -99, heardSpeech: true, noInput: true))
        d.finish()
        #expect(screen.written == "rehearse: no input — is the microphone muted?\n")
    }

    @Test("in a take the analyzer runs on its own thread and the line picks up its result")
    func backgroundAnalysis() async throws {
        let coaching = LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 60, showCues: true)
        defer { coaching.stop() }
        var line = coaching.update(heard: heard(until: 8), now: 8)
        let deadline = Date().addingTimeInterval(20)
        while line.fillers == 0 && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            line = coaching.update(heard: heard(until: 8), now: 8.1)
        }
        #expect(line.fillers == 1, "the filler in the words so far was counted")
        #expect(coaching.analyses == 1, "unchanged words are not analysed again")
    }

    @Test("the analyzer runs on the words so far at most twice a second, and only when they changed")
    func analysisRate() {
        // A 30 s take redrawn ten times a second with a new word at every redraw.
        let busy = LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 90, showCues: true, background: false)
        for step in 0...300 {
            let t = Double(step) / 10
            let words = HeardSoFar.spread(Array(repeating: "word", count: step), from: 0, to: t)
            _ = busy.update(heard: HeardSoFar(settled: words, decodedSeconds: t), now: t)
        }
        #expect(busy.analyses <= 61 && busy.analyses >= 50, "\(busy.analyses) analyses in 30 s")
        // The sentence is complete after 9 s: no analysis after that.
        let settled = LiveCoaching(analyzer: AnswerAnalyzer(), targetSeconds: 90, showCues: true, background: false)
        for step in 0...600 {
            let t = Double(step) / 10
            _ = settled.update(heard: heard(until: t), now: t)
        }
        #expect(settled.analyses <= 20 && settled.analyses >= 10, "\(settled.analyses) analyses for 9 s of changing words")
    }
}
