import Foundation

/// Where practice takes are kept: `$XDG_DATA_HOME/rehearse/takes`, by default
/// `~/.local/share/rehearse/takes`. Every take is kept, retries included.
public struct TakeStore: Sendable {
    public let directory: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            base = home.appendingPathComponent(".local/share", isDirectory: true)
        }
        directory = base.appendingPathComponent("rehearse/takes", isDirectory: true)
    }

    /// A new, unused path such as `takes/20261127-101502-vpc-mid-nat.wav`.
    public func newTakePath(questionID: String, suffix: String? = nil, date: Date = Date()) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = [formatter.string(from: date), questionID, suffix].compactMap { $0 }.joined(separator: "-")
        var candidate = directory.appendingPathComponent(stem + ".wav")
        var n = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = directory.appendingPathComponent("\(stem)-\(n).wav")
            n += 1
        }
        return candidate.path
    }
}
