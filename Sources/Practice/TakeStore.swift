import Foundation
import History

/// Where practice takes are kept: `takes/` in the data folder (`DataFolder`), by default
/// `~/.local/share/rehearse/takes`. Every take is kept, retries included.
public struct TakeStore: Sendable {
    public let directory: URL

    public init(folder: DataFolder) {
        directory = folder.takesDirectory
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(HistoryError) {
        self.init(folder: try DataFolder.resolve(environment: environment))
    }

    /// Makes sure the data folder and `takes/` exist and are private (0700); returns notes about
    /// folders that had to be tightened.
    public func prepare() throws(HistoryError) -> [String] {
        let notes = [try PrivateFiles.prepareFolder(directory.deletingLastPathComponent()),
                     try PrivateFiles.prepareFolder(directory)]
        return notes.compactMap { $0 }
    }

    /// Reserves a new take such as `takes/20261127-101502-vpc-mid-nat.wav` by creating it empty
    /// with `O_EXCL` (0600): two sessions started in the same second on the same question get
    /// different files instead of writing into one.
    public func reserveTakePath(questionID: String, suffix: String? = nil, date: Date = Date()) throws(HistoryError) -> String {
        _ = try prepare()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = [formatter.string(from: date), questionID, suffix].compactMap { $0 }.joined(separator: "-")
        for n in 1...10_000 {
            let candidate = directory.appendingPathComponent(n == 1 ? stem + ".wav" : "\(stem)-\(n).wav").path
            let fd = open(candidate, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, PrivateFiles.fileMode)
            if fd >= 0 {
                _ = fchmod(fd, PrivateFiles.fileMode)
                close(fd)
                return candidate
            }
            if errno != EEXIST {
                throw .unusableFolder(path: directory.path, reason: "cannot create a take in it (\(String(cString: strerror(errno))))")
            }
        }
        throw .unusableFolder(path: directory.path, reason: "10,000 takes named \(stem) already")
    }
}
