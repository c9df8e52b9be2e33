import Analysis
import Foundation
import History

/// `rehearse report`: one saved attempt in the terminal — where it came from, a timeline of the
/// answer (parts, pauses, fillers, pace per 10 s), then the full report.
public struct TimingReport {
    public var style: Style
    public var width = 80
    static let labelWidth = 12

    public init(style: Style) { self.style = style }

    public func render(_ attempt: Attempt, recordingExists: Bool) -> String {
        var out = header(attempt, recordingExists: recordingExists)
        out.append("")
        out += timeline(attempt.report)
        out.append("")
        out.append(style.dim(String(repeating: "─", count: width)))
        out.append(TerminalReport(style: style).render(attempt.report))
        return out.joined(separator: "\n")
    }

    func header(_ a: Attempt, recordingExists: Bool) -> [String] {
        var out: [String] = []
        var title = "Attempt #\(a.id ?? 0)  " + Self.dateFormatter.string(from: a.createdAt)
        if let q = a.questionId {
            title += "  " + TerminalText.field(q)
            let where_ = [a.topic, a.role].compactMap { $0 }.map(TerminalText.field)
            if !where_.isEmpty { title += " (\(where_.joined(separator: ", ")))" }
        }
        out.append(style.bold(title))
        if let path = a.recordingPath {
            out.append(TerminalReport(style: style).wrap(
                "Recording " + TerminalText.field(path) + (recordingExists ? "" : style.yellow(" — file is gone; figures come from the saved analysis")),
                indent: 10))
        }
        return out
    }

    /// The answer drawn against a time axis, one row per part, then the pace figures.
    public func timeline(_ r: AnswerReport) -> [String] {
        let t = AnswerTimeline(report: r)
        guard t.isTimed else { return [style.dim("No timeline: a typed answer has no word times.")] }
        let track = width - Self.labelWidth - 1
        func col(_ time: Double) -> Int { min(track - 1, max(0, Int(time / t.duration * Double(track)))) }
        func row(_ label: String, _ cells: [String]) -> String { self.label(label) + cells.joined() }

        var out: [String] = [style.bold("Timeline")]
        let step = Self.tickStep(duration: t.duration, columns: track)
        var labels = [Character](repeating: " ", count: track + 6)
        var axis = [String](repeating: "─", count: track)
        var tick = 0.0
        var lastEnd = -1
        while tick <= t.duration + 1e-9 {
            let c = col(tick)
            axis[c] = c == 0 ? "├" : "┼"
            let text = Array(Self.clockShort(tick))
            if c > lastEnd, c + text.count <= labels.count {
                for (i, ch) in text.enumerated() { labels[c + i] = ch }
                lastEnd = c + text.count
            }
            tick += step
        }
        axis[track - 1] = "┤"
        out.append(String(repeating: " ", count: Self.labelWidth) + String(labels).trimmingCharacters(in: .whitespaces))
        out.append(row("", axis))

        for part in AnswerPart.allCases {
            var cells = [String](repeating: " ", count: track)
            for s in r.segments where s.part == part {
                guard let a = s.start, let b = s.end else { continue }
                for c in col(a)...max(col(a), col(b)) { cells[c] = style.part(part, "█") }
            }
            let line = row(part.title, cells)
            out.append(r.structure[part].present ? line : self.label(part.title) + style.dim("missing"))
        }
        var pauses = [String](repeating: " ", count: track)
        for p in r.pacing.pauses {
            if p.long {
                for c in col(p.start)...max(col(p.start), col(p.end)) { pauses[c] = style.red("▮") }
            } else if pauses[col(p.start)] == " " {
                pauses[col(p.start)] = style.dim("·")
            }
        }
        out.append(row("Pauses", pauses))
        var fillers = [String](repeating: " ", count: track)
        for f in r.fillers.items { if let s = f.start { fillers[col(s)] = style.yellow("▲") } }
        out.append(row("Fillers", fillers))
        var pace = [String](repeating: " ", count: track)
        for w in t.paceWindows {
            let bar = Self.paceBlock(w.wordsPerMinute)
            for c in col(w.start)...max(col(w.start), col(w.end) - 1) { pace[c] = paceColour(w.wordsPerMinute, bar) }
        }
        out.append(row("Pace", pace))
        out.append(String(repeating: " ", count: Self.labelWidth)
                   + style.dim("▮ pause ≥ 1.5 s  · shorter pause  ▲ filler  pace ▁ slow … █ fast"))
        out.append("")

        out.append(style.bold("Pace per 10 s") + style.dim("  (aim 120–170 wpm)"))
        let barWidth = 30, top = 240.0
        for w in t.paceWindows {
            let filled = min(barWidth, Int((w.wordsPerMinute / top * Double(barWidth)).rounded()))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)
            let span = "\(Self.clockShort(w.start))–\(Self.clockShort(w.end))".padding(toLength: 11, withPad: " ", startingAt: 0)
            let note = switch PaceBand.verdict(w.wordsPerMinute) { case .easy: ""; case .fast: "  fast"; case .slow: "  slow" }
            out.append("  \(span) \(paceColour(w.wordsPerMinute, bar)) \(String(Int(w.wordsPerMinute.rounded())).leftPadded(4)) wpm\(note)")
        }
        let longPauses = r.pacing.pauses.filter(\.long)
        out.append("")
        out.append(TerminalReport(style: style).wrap(
            label("Long pauses") + (longPauses.isEmpty ? style.dim("none")
                : longPauses.map { "\(TerminalReport.clock($0.start)) (\(String(format: "%.1f", $0.seconds)) s)" }
                    .joined(separator: ", ")), indent: Self.labelWidth))
        out.append(TerminalReport(style: style).wrap(
            label("Fillers") + (r.fillers.items.isEmpty ? style.dim("none")
                : r.fillers.items.map { "\(TerminalText.field($0.text)) \($0.start.map(TerminalReport.clock) ?? "?")" }.joined(separator: ", ")),
            indent: Self.labelWidth))
        return out
    }

    private func paceColour(_ wpm: Double, _ s: String) -> String {
        PaceBand.isEasy(wpm) ? style.green(s) : style.yellow(s)
    }

    private func label(_ s: String) -> String {
        style.bold(s.padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0))
    }

    static func paceBlock(_ wpm: Double) -> String {
        let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let i = Int(((wpm - 60) / (240 - 60) * Double(blocks.count)).rounded(.down))
        return blocks[min(blocks.count - 1, max(0, i))]
    }

    /// A tick every 5, 10, 15, 30, 60... seconds, whichever leaves room for the labels.
    static func tickStep(duration: Double, columns: Int) -> Double {
        let maxTicks = max(1, columns / 8)
        for step in [5.0, 10, 15, 20, 30, 60, 120, 300, 600] where duration / step <= Double(maxTicks) { return step }
        return (duration / Double(maxTicks)).rounded(.up)
    }

    static func clockShort(_ t: Double) -> String { ClockText.minutesSeconds(t, rounding: .toNearestOrAwayFromZero) }

    static let dateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
