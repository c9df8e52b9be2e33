import Foundation
import History

/// `rehearse history`: one line per attempt, newest first, in 80 columns.
public struct HistoryTable {
    public var style: Style

    public init(style: Style) { self.style = style }

    public func render(_ attempts: [AttemptSummary], total: Int) -> String {
        var out = [style.bold("   id  when              question / file       length  wpm  fill/m parts score")]
        for a in attempts {
            let name = a.questionId ?? a.recordingPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "typed answer"
            let shown = Self.fit(TerminalText.field(name), 20)
            let length = a.durationSeconds.map(TimingReport.clockShort) ?? "—"
            let wpm = a.wordsPerMinute.map { String(Int($0.rounded())) } ?? "—"
            let fillers = a.fillersPerMinute.map { String(format: "%.1f", $0) } ?? "—"
            var line = String(a.id).leftPadded(5) + "  " + TimingReport.dateFormatter.string(from: a.createdAt) + "  "
            line += (a.questionId == nil ? style.dim(shown) : shown) + "  "
            line += length.leftPadded(6) + wpm.leftPadded(5) + fillers.leftPadded(8)
            line += "\(a.partsPresent)/4".leftPadded(6) + scoreText(a.score).leftPadded(6, visible: String(a.score).count)
            out.append(line)
        }
        if total > attempts.count {
            out.append(style.dim("(\(attempts.count) of \(total) attempts; --limit N shows more)"))
        }
        return out.joined(separator: "\n")
    }

    private func scoreText(_ score: Int) -> String {
        let s = String(score)
        return score >= 75 ? style.green(s) : score >= 50 ? style.yellow(s) : style.red(s)
    }

    /// Pads or shortens to exactly `width` characters.
    static func fit(_ s: String, _ width: Int) -> String {
        s.count > width ? String(s.prefix(width - 1)) + "…" : s.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}

extension String {
    /// Left-pads by visible width when the string carries colour codes.
    func leftPadded(_ n: Int, visible: Int) -> String {
        visible >= n ? self : String(repeating: " ", count: n - visible) + self
    }
}
