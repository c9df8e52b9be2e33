import AudioFiles
import Foundation
import History

/// A file a command writes at the user's request (`--html`, `export --output`, `record FILE`).
/// Rehearse never clobbers: an existing file is refused unless `--force`, and even with
/// `--force` it never writes into the data folder, over a recording, or over a database.
/// Contents go to a temporary file beside the target and are renamed into place, so a failed
/// write leaves the old file (or nothing) rather than half a page.
public struct OutputFile: Sendable {
    public let path: String
    public let force: Bool
    /// Where the history and takes live; nil when it cannot be resolved (nothing to protect).
    public let dataFolder: DataFolder?
    /// Whether something is at `path` now (known after `check()`).
    public private(set) var exists = false

    public init(path: String, force: Bool, dataFolder: DataFolder? = try? DataFolder.resolve()) {
        self.path = path
        self.force = force
        self.dataFolder = dataFolder
    }

    /// Refuses a target Rehearse must not write; call before doing the work that produces it.
    public mutating func check() throws(OutputFileError) {
        guard !path.isEmpty else { throw .refused(path: path, reason: "an empty file name") }
        if let dataFolder, dataFolder.contains(path) {
            throw .refused(path: path, reason: "it is inside Rehearse's data folder \(dataFolder.url.path), where your history and takes live; write it somewhere else")
        }
        var info = stat()
        exists = lstat(path, &info) == 0
        guard exists else { return }
        // What is there, through a symbolic link if it is one.
        var target = info
        if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &target) != 0 { target = info }
        if (target.st_mode & S_IFMT) == S_IFDIR { throw .refused(path: path, reason: "it is a folder") }
        if let kind = Self.protectedKind(path) {
            throw .refused(path: path, reason: "it is \(kind); Rehearse never writes over one, even with --force — choose another name")
        }
        if !force { throw .exists(path: path) }
    }

    /// `check()`s, then writes `data` through a temporary file renamed into place.
    public mutating func write(_ data: Data) throws(OutputFileError) {
        try check()
        let temporary = try makeTemporary()
        let fd = open(temporary, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failed(errno, temporary: temporary) }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        let code = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok else { throw failed(code, temporary: temporary) }
        try commit(temporary)
    }

    /// A new, empty, private file beside the target (for writers that stream, like a take).
    public func makeTemporary() throws(OutputFileError) -> String {
        let url = URL(fileURLWithPath: path)
        let template = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).rehearse-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let fd = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .failed(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Moves a finished temporary file to the target: `link` when nothing was there (so a file
    /// that appeared meanwhile is not clobbered), `rename` when `--force` replaces one.
    public func commit(_ temporary: String) throws(OutputFileError) {
        if exists {
            guard rename(temporary, path) == 0 else { throw failed(errno, temporary: temporary) }
            return
        }
        if link(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            if code == EEXIST { throw .exists(path: path) }
            throw .failed(path: path, reason: String(cString: strerror(code)))
        }
        unlink(temporary)
    }

    private func failed(_ code: Int32, temporary: String) -> OutputFileError {
        unlink(temporary)
        return .failed(path: path, reason: String(cString: strerror(code)))
    }

    /// "a recording" or "a database" when the file at `path` is one, by its name or its first bytes.
    static func protectedKind(_ path: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let ext = resolved.pathExtension.lowercased()
        if RecordingExtensions.all.contains(ext) || ["mp3", "m4a", "opus"].contains(ext) { return "a recording" }
        if ["sqlite", "sqlite3", "db"].contains(ext) { return "a database" }
        guard let handle = FileHandle(forReadingAtPath: resolved.path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        func starts(_ magic: String) -> Bool { head.starts(with: Array(magic.utf8)) }
        if starts("SQLite format 3") { return "a database" }
        if starts("RIFF") || starts("RIFX") || starts("fLaC") || starts("OggS") || starts("FORM") || starts(".snd")
            || starts("caff") || starts("ID3") { return "a recording" }
        return nil
    }
}

public enum OutputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case exists(path: String)
    case refused(path: String, reason: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .exists(let p): return "\(p): already exists; pass --force to replace it, or choose another name"
        case .refused(let p, let reason): return "\(p): not written: \(reason)"
        case .failed(let p, let reason): return "\(p): cannot write the file (\(reason))"
        }
    }
}
