import Foundation

/// Where a person's own data lives: the history database and the practice takes. Every path to
/// them comes from here, so the history and the takes can never end up in different places.
///
/// `$XDG_DATA_HOME/rehearse` when XDG_DATA_HOME is an absolute path (the XDG spec says a
/// relative one is to be ignored), else `$HOME/.local/share/rehearse`; an empty or unset HOME
/// falls back to the home folder in the password database, never to the current folder.
public struct DataFolder: Sendable, Hashable {
    public let url: URL

    public init(url: URL) { self.url = url.standardizedFileURL }

    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(HistoryError) -> DataFolder {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return DataFolder(url: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("rehearse", isDirectory: true))
        }
        guard let home = homeDirectory(environment: environment) else { throw .noDataFolder }
        return DataFolder(url: URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/rehearse", isDirectory: true))
    }

    /// HOME when it is an absolute path, else the user's entry in the password database.
    static func homeDirectory(environment: [String: String]) -> String? {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.hasPrefix("/") ? home : nil
    }

    public var databasePath: String { url.appendingPathComponent("rehearse.sqlite").path }
    public var takesDirectory: URL { url.appendingPathComponent("takes", isDirectory: true) }

    /// True when `path` (after resolving symbolic links) is this folder or inside it.
    public func contains(_ path: String) -> Bool {
        let root = Self.resolved(url.path)
        let target = Self.resolved(path)
        return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `path` with symbolic links resolved as far as the path exists: a file that is not there
    /// yet is placed by its folder.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: absolute.path) { return absolute.resolvingSymlinksInPath().path }
        let parent = absolute.deletingLastPathComponent()
        guard parent.path != absolute.path else { return absolute.path }
        return URL(fileURLWithPath: resolved(parent.path)).appendingPathComponent(absolute.lastPathComponent).path
    }
}

/// Keeps a person's recordings and transcripts to themselves: their folders are 0700 and their
/// files 0600, whatever the umask.
public enum PrivateFiles {
    public static let folderMode: mode_t = 0o700
    public static let fileMode: mode_t = 0o600

    /// Creates `url` (and any missing parents) and makes it 0700. A folder that already exists
    /// with wider permissions is tightened; the returned note says so. A folder we do not own is
    /// left as it is.
    @discardableResult
    public static func prepareFolder(_ url: URL) throws(HistoryError) -> String? {
        let path = url.path
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard stat(path, &info) == 0 else {
                    throw .unusableFolder(path: path, reason: "it is a symbolic link to something that is not there")
                }
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .unusableFolder(path: path, reason: "it is a file, not a folder")
            }
            let mode = info.st_mode & 0o777
            guard mode & 0o077 != 0, info.st_uid == geteuid() else { return nil }
            guard chmod(path, folderMode) == 0 else { return nil }
            return "tightened \(path) from \(String(mode, radix: 8)) to 700 so only you can read your recordings"
        }
        do { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        catch { throw .unusableFolder(path: path, reason: "cannot create its parent folder (\(Errno.text(errno)))") }
        if mkdir(path, folderMode) != 0 && errno != EEXIST {
            throw .unusableFolder(path: path, reason: "cannot create it (\(Errno.text(errno)))")
        }
        _ = chmod(path, folderMode)  // mkdir's mode passes through the umask
        return nil
    }

    /// Makes an existing file 0600 if it is wider and ours; a missing file is fine.
    public static func tightenFile(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_mode & 0o077 != 0, info.st_uid == geteuid() else { return }
        _ = chmod(path, fileMode)
    }

    /// True when this process can create files in `path`.
    public static func isWritableFolder(_ path: String) -> Bool { access(path, W_OK | X_OK) == 0 }
}

enum Errno {
    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
