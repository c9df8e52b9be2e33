import Analysis
import Capture
import Reports
import Foundation
import SpeechCore

/// What shows on stderr while recording. In a terminal, a block redrawn in place:
///
///     ● REC  0:32 / 1:30  ▕██████░░░░░░░░░░▏  -23 dB   Enter stops
///       “…then we moved the nat gateway into each availability zone”
///       148 wpm   2 fillers   0:58 left   ▸ no choice yet: say what you decided
///
/// The second and third lines come with `coaching` (practice in a terminal, not --json). Each
/// line is cut to the terminal's width, read again at every redraw, so nothing wraps and a
/// resize leaves no debris; the whole block goes out in one write and is erased at the end.
/// With TERM=dumb nothing moves the cursor: only cues and warnings, each on a plain line.
/// Not in a terminal: only the no-input warning, once, as a plain line.
public final class RecordingDisplay {
    public enum Mode: Sendable {
        case redraw, plainLines, quiet

        /// Redraw on a terminal that can move the cursor; plain lines on a dumb one.
        public static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> Mode {
            guard isatty(STDERR_FILENO) == 1 else { return .quiet }
            return environment["TERM"] == "dumb" ? .plainLines : .redraw
        }
    }

    private let mode: Mode
    private let style: Style
    private let targetSeconds: Int?
    private let hint: String
    public let coaching: LiveCoaching?
    /// What the decoder heard so far; set by the recorder when it decodes while recording.
    public var heard: (() -> HeardSoFar)?
    private var lastDraw = -1.0
    private var warnedNoInput = false
    private var drawnLines = 0
    private var drawnWidth = 0
    private var lastCue: LiveCoach.Cue?
    private let write: (String) -> Void
    private let columns: () -> Int

    public init(targetSeconds: Int?, hint: String, mode: Mode = .forStandardError(), coaching: LiveCoaching? = nil,
                write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
                columns: @escaping () -> Int = RecordingDisplay.terminalColumns) {
        self.mode = mode
        let env = ProcessInfo.processInfo.environment
        self.style = Style(enabled: mode == .redraw && env["NO_COLOR"] == nil)
        self.targetSeconds = targetSeconds
        self.hint = hint
        self.coaching = mode == .quiet ? nil : coaching
        self.write = write
        self.columns = columns
    }

    public func update(_ status: RecordingStatus) {
        if status.noInput && !warnedNoInput {
            warnedNoInput = true
            if mode != .redraw { write("rehearse: no input — is the microphone muted?\n") }
        }
        if !status.noInput { warnedNoInput = false }
        // Ten redraws a second is smooth enough and costs nothing.
        guard mode != .quiet, status.elapsedSeconds - lastDraw >= 0.1 || status.elapsedSeconds < lastDraw else { return }
        lastDraw = status.elapsedSeconds
        let live = coaching.map { $0.update(heard: heard?() ?? HeardSoFar(), now: status.elapsedSeconds) }
        switch mode {
        case .redraw:
            var lines = [line(status)]
            if let live { lines += liveLines(live, elapsed: status.elapsedSeconds) }
            draw(lines)
        case .plainLines:
            if let cue = live?.cue, cue != lastCue {
                write("  \(Self.clock(cue.since))  \(cue.text)\n")
            }
            lastCue = live?.cue
        case .quiet:
            break
        }
    }

    /// Erases the block so the report starts on a clean line, and shows the cursor again.
    public func finish() {
        coaching?.stop()
        if mode == .redraw, drawnLines > 0 {
            write(Self.up(drawnLines - 1) + "\r\u{1B}[J\u{1B}[?25h")
            drawnLines = 0
        }
        // For measuring the budget (scripts/measure-live.sh): how often the analyzer ran, and how long.
        if let c = coaching, ProcessInfo.processInfo.environment["REHEARSE_LIVE_STATS"] != nil {
            write(String(format: "live analysis: %d runs, %.3f s in all, slowest %.3f s\n",
                         c.analyses, c.analysisSeconds, c.slowestAnalysisSeconds))
        }
    }

    private func draw(_ lines: [String]) {
        let width = max(20, columns())
        // The cursor sits on the block's last line; go back to its first.
        var out = drawnLines == 0 ? "\u{1B}[?25l" : Self.up(drawnLines - 1)
        out += "\r"
        // After a resize the old lines may have been rewrapped: clear everything below first.
        if width != drawnWidth && drawnLines > 0 { out += "\u{1B}[J" }
        for (i, line) in lines.enumerated() {
            out += Self.fit(line, to: width - 1) + "\u{1B}[K"
            if i < lines.count - 1 { out += "\n" }
        }
        if lines.count < drawnLines { out += "\u{1B}[J" }
        write(out)
        drawnLines = lines.count
        drawnWidth = width
    }

    func line(_ status: RecordingStatus) -> String {
        let elapsed = Self.clock(status.elapsedSeconds)
        let target = targetSeconds.map { " / " + Self.clock(Double($0)) } ?? ""
        let overTarget = targetSeconds.map { status.elapsedSeconds > Double($0) } ?? false
        let time = overTarget ? style.yellow(elapsed + target) : elapsed + target
        let width = 16
        let filled = max(0, min(width, Int(((status.levelDecibels + 60) / 60 * Double(width)).rounded())))
        let meter = "▕" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "▏"
        let level = String(format: "%4.0f dB", max(-99, status.levelDecibels))
        var text = "\(style.red("●")) \(style.bold("REC"))  \(time)  \(filled > 12 ? style.yellow(meter) : meter) \(level)"
        text += status.noInput ? "  " + style.yellow("no input — is the microphone muted?") : "   " + style.dim(hint)
        return text
    }

    /// The caption line and the figures line (with the cue, when one is up).
    func liveLines(_ live: LiveCoaching.Line, elapsed: Double) -> [String] {
        let room = max(10, columns() - 1 - 6)
        let caption = live.caption.isEmpty ? style.dim("listening…") : "“" + Self.newestWords(live.caption, fitting: room) + "”"
        var figures: [String] = []
        if let wpm = live.wordsPerMinute {
            let pace = "\(Int(wpm.rounded())) wpm"
            figures.append(PaceBand.isEasy(wpm) ? style.green(pace) : style.yellow(pace))
        } else {
            figures.append(style.dim("— wpm"))
        }
        figures.append(live.fillers == 1 ? "1 filler" : "\(live.fillers) fillers")
        if let targetSeconds {
            let left = Double(targetSeconds) - elapsed
            figures.append(left >= 0 ? "\(Self.clock(left)) left" : style.yellow("\(Self.clock(-left)) over"))
        }
        var third = "  " + figures.joined(separator: "   ")
        if let cue = live.cue { third += "   " + style.bold(style.cyan("▸ " + cue.text)) }
        return ["  " + caption, third]
    }

    /// The last words that fit in `width` columns, with "…" in front when some were left out.
    static func newestWords(_ words: [String], fitting width: Int) -> String {
        var kept: [String] = []
        var used = 0
        for word in words.reversed() {
            let cost = word.count + (kept.isEmpty ? 0 : 1)
            if used + cost > width - 1 { break }
            kept.append(word)
            used += cost
        }
        if kept.isEmpty, let last = words.last { return "…" + String(last.suffix(max(1, width - 1))) }
        let text = kept.reversed().joined(separator: " ")
        return kept.count < words.count ? "…" + text : text
    }

    /// `text` cut to `width` visible columns; ANSI codes don't count and are kept whole.
    static func fit(_ text: String, to width: Int) -> String {
        var out = ""
        var visible = 0
        var inEscape = false
        var cut = false
        for ch in text {
            if inEscape {
                out.append(ch)
                if ch.isLetter { inEscape = false }
                continue
            }
            if ch == "\u{1B}" { inEscape = true; out.append(ch); continue }
            if visible >= width { cut = true; continue }
            out.append(ch)
            visible += 1
        }
        return cut && text.contains("\u{1B}") ? out + "\u{1B}[0m" : out
    }

    private static func up(_ n: Int) -> String { n > 0 ? "\u{1B}[\(n)A" : "" }

    /// The terminal's width, asked again each time (a resize changes it); 80 when unknown.
    public static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    static func clock(_ seconds: Double) -> String { ClockText.minutesSeconds(seconds) }
}
