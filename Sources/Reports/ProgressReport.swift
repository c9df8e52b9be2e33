import Foundation
import History

/// `rehearse progress`: each metric's trend as a sparkline, against the personal baseline.
public struct ProgressReport {
    public var style: Style
    public var width = 80

    public init(style: Style) { self.style = style }

    public func render(_ p: ProgressSummary) -> String {
        var out: [String] = []
        var scope = [p.topic.map { "topic \($0)" }, p.role.map { "role \($0)" }].compactMap { $0 }.joined(separator: ", ")
        if scope.isEmpty { scope = "all attempts" }
        out.append(style.bold("Progress — \(scope)") + style.dim("  \(p.attempts) attempt\(p.attempts == 1 ? "" : "s")"
            + (p.firstAttemptAt.map { ", since " + TimingReport.dateFormatter.string(from: $0) } ?? "")))
        guard p.attempts > 0 else {
            out.append("No attempts match. Score an answer with `rehearse score FILE --question ID` to track a topic.")
            return out.joined(separator: "\n")
        }
        out.append(style.dim("Baseline = median of your first attempts, now = median of your latest; changes under 10% are not called out."))
        out.append("")
        out.append(style.bold("metric           trend (oldest → newest)           baseline    now  change"))
        for m in p.metrics { out.append(line(title: m.metric.title, m)) }

        for kind in [ProgressGroup.Kind.topic, .role] {
            let groups = p.groups.filter { $0.kind == kind }
            // A breakdown that repeats the filter, or has one row, says nothing new.
            guard groups.count > 1 else { continue }
            out.append("")
            out.append(style.bold("Score by \(kind.rawValue)"))
            for g in groups {
                out.append(line(title: "\(g.name) (\(g.attempts))", g.score))
            }
        }
        return out.joined(separator: "\n")
    }

    private func line(title: String, _ m: MetricTrend) -> String {
        let spark = Self.sparkline(m.values, width: 32)
        let baseline = m.baseline.map { Self.figure($0, m.metric) } ?? "—"
        let now = m.recent.map { Self.figure($0, m.metric) } ?? "—"
        let change: String
        switch m.verdict {
        case .tooFewAttempts: change = style.dim("too few")
        case .steady: change = style.dim("steady")
        case .better: change = style.green(Self.percent(m.change) + " better")
        case .worse: change = style.red(Self.percent(m.change) + " worse")
        case .different: change = style.cyan(Self.percent(m.change))
        }
        let name = HistoryTable.fit(title, 16)
        return name + " " + spark.padding(toLength: 32, withPad: " ", startingAt: 0) + " "
            + baseline.leftPadded(8) + now.leftPadded(7) + "  " + change
    }

    static func figure(_ x: Double, _ metric: Metric) -> String {
        switch metric {
        case .score, .wordsPerMinute: return String(Int(x.rounded()))
        case .fillersPerMinute, .longPauses, .partsPresent: return String(format: "%.1f", x)
        }
    }

    static func percent(_ change: Double?) -> String {
        guard let change else { return "" }
        return String(format: "%+.0f%%", change * 100)
    }

    /// One block per value, scaled between the series' own low and high. Longer series are
    /// averaged into `width` buckets so the shape of all of them fits.
    public static func sparkline(_ values: [Double], width: Int) -> String {
        guard !values.isEmpty else { return "" }
        var series = values
        if values.count > width {
            series = (0..<width).map { i in
                let lo = i * values.count / width, hi = max(lo + 1, (i + 1) * values.count / width)
                let slice = values[lo..<hi]
                return slice.reduce(0, +) / Double(slice.count)
            }
        }
        let blocks = Array("▁▂▃▄▅▆▇█")
        let low = series.min()!, high = series.max()!
        guard high > low else { return String(repeating: "▄", count: series.count) }
        return String(series.map { blocks[min(blocks.count - 1, Int(($0 - low) / (high - low) * Double(blocks.count)))] })
    }
}
