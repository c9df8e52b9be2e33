import Analysis
import Capture
import Reports
import Foundation

/// The live line under a question while recording, on stderr and redrawn in place:
/// `● REC  0:12 / 1:30  ▕██████░░░░░░░░░░▏  -23 dB   Enter stops`. On a terminal only; when
/// stderr is not one, the no-input warning is still printed once as a plain line.
public final class RecordingDisplay {
    private let interactive: Bool
    private let style: Style
    private let targetSeconds: Int?
    private let hint: String
    private var lastDraw = -1.0
    private var warnedNoInput = false

    public init(targetSeconds: Int?, hint: String, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.interactive = interactive
        self.style = Style(enabled: interactive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        self.targetSeconds = targetSeconds
        self.hint = hint
    }

    public func update(_ status: RecordingStatus) {
        if status.noInput && !warnedNoInput {
            warnedNoInput = true
            if !interactive { StandardError.print("rehearse: no input — is the microphone muted?") }
        }
        if !status.noInput { warnedNoInput = false }
        // Ten redraws a second is smooth enough and costs nothing.
        guard interactive, status.elapsedSeconds - lastDraw >= 0.1 || status.elapsedSeconds < lastDraw else { return }
        lastDraw = status.elapsedSeconds
        FileHandle.standardError.write(Data(("\r" + line(status) + "\u{1B}[K").utf8))
    }

    /// Clears the line so the report starts on a clean one.
    public func finish() {
        guard interactive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
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

    static func clock(_ seconds: Double) -> String { ClockText.minutesSeconds(seconds) }
}
