import Analysis
import Foundation

/// The report as a person reads it in an 80-column terminal.
public struct TerminalReport {
    public var style: Style
    public var width = 80

    public init(style: Style) { self.style = style }

    public func render(_ r: AnswerReport) -> String {
        var out: [String] = []
        let title = TerminalText.field(r.source.map { URL(fileURLWithPath: $0.path).lastPathComponent } ?? "typed answer")
        var header = style.bold("Rehearse — \(title)")
        if let s = r.source {
            header += style.dim("  \(Self.clock(s.durationSeconds)), \(s.sampleRate) Hz, \(s.channels == 1 ? "mono" : "\(s.channels) ch")")
            // An enrolled voice is part of the recognizer's name ("…, voice alex (MLLR)").
            if let voice = s.recognizer.range(of: ", voice ") {
                header += style.dim(", voice " + TerminalText.field(String(s.recognizer[voice.upperBound...])))
            }
        }
        out.append(header)
        if let q = r.question { out.append(wrap(style.dim("Q [\(TerminalText.field(q.id))]") + " " + TerminalText.field(q.prompt), indent: 2)) }
        for w in r.warnings { out.append(wrap(style.yellow("! " + TerminalText.field(w)), indent: 2)) }
        out.append(scoreLine(r.score.overall))
        if let f = r.followUpOf {
            out.append(wrap(style.dim("Answer to follow-up \(f.number) of \(f.questionID)") + ": " + TerminalText.field(f.text)
                            + (f.firstAttemptID.map { style.dim("  (first answer: attempt \($0))") } ?? ""), indent: 2))
        }
        if let rubric = r.rubric {
            let how = switch rubric.chosenBy {
            case "question": "the question's kind"
            case "answer": "what the answer reads as"
            case "option": "--kind"
            default: rubric.chosenBy
            }
            out.append(wrap(style.dim("Judged as ") + rubric.title + style.dim(" (from \(how))"), indent: 2))
        }
        out.append("")

        let p = r.pacing
        if let wpm = p.wordsPerMinute {
            let band = 120.0...170.0
            let pace = "\(Int(wpm.rounded())) wpm"
            let shownPace = band.contains(wpm) ? style.green(pace) : style.yellow(pace)
            out.append(label("Pace") + "\(shownPace)  (aim 120–170)   speaking \(Self.secs(p.speakingSeconds ?? 0)) of \(Self.secs(p.speechSpanSeconds ?? 0)), \(p.wordCount) words")
        } else if r.source != nil {
            out.append(label("Pace") + style.dim(p.wordCount == 0 ? "no speech heard in the recording" : "too few words to time")
                       + ", \(p.wordCount) words")
        } else {
            out.append(label("Pace") + style.dim("not timed (typed answer)") + ", \(p.wordCount) words")
        }
        let f = r.fillers
        let fillerWords = f.byWord.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        let rate = f.perMinute.map { "\(Self.num($0))/min, " } ?? ""
        let fillerText = "\(f.count)  (\(rate)\(Self.num(f.per100Words)) per 100 words)"
        out.append(label("Fillers") + (f.per100Words <= 2 ? style.green(fillerText) : style.yellow(fillerText))
                   + (fillerWords.isEmpty ? "" : "  " + fillerWords))
        if r.source != nil {
            let longs = p.pauses.filter(\.long).map { Self.clock($0.start) }
            out.append(label("Pauses") + "\(p.pauses.count) of 0.3 s or more, \(p.longPauseCount) long"
                       + (longs.isEmpty ? "" : " at " + longs.prefix(6).joined(separator: ", ")))
        }
        out.append("")
        // The decision story's parts matter for stories; every rubric lists its own criteria.
        if r.rubric == nil || r.rubric?.kind == .ownership { out += structureLines(r) }
        if let rubric = r.rubric { out += rubricLines(rubric) }
        if let decision = r.timing.timeToDecisionSeconds, r.rubric == nil || r.rubric?.kind == .ownership {
            let shares = AnswerPart.allCases.compactMap { part in
                r.timing.parts[part.rawValue].map { "\(part.title.lowercased()) \(Int(($0.share * 100).rounded()))%" }
            }.joined(separator: " · ")
            out.append(wrap("  " + style.dim("decision named after \(Self.secs(decision)); \(shares)")
                            + (r.timing.longPreamble ? " " + style.yellow("— long preamble") : ""), indent: 4))
        }
        out.append("")
        out.append(label("Services") + (r.services.isEmpty ? style.dim("none named") : r.services.joined(separator: ", ")))
        for implied in r.impliedServices {
            out.append(wrap("  " + style.yellow("name it: ") + TerminalText.field(implied.advice), indent: 4))
        }
        out.append(wrap(label("Flags") + flagSummary(r), indent: 10))
        if let c = r.coverage, c.total > 0 || !c.misconceptions.isEmpty {
            out.append("")
            out.append(c.total > 0 ? style.bold("Key points") + "  \(c.hit.count) of \(c.total)" : style.bold("Wrong claims"))
            for h in c.hit { out.append(wrap("  \(style.green("✓")) \(h.point) " + style.dim("(\"\(h.phrase)\")"), indent: 4)) }
            for m in c.missed { out.append(wrap("  \(style.red("✗")) \(m)", indent: 4)) }
            for w in c.misconceptions {
                out.append(wrap("  \(style.red("wrong:")) \"\(TerminalText.field(w.said))\" → \(w.correction)", indent: 4))
            }
        }
        out.append("")
        for (i, q) in r.followUps.enumerated() {
            out.append(wrap((i == 0 ? style.bold("Next question → ") : String(repeating: " ", count: 16)) + q, indent: 16))
        }
        if !r.feedback.isEmpty {
            out.append("")
            out.append(style.bold("Fix first"))
            for (i, f) in r.feedback.enumerated() {
                let quote = f.quote.isEmpty ? "" : style.dim("\"\(TerminalText.field(f.quote))\" ") + "→ "
                out.append(wrap("  \(i + 1). \(style.bold(f.topic)): \(quote)\(f.suggestion)", indent: 5))
            }
        }
        if let f = r.followUpAnswer {
            out.append("")
            let verdict = f.namesRealDifference
                ? style.green("✓ named a real difference: " + f.dimensionsNamed.joined(separator: ", "))
                : style.red("✗ no real difference named") + style.dim(" (try: " + f.dimensionsAvailable.prefix(4).joined(separator: ", ") + ")")
            out.append(wrap(style.bold("Why \(f.chosen), not \(f.other)?") + "  " + verdict, indent: 2))
        }
        out.append("")
        out.append(style.bold("Score parts"))
        for key in AnswerReport.Score.partOrder {
            guard let part = r.score.parts[key] else { continue }
            let pts = part.measured ? "\(Self.num(part.points))/\(Int(part.max))" : "  —  "
            let note = Self.note(for: key, part, recorded: r.source != nil)
            out.append(wrap("  \(key.padding(toLength: 10, withPad: " ", startingAt: 0)) \(pts.padding(toLength: max(7, pts.count), withPad: " ", startingAt: 0)) \(note)", indent: 21))
        }
        out.append("")
        out.append(style.bold("Transcript"))
        let text = r.transcript.words.map { w in
            let shown = TerminalText.field(w.text)
            return w.isFiller ? style.yellow(shown) : shown
        }.joined(separator: " ")
        out.append(r.transcript.words.isEmpty ? style.dim("  (no speech detected)") : wrap("  " + text, indent: 2))
        return out.joined(separator: "\n")
    }

    /// The analyzer leaves pace and pauses unmeasured for a typed answer and for a recording
    /// with no words alike, and its note speaks of typed answers; a recording says why.
    static func note(for key: String, _ part: AnswerReport.ScorePart, recorded: Bool) -> String {
        guard recorded, !part.measured, key == "pace" || key == "pauses" else { return part.note }
        return "Nothing to time: too few words were heard in the recording."
    }

    /// The decision story's four parts, with the words that carry each.
    private func structureLines(_ r: AnswerReport) -> [String] {
        var out = [style.bold("Structure")]
        for part in AnswerPart.allCases {
            let finding = r.structure[part]
            let mark = finding.present ? style.green("✓") : style.red("✗")
            let name = part.title.padding(toLength: 10, withPad: " ", startingAt: 0)
            var span = ""
            if let s = finding.start, let e = finding.end { span = "\(Self.clock(s))–\(Self.clock(e)) " }
            let body = finding.present ? "\"\(TerminalText.field(finding.evidence))\"" : style.dim("missing")
            out.append(wrap("  \(mark) \(name) \(span)\(body)", indent: 15))
        }
        return out
    }

    /// Each criterion of the rubric with its evidence or what to add, then the faults.
    private func rubricLines(_ rubric: AnswerReport.RubricResult) -> [String] {
        var out = [style.bold("Rubric") + "  \(Self.num(rubric.points)) of \(Self.num(rubric.max))"]
        for c in rubric.criteria {
            let mark = c.met ? style.green("✓") : c.points > 0 ? style.yellow("~") : style.red("✗")
            let body = c.evidence.map { "\"\(TerminalText.field($0))\"" + (c.met ? "" : " " + style.dim(c.advice)) }
                ?? (c.met ? style.green("yes") : style.dim(c.advice))
            out.append(wrap("  \(mark) \(c.title): \(body)", indent: 4))
        }
        for f in rubric.faults {
            out.append(wrap("  \(style.red("!")) \(f.title) −\(Self.num(f.penalty))" + (f.evidence.isEmpty ? "" : ": \"\(TerminalText.field(f.evidence))\"")
                            + " " + style.dim(f.advice), indent: 4))
        }
        return out
    }

    private func scoreLine(_ overall: Int) -> String {
        let text = "Score \(overall)/100"
        return overall >= 75 ? style.bold(style.green(text)) : overall >= 50 ? style.bold(style.yellow(text)) : style.bold(style.red(text))
    }

    private func flagSummary(_ r: AnswerReport) -> String {
        let shown = AnswerFlag.shown(in: r)
        if shown.isEmpty { return style.dim("none") }
        return shown.map { flag, raised in
            let title = flag.title(raised: raised)
            switch flag.kind {
            case .strength: return raised ? style.green("✓ " + title) : style.red("✗ " + title)
            case .fault: return style.red("✗ " + title)
            case .warning:
                let evidence = flag.evidence(in: r).map { flag == .mostlyWe ? " (\($0))" : ": " + $0 } ?? ""
                return style.yellow("! " + title + evidence)
            }
        }.joined(separator: "  ")
    }

    private func label(_ s: String) -> String { style.bold(s.padding(toLength: 10, withPad: " ", startingAt: 0)) }

    /// Wraps on spaces at `width` visible columns (ANSI codes don't count), keeping the
    /// line's own leading indentation and indenting continuation lines by `indent`.
    public func wrap(_ line: String, indent: Int) -> String {
        let lead = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = lead
        var visible = lead.count
        var first = true
        for word in line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
            let w = String(word)
            let len = Self.visibleLength(w)
            if !first && visible + 1 + len > width {
                lines.append(current)
                current = String(repeating: " ", count: indent) + w
                visible = indent + len
            } else {
                current += (first ? "" : " ") + w
                visible += (first ? 0 : 1) + len
            }
            first = false
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    static func visibleLength(_ s: String) -> Int {
        var count = 0, inEscape = false
        for c in s {
            if c == "\u{1B}" { inEscape = true; continue }
            if inEscape { if c == "m" { inEscape = false }; continue }
            count += 1
        }
        return count
    }

    public static func clock(_ t: Double) -> String { ClockText.tenths(t) }
    static func secs(_ t: Double) -> String { String(format: "%.1f s", t) }
    static func num(_ x: Double) -> String { FigureText.short(x) }
}
