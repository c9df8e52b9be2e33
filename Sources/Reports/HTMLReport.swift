import Analysis
import Foundation
import History

/// `rehearse report ID --html FILE`: one attempt as a single self-contained page — inline CSS,
/// SVG and script, nothing fetched from anywhere — that plays the recording from disk.
public struct HTMLReport {
    /// For an answer to a follow-up: the first answer's attempt, shown above it.
    public var firstAnswer: Attempt?

    public init(firstAnswer: Attempt? = nil) { self.firstAnswer = firstAnswer }

    public func render(_ attempt: Attempt, waveform: Waveform) -> String {
        let r = attempt.report
        let timeline = AnswerTimeline(report: r)
        var body: [String] = []
        body.append(header(attempt))
        body.append(stats(attempt, timeline: timeline))
        body.append(player(attempt, waveform: waveform))
        if !r.warnings.isEmpty {
            body.append("<section class=\"notice\"><ul>" + r.warnings.map { "<li>\(esc($0))</li>" }.joined() + "</ul></section>")
        }
        if timeline.isTimed {
            body.append(timelineSection(r, timeline: timeline, waveform: waveform))
            body.append(paceSection(timeline))
        } else {
            body.append(card("Timeline", "<p class=\"muted\">A typed answer has no word times, so there is no timeline or pace chart.</p>"))
        }
        if let f = r.followUpOf { body.append(followUpContext(r, f)) }
        if r.rubric == nil || r.rubric?.kind == .ownership { body.append(structureSection(r)) }
        if let rubric = r.rubric { body.append(rubricSection(rubric)) }
        if let coverage = r.coverage, coverage.total > 0 || !coverage.misconceptions.isEmpty { body.append(keyPointsSection(coverage)) }
        body.append(transcriptSection(r, timed: timeline.isTimed))
        body.append("<div class=\"pair\">" + flagsSection(r) + followUpSection(r) + "</div>")
        body.append(scoreSection(r))
        let title = "Rehearse — attempt \(attempt.id ?? 0)"
        return Self.page(title: title, css: Self.css, script: Self.script, main: """
            \(body.joined(separator: "\n"))
            <footer>Made offline by Rehearse from the saved analysis of attempt \(attempt.id ?? 0). Nothing on this page loads from the network.</footer>
            """)
    }

    // MARK: Sections

    private func header(_ a: Attempt) -> String {
        let r = a.report
        let heading = r.question?.prompt ?? a.recordingPath.map { "Answer: " + URL(fileURLWithPath: $0).lastPathComponent }
            ?? "Typed answer"
        var meta = [a.questionId, a.topic, a.role].compactMap { $0 }
        // The file name goes under a question's prompt; without a question it is the heading already.
        if r.question != nil, let path = a.recordingPath { meta.append(URL(fileURLWithPath: path).lastPathComponent) }
        let grade = r.score.overall >= 75 ? "good" : r.score.overall >= 50 ? "fair" : "poor"
        let metaLine = meta.isEmpty ? "" : "\n<p class=\"muted\">\(esc(meta.joined(separator: " · ")))</p>"
        return """
            <header class="top">
            <div class="titles">
            <p class="eyebrow">Rehearse · attempt #\(a.id ?? 0) · \(esc(TimingReport.dateFormatter.string(from: a.createdAt)))</p>
            <h1>\(esc(heading))</h1>\(metaLine)
            </div>
            <div class="score grade-\(grade)" aria-label="score">\(r.score.overall)<small>/100</small></div>
            </header>
            """
    }

    private func stats(_ a: Attempt, timeline: AnswerTimeline) -> String {
        let r = a.report
        var items: [(String, String, Bool?)] = []
        if timeline.isTimed { items.append(("Length", TimingReport.clockShort(timeline.duration), nil)) }
        if let wpm = r.pacing.wordsPerMinute {
            items.append(("Pace", "\(Int(wpm.rounded())) wpm", PaceBand.isEasy(wpm)))
        }
        let rate = r.fillers.perMinute.map { String(format: "%.1f/min", $0) } ?? String(format: "%.1f per 100 words", r.fillers.per100Words)
        items.append(("Fillers", "\(r.fillers.count) · \(rate)", r.fillers.per100Words <= 2))
        if timeline.isTimed { items.append(("Long pauses", String(r.pacing.longPauseCount), r.pacing.longPauseCount <= 1)) }
        items.append(("Parts", "\(r.structure.presentCount) of 4", r.structure.presentCount == 4))
        let cells = items.map { name, value, ok in
            let cls = ok.map { $0 ? " ok" : " warn" } ?? ""
            return "<div class=\"stat\(cls)\"><span>\(esc(name))</span><b>\(esc(value))</b></div>"
        }
        return "<section class=\"stats\">" + cells.joined() + "</section>"
    }

    private func player(_ a: Attempt, waveform: Waveform) -> String {
        switch waveform {
        case .none:
            return ""
        case .missing(let path):
            return """
                <section class="notice gone"><b>The recording is gone.</b> \(esc(path)) is no longer on disk, so there is
                no audio or waveform; everything else comes from the saved analysis.</section>
                """
        case .unreadable(let path, let reason):
            return """
                <section class="notice gone"><b>The recording cannot be read.</b> \(esc(path)): \(esc(reason))</section>
                <audio id="audio" controls preload="metadata" src="\(esc(Self.fileURL(path)))"></audio>
                """
        case .peaks:
            let path = a.recordingPath ?? ""
            return "<section class=\"player\"><audio id=\"audio\" controls preload=\"metadata\" src=\"\(esc(Self.fileURL(path)))\"></audio>"
                + "<p class=\"muted small\">Click the timeline or any word to play from there.</p></section>"
        }
    }

    private func timelineSection(_ r: AnswerReport, timeline t: AnswerTimeline, waveform: Waveform) -> String {
        let d = t.duration
        func x(_ time: Double) -> Double { max(0, min(1000, time / d * 1000)) }
        func pct(_ time: Double) -> String { Self.num(max(0, min(100, time / d * 100))) }
        var svg: [String] = []
        // Lanes (viewBox units): parts 0–28, waveform 36–164 around 100.
        for s in r.segments {
            guard let part = s.part, let a = s.start, let b = s.end else { continue }
            let w = max(2, x(b) - x(a))
            let tip = "\(part.title) \(TerminalReport.clock(a))–\(TerminalReport.clock(b)): \(s.text)"
            svg.append("<rect class=\"band part-\(part.rawValue)\" x=\"\(Self.num(x(a)))\" y=\"0\" width=\"\(Self.num(w))\" height=\"28\"><title>\(esc(tip))</title></rect>")
            svg.append("<rect class=\"tint part-\(part.rawValue)\" x=\"\(Self.num(x(a)))\" y=\"36\" width=\"\(Self.num(w))\" height=\"128\"/>")
        }
        for p in r.pacing.pauses where p.long {
            svg.append("<rect class=\"pause-long\" x=\"\(Self.num(x(p.start)))\" y=\"36\" width=\"\(Self.num(max(2, x(p.end) - x(p.start))))\" height=\"128\"><title>Pause \(String(format: "%.1f", p.seconds)) s at \(TerminalReport.clock(p.start))</title></rect>")
        }
        if case .peaks(let peaks, let seconds) = waveform, !peaks.isEmpty {
            let span = min(1000, seconds / d * 1000)
            var path = "M0 100"
            for (i, p) in peaks.enumerated() {
                path += " L\(Self.num(Double(i) / Double(peaks.count) * span)) \(Self.num(100 - Double(p) * 60))"
            }
            for (i, p) in peaks.enumerated().reversed() {
                path += " L\(Self.num(Double(i) / Double(peaks.count) * span)) \(Self.num(100 + Double(p) * 60))"
            }
            svg.append("<path class=\"wave\" d=\"\(path) Z\"/>")
        } else {
            // No audio: draw where words were spoken instead, so the timeline still reads.
            for w in r.transcript.words {
                guard let a = w.start, let b = w.end else { continue }
                svg.append("<rect class=\"speech\" x=\"\(Self.num(x(a)))\" y=\"88\" width=\"\(Self.num(max(1, x(b) - x(a))))\" height=\"24\"/>")
            }
        }
        for f in r.fillers.items {
            guard let s = f.start else { continue }
            svg.append("<line class=\"filler\" x1=\"\(Self.num(x(s)))\" x2=\"\(Self.num(x(s)))\" y1=\"36\" y2=\"164\"><title>\(esc(f.text)) at \(TerminalReport.clock(s))</title></line>")
        }
        svg.append("<line id=\"playhead\" class=\"playhead\" x1=\"0\" x2=\"0\" y1=\"0\" y2=\"164\"/>")

        var labels: [String] = []
        for part in AnswerPart.allCases {
            // Name each part once, over its longest stretch, when there is room for the name.
            let spans = r.segments.filter { $0.part == part }.compactMap { s -> (Double, Double)? in
                guard let a = s.start, let b = s.end else { return nil }
                return (a, b)
            }
            guard let longest = spans.max(by: { $0.1 - $0.0 < $1.1 - $1.0 }) else { continue }
            let share = (longest.1 - longest.0) / d
            guard share >= 0.07 else { continue }
            labels.append("<span class=\"band-label label-\(part.rawValue)\(share >= 0.2 ? " wide" : "")\" style=\"left:\(pct(longest.0))%;width:\(pct(longest.1 - longest.0))%\">\(esc(part.title))</span>")
        }
        // Fillers and long pauses in time order, each on the first row where it clears the
        // mark before it, so labels never sit on top of each other.
        var events: [(time: Double, seek: Double, html: (Int) -> String)] = []
        for f in r.fillers.items {
            guard let s = f.start else { continue }
            events.append((s, s, { row in "<button class=\"mark filler-mark row\(row)\" style=\"left:\(pct(s))%\" data-t=\"\(Self.num(s))\" title=\"\(esc(f.text)) at \(TerminalReport.clock(s))\">\(esc(f.text))</button>" }))
        }
        for p in r.pacing.pauses where p.long {
            let mid = (p.start + p.end) / 2
            events.append((mid, p.start, { row in "<button class=\"mark pause-mark row\(row)\" style=\"left:\(pct(mid))%\" data-t=\"\(Self.num(p.start))\" title=\"pause of \(String(format: "%.1f", p.seconds)) s at \(TerminalReport.clock(p.start))\">\(String(format: "%.1f", p.seconds))s</button>" }))
        }
        var rowEnds = [Double](repeating: -1, count: 3)
        var marks: [String] = []
        for e in events.sorted(by: { $0.time < $1.time }) {
            let at = e.time / d
            let row = rowEnds.firstIndex { at - $0 >= 0.09 } ?? rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] }!
            rowEnds[row] = at
            marks.append(e.html(row))
        }
        let legend = AnswerPart.allCases.map { part in
            let present = r.structure[part].present
            return "<span class=\"key\"><i class=\"swatch part-\(part.rawValue)\"></i>\(esc(part.title))\(present ? "" : " <em>missing</em>")</span>"
        } + ["<span class=\"key\"><i class=\"swatch filler-swatch\"></i>filler</span>",
             "<span class=\"key\"><i class=\"swatch pause-swatch\"></i>pause ≥ 1.5 s</span>"]
        return card("Timeline", """
            <div class="legend">\(legend.joined())</div>
            <div class="timeline" id="timeline" data-duration="\(Self.num(d))">
            <div class="lane labels">\(labels.joined())</div>
            <svg class="tl" viewBox="0 0 1000 164" preserveAspectRatio="none" role="img" aria-label="Timeline of the answer: parts, waveform, fillers and long pauses">
            \(svg.joined(separator: "\n"))
            </svg>
            <div class="lane marks">\(marks.joined())</div>
            \(axis(d))
            </div>
            """)
    }

    private func paceSection(_ t: AnswerTimeline) -> String {
        guard !t.paceWindows.isEmpty else { return "" }
        let top = max(240, (t.paceWindows.map(\.wordsPerMinute).max() ?? 0) + 30)
        func x(_ time: Double) -> Double { max(0, min(1000, time / t.duration * 1000)) }
        func y(_ wpm: Double) -> Double { 200 - wpm / top * 200 }
        let band = PaceBand.wordsPerMinute
        let points = t.paceWindows.map { w in (x((w.start + w.end) / 2), y(w.wordsPerMinute), w) }
        var svg = ["<rect class=\"band-ok\" x=\"0\" y=\"\(Self.num(y(band.upperBound)))\" width=\"1000\" height=\"\(Self.num(y(band.lowerBound) - y(band.upperBound)))\"/>"]
        svg.append("<polyline class=\"pace-line\" points=\"\(points.map { "\(Self.num($0.0)),\(Self.num($0.1))" }.joined(separator: " "))\"/>")
        for (px, py, w) in points {
            let cls = band.contains(w.wordsPerMinute) ? "dot" : "dot off"
            svg.append("<line class=\"\(cls)\" x1=\"\(Self.num(px))\" x2=\"\(Self.num(px))\" y1=\"\(Self.num(py))\" y2=\"\(Self.num(py))\"><title>\(Int(w.wordsPerMinute.rounded())) wpm, \(TimingReport.clockShort(w.start))–\(TimingReport.clockShort(w.end))</title></line>")
        }
        let values = points.map { px, py, w in
            "<span class=\"value\(band.contains(w.wordsPerMinute) ? "" : " off")\" style=\"left:\(Self.num(px / 10))%;top:\(Self.num(py / 2))%\">\(Int(w.wordsPerMinute.rounded()))</span>"
        }
        let yLabels = [band.lowerBound, band.upperBound].map {
            "<span class=\"ylabel\" style=\"top:\(Self.num(y($0) / 2))%\">\(Int($0))</span>"
        }
        return card("Pace over time", """
            <p class="muted small">Words a minute in each 10-second window (fillers not counted). The green band is 120–170 wpm, a pace listeners follow comfortably.</p>
            <div class="chart">
            <div class="plot">
            <svg class="pace" viewBox="0 0 1000 200" preserveAspectRatio="none" role="img" aria-label="Pace per 10-second window against the 120 to 170 words a minute band">
            \(svg.joined(separator: "\n"))
            </svg>
            \(values.joined())
            \(yLabels.joined())
            </div>
            \(axis(t.duration))
            </div>
            """)
    }

    private func structureSection(_ r: AnswerReport) -> String {
        let items = AnswerPart.allCases.map { part -> String in
            let f = r.structure[part]
            var span = ""
            if let a = f.start, let b = f.end {
                span = "<button class=\"time\" data-t=\"\(Self.num(a))\">\(TerminalReport.clock(a))–\(TerminalReport.clock(b))</button>"
            }
            let body = f.present ? "<q>\(esc(f.evidence))</q>" : "<span class=\"muted\">Missing — \(esc(Self.missingHint(part)))</span>"
            return "<li class=\"part part-\(part.rawValue)\(f.present ? "" : " absent")\"><div class=\"part-head\"><b>\(f.present ? "✓" : "✗") \(esc(part.title))</b>\(span)</div>\(body)</li>"
        }
        return card("Structure", "<ul class=\"parts\">" + items.joined() + "</ul>")
    }

    private func transcriptSection(_ r: AnswerReport, timed: Bool) -> String {
        guard !r.transcript.words.isEmpty else { return card("Transcript", "<p class=\"muted\">No speech detected.</p>") }
        let longPauseStarts = Set(r.pacing.pauses.filter(\.long).map(\.start))
        var html: [String] = []
        for w in r.transcript.words {
            let part = w.start.flatMap { start in
                r.segments.first { s in
                    guard let a = s.start, let b = s.end else { return false }
                    return start >= a - 0.001 && start <= b + 0.001
                }?.part
            }
            var cls = ["w"]
            if let part { cls.append("in-\(part.rawValue)") }
            if w.isFiller { cls.append("filler") }
            let tag = w.isFiller ? "mark" : "span"
            let time = w.start.map { " data-t=\"\(Self.num($0))\"" } ?? ""
            html.append("<\(tag) class=\"\(cls.joined(separator: " "))\"\(time)>\(esc(w.text))</\(tag)>")
            if let end = w.end, longPauseStarts.contains(end),
               let pause = r.pacing.pauses.first(where: { $0.start == end }) {
                html.append("<span class=\"gap\">pause \(String(format: "%.1f", pause.seconds)) s</span>")
            }
        }
        let hint = timed ? "<p class=\"muted small\">Fillers are highlighted; underlines show which part a word belongs to. Click a word to hear it.</p>"
            : "<p class=\"muted small\">Fillers are highlighted.</p>"
        return card("Transcript", hint + "<p class=\"transcript\">" + html.joined(separator: " ") + "</p>")
    }

    private func flagsSection(_ r: AnswerReport) -> String {
        let items = AnswerFlag.shown(in: r).map { flag, raised in
            (flag.kind == .strength && raised, flag.title(raised: raised, long: true), flag.evidence(in: r, limit: .max))
        }
        let list = items.map { ok, text, evidence in
            "<li class=\"\(ok ? "good" : "bad")\"><b>\(ok ? "✓" : "✗") \(esc(text))</b>"
                + (evidence.map { $0.isEmpty ? "" : "<q>\(esc($0))</q>" } ?? "") + "</li>"
        }
        let services = r.services.isEmpty ? "none named" : r.services.joined(separator: ", ")
        let implied = r.impliedServices.isEmpty ? ""
            : "<ul class=\"flags implied\">" + r.impliedServices.map { "<li class=\"bad\"><b>Name it: \(esc(([$0.service] + $0.alternatives).joined(separator: " or ")))</b> <q>\(esc($0.evidence))</q> \(esc($0.advice))</li>" }.joined() + "</ul>"
        return card("Flags", "<ul class=\"flags\">" + list.joined() + "</ul><p class=\"muted small\">Services: \(esc(services))</p>" + implied)
    }

    private func followUpSection(_ r: AnswerReport) -> String {
        let body = r.followUps.isEmpty ? "<p class=\"muted\">None.</p>"
            : "<ol class=\"follow\">" + r.followUps.map { "<li>\(esc($0))</li>" }.joined() + "</ol>"
        return card("What an interviewer asks next", body)
    }

    /// The question's key points: the ones heard (with the phrase, and when), then the ones missed.
    private func keyPointsSection(_ c: ContentCoverage) -> String {
        let hit = c.hit.map { h in
            let time = h.start.map { " <button class=\"time\" data-t=\"\(Self.num($0))\">\(TerminalReport.clock($0))</button>" } ?? ""
            return "<li class=\"good\"><b>✓ \(esc(h.point))</b> <span class=\"muted small\">heard \"\(esc(h.phrase))\"</span>\(time)</li>"
        }
        let missed = c.missed.map { "<li class=\"bad\"><b>✗ \(esc($0))</b></li>" }
        let wrong = c.misconceptions.map { w in
            "<li class=\"bad\"><b>Wrong:</b> <q>\(esc(w.said))</q> → \(esc(w.correction))</li>"
        }
        return card(c.total > 0 ? "Key points: \(c.hit.count) of \(c.total)" : "Wrong claims",
                    "<ul class=\"flags\">" + (wrong + hit + missed).joined() + "</ul>")
    }

    /// The rubric the answer was judged by: each criterion with its evidence or what to add, then faults.
    private func rubricSection(_ rubric: AnswerReport.RubricResult) -> String {
        let items = rubric.criteria.map { c in
            let body = c.evidence.map { "<q>\(esc($0))</q>" } ?? ""
            let advice = c.met ? "" : " <span class=\"muted\">\(esc(c.advice))</span>"
            return "<li class=\"\(c.met ? "good" : "bad")\"><b>\(c.met ? "✓" : c.points > 0 ? "~" : "✗") \(esc(c.title))</b> "
                + "<span class=\"muted small\">\(Self.num(c.points)) / \(Self.num(c.max))</span> \(body)\(advice)</li>"
        }
        let faults = rubric.faults.map { f in
            "<li class=\"bad\"><b>! \(esc(f.title))</b> <span class=\"muted small\">−\(Self.num(f.penalty))</span> "
                + (f.evidence.isEmpty ? "" : "<q>\(esc(f.evidence))</q> ") + "<span class=\"muted\">\(esc(f.advice))</span></li>"
        }
        return card("Judged as: \(rubric.title)", "<ul class=\"flags\">" + (items + faults).joined() + "</ul>")
    }

    /// For a follow-up answer: the question, the first answer and the follow-up, before its own analysis.
    private func followUpContext(_ r: AnswerReport, _ f: AnswerReport.FollowUpRef) -> String {
        var rows = ["<p><b>Question</b> \(esc(r.question?.prompt ?? f.questionID))</p>"]
        if let first = firstAnswer {
            rows.append("<p><b>First answer</b> <span class=\"muted small\">attempt \(first.id ?? 0), score \(first.report.score.overall)</span></p><blockquote>\(esc(first.report.transcript.text))</blockquote>")
        } else if let id = f.firstAttemptID {
            rows.append("<p class=\"muted\">First answer: attempt \(id)</p>")
        }
        rows.append("<p><b>Follow-up \(f.number)</b> \(esc(f.text))</p>")
        return card("Follow-up answer", rows.joined())
    }

    /// The fixes worth most (the terminal's "Fix first"), then every score part with its note.
    private func scoreSection(_ r: AnswerReport) -> String {
        let fixes = r.feedback.map { f in
            "<li><b>\(esc(f.topic))</b>: " + (f.quote.isEmpty ? "" : "<q>\(esc(f.quote))</q> → ") + "\(esc(f.suggestion))</li>"
        }
        let first = fixes.isEmpty ? "" : "<h3>Fix first</h3><ol class=\"follow fixes\">" + fixes.joined() + "</ol>"
        let rows = AnswerReport.Score.partOrder.compactMap { key -> String? in
            guard let p = r.score.parts[key] else { return nil }
            let pts = p.measured ? "\(Self.num(p.points)) / \(Int(p.max))" : "—"
            return "<tr><th>\(esc(key.capitalized))</th><td class=\"pts\">\(pts)</td><td>\(esc(p.note))</td></tr>"
        }
        return card("What to work on", first + "<table class=\"breakdown\">" + rows.joined() + "</table>")
    }

    // MARK: Pieces

    private func card(_ title: String, _ body: String) -> String {
        "<section class=\"card\"><h2>\(esc(title))</h2>\n\(body)\n</section>"
    }

    private func axis(_ duration: Double) -> String {
        let step = TimingReport.tickStep(duration: duration, columns: 60)
        var ticks: [String] = []
        var t = 0.0
        while t <= duration + 1e-9 {
            ticks.append("<span style=\"left:\(Self.num(t / duration * 100))%\">\(TimingReport.clockShort(t))</span>")
            t += step
        }
        return "<div class=\"axis\">" + ticks.joined() + "</div>"
    }

    static func missingHint(_ part: AnswerPart) -> String {
        switch part {
        case .context: return "say what the situation or problem was."
        case .choice: return "say what you chose or did."
        case .tradeoff: return "name what the choice cost you."
        case .result: return "give the outcome, with a number if you have one."
        }
    }

    static func fileURL(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    static func num(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    private func esc(_ s: String) -> String { Self.escape(s) }

    /// A self-contained page: the styles and script inline, `main` as the page's content.
    static func page(title: String, css: String, script: String? = nil, main: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        \(main)
        </main>\(script.map { "\n<script>\($0)</script>" } ?? "")
        </body>
        </html>

        """
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
