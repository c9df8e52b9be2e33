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
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let interactive = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()

    public init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    public func update(done: Int, current: String) {
        guard interactive else { return }
        lock.lock(); defer { lock.unlock() }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let name = URL(fileURLWithPath: current).lastPathComponent
        let line = "\r\(label) \(bar) \(done)/\(total)  \(name.prefix(30))"
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

public enum StandardError {
    public static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
