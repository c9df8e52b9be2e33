import Analysis
import Foundation

/// ANSI styling, on only when writing to a terminal and NO_COLOR is not set.
public struct Style: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public static func forStandardOutput() -> Style {
        Style(enabled: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
              && ProcessInfo.processInfo.environment["TERM"] != "dumb")
    }

    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func green(_ s: String) -> String { wrap(s, "32") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func red(_ s: String) -> String { wrap(s, "31") }
    public func cyan(_ s: String) -> String { wrap(s, "36") }
}

/// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.
/// Counts files (`update(done:current:)`) or the seconds of one recording (`update(seconds:of:name:)`).
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let interactive = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var drawn = false

    /// `total` counts files; a bar for one recording's seconds needs none.
    public init(total: Int = 1, label: String) {
        self.total = total
        self.label = label
    }

    public func update(done: Int, current: String) {
        let name = URL(fileURLWithPath: current).lastPathComponent
        draw(fraction: total > 0 ? Double(done) / Double(total) : 1, detail: "\(done)/\(total)  \(name.prefix(30))",
             finished: done == total)
    }

    /// For one recording: how far into it the recognizer is. The line is erased at the end, so
    /// the report starts on a clean line.
    public func update(seconds: Double, of totalSeconds: Double, name: String) {
        let fraction = totalSeconds > 0 ? min(1, seconds / totalSeconds) : 1
        draw(fraction: fraction, detail: Self.line(seconds: seconds, of: totalSeconds, name: name), finished: false)
    }

    /// Erases the bar's line, if one was drawn.
    public func clear() {
        guard interactive else { return }
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// "1:05 of 3:55  long.wav": the text after the bar for one recording.
    static func line(seconds: Double, of totalSeconds: Double, name: String) -> String {
        let clock = { ClockText.minutesSeconds($0) }
        return "\(clock(min(seconds, totalSeconds))) of \(clock(totalSeconds))  \(name.prefix(30))"
    }

    private func draw(fraction: Double, detail: String, finished: Bool) {
        guard interactive else { return }
        lock.lock(); defer { lock.unlock() }
        let width = 30
        let filled = max(0, min(width, Int((Double(width) * fraction).rounded(.down))))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data(("\r\(label) \(bar) \(detail)" + "\u{1B}[K").utf8))
        drawn = true
        if finished {
            FileHandle.standardError.write(Data("\n".utf8))
            drawn = false
        }
    }
}

public enum StandardError {
    /// Writes `line` with any control characters it carries written out (`TerminalText.page`).
    public static func print(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.page(line) + "\n").utf8))
    }
}
