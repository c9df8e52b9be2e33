import Analysis
import Foundation
import History

/// `rehearse compare A B`: two attempts side by side, with what changed.
public struct CompareReport {
    public var style: Style

    public init(style: Style) { self.style = style }

    public func render(_ a: Attempt, _ b: Attempt) -> String {
        var out: [String] = []
        out.append(style.bold("".padding(toLength: 18, withPad: " ", startingAt: 0)
            + "#\(a.id ?? 0)".padding(toLength: 22, withPad: " ", startingAt: 0)
            + "#\(b.id ?? 0)".padding(toLength: 22, withPad: " ", startingAt: 0) + "change"))
        func when(_ x: Attempt) -> String { TimingReport.dateFormatter.string(from: x.createdAt) }
        out.append(row("When", when(a), when(b), ""))
        out.append(row("Question", TerminalText.field(a.questionId ?? "—"), TerminalText.field(b.questionId ?? "—"), ""))
        if a.questionId != b.questionId {
            out.append(style.yellow("  ! different questions: compare figures with care"))
        }
        out.append(row("Length", a.durationSeconds.map(TimingReport.clockShort) ?? "—",
                       b.durationSeconds.map(TimingReport.clockShort) ?? "—",
                       delta(a.durationSeconds, b.durationSeconds, lowerIsBetter: nil, format: "%+.0f s")))
        out.append(row("Score", "\(a.score)/100", "\(b.score)/100",
                       delta(Double(a.score), Double(b.score), lowerIsBetter: false, format: "%+.0f")))
        out.append(row("Pace", a.wordsPerMinute.map { "\(Int($0.rounded())) wpm" } ?? "—",
                       b.wordsPerMinute.map { "\(Int($0.rounded())) wpm" } ?? "—",
                       paceChange(a.wordsPerMinute, b.wordsPerMinute)))
        out.append(row("Fillers", fillers(a), fillers(b),
                       delta(a.fillersPerMinute ?? a.fillersPer100Words, b.fillersPerMinute ?? b.fillersPer100Words,
                             lowerIsBetter: true, format: a.fillersPerMinute != nil ? "%+.1f/min" : "%+.1f/100w")))
        out.append(row("Long pauses", String(a.longPauseCount), String(b.longPauseCount),
                       delta(Double(a.longPauseCount), Double(b.longPauseCount), lowerIsBetter: true, format: "%+.0f")))
        out.append(row("Parts", "\(a.parts.count) of 4", "\(b.parts.count) of 4",
                       delta(Double(a.parts.count), Double(b.parts.count), lowerIsBetter: false, format: "%+.0f")))
        for part in AnswerPart.allCases {
            let was = a.parts[part], now = b.parts[part]
            let change = was == now ? "" : now ? style.green("gained") : style.red("lost")
            out.append(row("  " + part.title, was ? "✓" : "✗", now ? "✓" : "✗", change,
                           colourA: was ? style.green : style.red, colourB: now ? style.green : style.red))
        }
        out.append("")
        for (x, label) in [(a, "#\(a.id ?? 0)"), (b, "#\(b.id ?? 0)")] {
            let evidence = AnswerPart.allCases.compactMap { part -> String? in
                let f = x.report.structure[part]
                return f.present ? "\(part.title): \"\(TerminalText.field(f.evidence))\"" : nil
            }
            out.append(style.bold(label) + (evidence.isEmpty ? style.dim(" no parts found") : ""))
            for e in evidence { out.append(TerminalReport(style: style).wrap("  " + e, indent: 4)) }
        }
        return out.joined(separator: "\n")
    }

    /// What a retry changed against the previous attempt at the same question, for the top of
    /// the retry's report: score, pace, fillers, parts gained or lost, key points newly covered.
    /// The same figures and colours as the side-by-side table.
    public func sinceLast(_ a: Attempt, _ b: Attempt) -> String {
        var title = "Since your last attempt"
        if let id = a.id { title += " (#\(id), \(TimingReport.dateFormatter.string(from: a.createdAt)))" }
        var out = [style.bold(title)]
        func line(_ name: String, _ was: String, _ now: String, _ change: String) {
            out.append("  " + style.bold(name.padding(toLength: 12, withPad: " ", startingAt: 0))
                       + "\(was) → \(now)" + (change.isEmpty ? "" : "   " + change))
        }
        line("Score", "\(a.score)", "\(b.score)", delta(Double(a.score), Double(b.score), lowerIsBetter: false, format: "%+.0f"))
        if let pa = a.wordsPerMinute, let pb = b.wordsPerMinute {
            line("Pace", "\(Int(pa.rounded())) wpm", "\(Int(pb.rounded())) wpm", paceChange(pa, pb))
        }
        line("Fillers", fillers(a), fillers(b),
             delta(a.fillersPerMinute ?? a.fillersPer100Words, b.fillersPerMinute ?? b.fillersPer100Words,
                   lowerIsBetter: true, format: a.fillersPerMinute != nil ? "%+.1f/min" : "%+.1f/100w"))
        let gained = AnswerPart.allCases.filter { !a.parts[$0] && b.parts[$0] }.map(\.title)
        let lost = AnswerPart.allCases.filter { a.parts[$0] && !b.parts[$0] }.map(\.title)
        var parts: [String] = []
        if !gained.isEmpty { parts.append(style.green("gained " + gained.joined(separator: ", "))) }
        if !lost.isEmpty { parts.append(style.red("lost " + lost.joined(separator: ", "))) }
        line("Parts", "\(a.parts.count) of 4", "\(b.parts.count) of 4", parts.isEmpty ? style.dim("same") : parts.joined(separator: "; "))
        if let now = b.report.coverage {
            let before = Set(a.report.coverage?.hit.map(\.point) ?? [])
            let fresh = now.hit.map(\.point).filter { !before.contains($0) }
            let dropped = before.subtracting(now.hit.map(\.point)).sorted()
            var points: [String] = []
            if !fresh.isEmpty { points.append(style.green("newly covered: " + fresh.joined(separator: "; "))) }
            if !dropped.isEmpty { points.append(style.red("no longer: " + dropped.joined(separator: "; "))) }
            line("Key points", "\(before.count) of \(now.total)", "\(now.hit.count) of \(now.total)",
                 points.isEmpty ? style.dim("same") : points.joined(separator: "   "))
        }
        return out.joined(separator: "\n")
    }

    private func fillers(_ x: Attempt) -> String {
        x.fillersPerMinute.map { "\(x.fillerCount) (\(String(format: "%.1f", $0))/min)" }
            ?? "\(x.fillerCount) (\(String(format: "%.1f", x.fillersPer100Words))/100w)"
    }

    private func row(_ name: String, _ a: String, _ b: String, _ change: String,
                     colourA: ((String) -> String)? = nil, colourB: ((String) -> String)? = nil) -> String {
        // 21 columns and a space each, so long question ids never run into each other.
        let pa = HistoryTable.fit(a, 21) + " ", pb = HistoryTable.fit(b, 21) + " "
        return style.bold(name.padding(toLength: 18, withPad: " ", startingAt: 0))
            + (colourA.map { $0(pa) } ?? pa) + (colourB.map { $0(pb) } ?? pb) + change
    }

    /// The difference, coloured when one direction is better.
    private func delta(_ a: Double?, _ b: Double?, lowerIsBetter: Bool?, format: String) -> String {
        guard let a, let b else { return "" }
        let d = b - a
        if abs(d) < 1e-9 { return style.dim("same") }
        let text = String(format: format, d)
        guard let lowerIsBetter else { return text }
        return (d < 0) == lowerIsBetter ? style.green(text) : style.red(text)
    }

    private func paceChange(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b else { return "" }
        let text = String(format: "%+.0f wpm", b - a)
        if abs(b - a) < 0.5 { return style.dim("same") }
        let before = PaceBand.distance(a), after = PaceBand.distance(b)
        return after < before ? style.green(text) : after > before ? style.red(text) : text
    }
}
