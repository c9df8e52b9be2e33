import Foundation

/// Single keys from a terminal on stdin: Enter, r, n, q without waiting for a line. Puts the
/// terminal in non-canonical, no-echo mode and restores it in deinit. Ctrl-C still raises
/// SIGINT. nil when stdin is not a terminal.
public final class KeyInput {
    private var saved = termios()

    public init?() {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }

    deinit { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }

    /// A key if one was pressed, without waiting.
    public func poll() -> Character? { read(timeoutMilliseconds: 0) }

    /// Waits for a key; nil if interrupted (a signal) or stdin closed.
    public func wait() -> Character? { read(timeoutMilliseconds: -1) }

    /// Throws away keys pressed before the question they would answer was asked.
    public func drain() { while poll() != nil {} }

    private func read(timeoutMilliseconds: Int32) -> Character? {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard Glibc.poll(&descriptor, 1, timeoutMilliseconds) == 1 else { return nil }
        var byte: UInt8 = 0
        guard Glibc.read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
        return byte == 13 ? "\n" : Character(Unicode.Scalar(byte))
    }
}
