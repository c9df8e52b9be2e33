import Analysis
import Foundation
import History

/// `rehearse progress --html FILE`: each metric's trend as a chart, in one self-contained page.
public struct ProgressHTML {
    public init() {}

    public func render(_ p: ProgressSummary) -> String {
        var scope = [p.topic.map { "topic \($0)" }, p.role.map { "role \($0)" }].compactMap { $0 }.joined(separator: ", ")
        if scope.isEmpty { scope = "all attempts" }
        let charts = p.metrics.map(chart).joined(separator: "\n")
        var groups = ""
        for kind in [ProgressGroup.Kind.topic, .role] {
            let rows = p.groups.filter { $0.kind == kind }
            guard rows.count > 1 else { continue }
            groups += "<section class=\"card\"><h2>Score by \(kind.rawValue)</h2><table class=\"groups\">"
                + "<tr><th>\(kind.rawValue.capitalized)</th><th>Attempts</th><th>Baseline</th><th>Now</th><th>Change</th></tr>"
                + rows.map { g in
                    "<tr><td>\(esc(g.name))</td><td>\(g.attempts)</td><td>\(g.score.baseline.map { String(Int($0.rounded())) } ?? "—")</td>"
                        + "<td>\(g.score.recent.map { String(Int($0.rounded())) } ?? "—")</td><td class=\"\(g.score.verdict.rawValue)\">\(verdictText(g.score))</td></tr>"
                }.joined() + "</table></section>"
        }
        return HTMLReport.page(title: "Rehearse — progress", css: Self.css, main: """
            <p class="eyebrow">Rehearse · progress · \(esc(scope))</p>
            <h1>\(p.attempts) attempt\(p.attempts == 1 ? "" : "s")</h1>
            <p class="muted">Baseline is the median of your first attempts; now is the median of your latest. Changes under 10% are marked steady: listeners don't notice them.</p>
            <div class="grid">
            \(charts)
            </div>
            \(groups)
            """)
    }

    private func chart(_ m: MetricTrend) -> String {
        let values = Self.downsample(m.values, to: 300)
        var svg: [String] = []
        if !values.isEmpty {
            var low = values.min()!, high = values.max()!
            if m.metric == .wordsPerMinute {
                low = min(low, PaceBand.wordsPerMinute.lowerBound - 10); high = max(high, PaceBand.wordsPerMinute.upperBound + 10)
            }
            if high - low < 1e-9 { low -= 1; high += 1 }
            func y(_ v: Double) -> Double { 110 - (v - low) / (high - low) * 100 }
            func x(_ i: Int) -> Double { values.count == 1 ? 500 : Double(i) / Double(values.count - 1) * 1000 }
            if m.metric == .wordsPerMinute {
                let top = y(PaceBand.wordsPerMinute.upperBound), bottom = y(PaceBand.wordsPerMinute.lowerBound)
                svg.append("<rect class=\"band-ok\" x=\"0\" y=\"\(HTMLReport.num(top))\" width=\"1000\" height=\"\(HTMLReport.num(bottom - top))\"/>")
            }
            if let b = m.baseline {
                svg.append("<line class=\"baseline\" x1=\"0\" x2=\"1000\" y1=\"\(HTMLReport.num(y(b)))\" y2=\"\(HTMLReport.num(y(b)))\"/>")
            }
            let points = values.enumerated().map { "\(HTMLReport.num(x($0.offset))),\(HTMLReport.num(y($0.element)))" }
            svg.append("<polyline class=\"trend\" points=\"\(points.joined(separator: " "))\"/>")
        }
        let figures = "baseline \(m.baseline.map { ProgressReport.figure($0, m.metric) } ?? "—") · now \(m.recent.map { ProgressReport.figure($0, m.metric) } ?? "—")"
        return """
            <section class="card metric"><div class="head"><h2>\(esc(m.metric.title))</h2><span class="\(m.verdict.rawValue)">\(verdictText(m))</span></div>
            <svg viewBox="0 0 1000 120" preserveAspectRatio="none" role="img" aria-label="\(esc(m.metric.title)) over \(m.values.count) attempts">\(svg.joined())</svg>
            <p class="muted small">\(esc(figures)) · \(m.values.count) attempts</p></section>
            """
    }

    private func verdictText(_ m: MetricTrend) -> String {
        switch m.verdict {
        case .tooFewAttempts: return "too few attempts"
        case .steady: return "steady"
        case .better: return ProgressReport.percent(m.change) + " better"
        case .worse: return ProgressReport.percent(m.change) + " worse"
        case .different: return ProgressReport.percent(m.change)
        }
    }

    /// Bucket averages, so 10,000 attempts draw as a readable line.
    static func downsample(_ values: [Double], to count: Int) -> [Double] {
        guard values.count > count else { return values }
        return (0..<count).map { i in
            let slice = values[(i * values.count / count)..<max(i * values.count / count + 1, (i + 1) * values.count / count)]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }

    private func esc(_ s: String) -> String { HTMLReport.escape(s) }

    static let css = #"""
    * { box-sizing:border-box; }
    body { margin:0; background:#f3f4f7; color:#1d2330;
      font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif; }
    main { max-width:1040px; margin:0 auto; padding:24px 20px 40px; }
    h1 { font-size:22px; margin:4px 0; } h2 { font-size:15px; margin:0; }
    .eyebrow { text-transform:uppercase; letter-spacing:.06em; font-size:12px; color:#5f6b7a; margin:0; }
    .muted { color:#5f6b7a; } .small { font-size:13px; margin:6px 0 0; }
    .grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(300px,1fr)); gap:14px; margin-top:14px; }
    .card { background:#fff; border-radius:12px; padding:14px 16px; box-shadow:0 1px 2px rgba(0,0,0,.07); }
    section.card:not(.metric) { margin-top:14px; }
    .head { display:flex; justify-content:space-between; align-items:baseline; gap:8px; margin-bottom:8px; }
    .head span { font-size:13px; font-weight:600; }
    .better { color:#1e7a47; } .worse { color:#b0302a; } .steady, .tooFewAttempts { color:#5f6b7a; } .different { color:#3867d6; }
    svg { display:block; width:100%; height:120px; background:#fafbfc; border-radius:6px; }
    .trend { fill:none; stroke:#3867d6; stroke-width:2; stroke-linejoin:round; vector-effect:non-scaling-stroke; }
    .baseline { stroke:#8a94a6; stroke-width:1; stroke-dasharray:6 4; vector-effect:non-scaling-stroke; }
    .band-ok { fill:#27935a; opacity:.13; }
    table.groups { width:100%; border-collapse:collapse; font-size:14px; }
    .groups th, .groups td { text-align:left; padding:5px 8px 5px 0; border-top:1px solid #eef0f4; }
    """#
}
