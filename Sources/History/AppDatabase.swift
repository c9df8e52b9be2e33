import Foundation
import GRDB

/// The attempt history on disk: one SQLite file in WAL mode, so several `rehearse` processes can
/// read and write at once. Owns the connection and brings the schema up to date when opened.
public final class AppDatabase: Sendable {
    /// Written into the SQLite header by the first migration; tells our file from another program's.
    static let applicationID: Int32 = 0x5248_5253 // "RHRS"

    /// The database file, or ":memory:".
    public let path: String
    let writer: any DatabaseWriter

    /// Read-write creates and migrates; read-only (a folder the user cannot write) only reads.
    public enum Access: Sendable { case readWrite, readOnly }

    /// Opens (creating if needed) the history at `path`, creating its folder too. The file and
    /// its WAL and shared-memory files are kept 0600. An existing file is first checked on a
    /// read-only connection, so another program's database or a newer Rehearse's is refused
    /// before anything can change a byte of it.
    public convenience init(path: String, access: Access = .readWrite) throws(HistoryError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if access == .readWrite {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            catch { throw .cannotOpen(path: path, sqliteMessage: "cannot create \(folder)") }
        }
        try Self.checkHeader(path: path)
        let existing = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0 > 0
        if existing { try Self.probe(path: path, access: access) }
        var config = Configuration()
        // Another process may hold the write lock for a moment; wait rather than fail.
        config.busyMode = .timeout(10)
        config.label = "rehearse.history"
        switch access {
        case .readWrite:
            try Self.createPrivately(path: path)
            try self.init(writer: try Self.openPool(path: path, configuration: config), path: path)
        case .readOnly:
            guard existing else { throw .cannotOpen(path: path, sqliteMessage: "no history here yet") }
            config.readonly = true
            let queue: DatabaseQueue
            do { queue = try DatabaseQueue(path: Self.readOnlyLocation(path), configuration: config) }
            catch { throw Self.historyError(error, path: path) }
            try self.init(reader: queue, path: path)
        }
    }

    /// A private in-memory history, for tests and previews.
    public static func inMemory() throws(HistoryError) -> AppDatabase {
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue() } catch { throw historyError(error, path: ":memory:") }
        return try AppDatabase(writer: queue, path: ":memory:")
    }

    init(writer: any DatabaseWriter, path: String) throws(HistoryError) {
        self.writer = writer
        self.path = path
        try perform {
            try Self.refuseForeign(writer, path: path)
            if try writer.read(Self.migrator.hasBeenSuperseded) { throw HistoryError.newerSchema(path: path) }
            try Self.migrate(writer)
        }
        for suffix in ["", "-wal", "-shm"] { PrivateFiles.tightenFile(path + suffix) }
    }

    /// A history opened only to read: checked, never migrated. Saving into it fails with
    /// SQLite's read-only error.
    init(reader: DatabaseQueue, path: String) throws(HistoryError) {
        self.writer = reader
        self.path = path
        try perform {
            try Self.refuseForeign(reader, path: path)
            if try reader.read(Self.migrator.hasBeenSuperseded) { throw HistoryError.newerSchema(path: path) }
            if try !reader.read(Self.migrator.hasCompletedMigrations) { throw HistoryError.needsUpgrade(path: path) }
        }
    }

    /// `rehearse.sqlite` in the data folder (`DataFolder.resolve`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws(HistoryError) -> String {
        try DataFolder.resolve(environment: environment).databasePath
    }

    /// Runs database work, turning SQLite's errors into ones that name this file.
    func perform<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do { return try body() } catch { throw Self.historyError(error, path: path) }
    }

    static func historyError(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let error = error as? DatabaseError else { return .sqliteFailed(path: path, sqliteMessage: "\(error)") }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path, sqliteMessage: message)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: return .cannotOpen(path: path, sqliteMessage: message)
        default: return .sqliteFailed(path: path, sqliteMessage: message)
        }
    }

    /// Refuses anything that does not start like an SQLite file, before SQLite touches it.
    private static func checkHeader(path: String) throws(HistoryError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return } // a new history
        if isDirectory.boolValue { throw .cannotOpen(path: path, sqliteMessage: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, sqliteMessage: "permission denied")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return } // an empty file is a new database to SQLite too
        if header != Data("SQLite format 3\0".utf8) {
            throw .notADatabase(path: path, sqliteMessage: "file is not a database")
        }
    }

    /// Looks at an existing file on a read-only connection: another program's database, or one
    /// from a newer Rehearse, is refused here, before a read-write connection could switch its
    /// journal mode or touch its header.
    private static func probe(path: String, access: Access) throws(HistoryError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: readOnlyLocation(path), configuration: config)
            defer { try? queue.close() }
            try refuseForeign(queue, path: path)
            if try queue.read(migrator.hasBeenSuperseded) { throw HistoryError.newerSchema(path: path) }
        } catch {
            throw historyError(error, path: path)
        }
    }

    /// Where SQLite reads `path` from without writing: the file itself, or, when its folder is
    /// read-only and SQLite could not create the WAL index beside it, the file as an immutable
    /// URI (Debian's SQLite accepts URIs).
    static func readOnlyLocation(_ path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if PrivateFiles.isWritableFolder(folder) || FileManager.default.fileExists(atPath: path + "-shm") { return path }
        return URL(fileURLWithPath: path).absoluteString + "?immutable=1"
    }

    /// A new history file is created 0600 before SQLite opens it; SQLite gives its WAL and
    /// shared-memory files the same mode. An existing one is tightened.
    private static func createPrivately(path: String) throws(HistoryError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, PrivateFiles.fileMode)
        if fd >= 0 {
            _ = fchmod(fd, PrivateFiles.fileMode)
            close(fd)
        } else if errno != EEXIST {
            throw .cannotOpen(path: path, sqliteMessage: Errno.text(errno))
        }
        for suffix in ["", "-wal", "-shm"] { PrivateFiles.tightenFile(path + suffix) }
    }

    /// Switching a new file to WAL needs a moment alone with it, and SQLite reports BUSY
    /// at once rather than waiting; a second process creating the history meanwhile retries.
    private static func openPool(path: String, configuration: Configuration) throws(HistoryError) -> DatabasePool {
        var delay: useconds_t = 5_000
        for attempt in 1... {
            do { return try DatabasePool(path: path, configuration: configuration) }
            catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 40 {
                usleep(delay)
                delay = min(delay * 2, 100_000)
            } catch {
                throw historyError(error, path: path)
            }
        }
        fatalError("unreachable")
    }

    /// A database with tables but without our application id was made by someone else. The
    /// migrations table alone is a history another process is creating right now.
    private static func refuseForeign(_ writer: any DatabaseReader, path: String) throws {
        let (applicationID, tables) = try writer.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """) ?? 0)
        }
        if applicationID != Self.applicationID && (applicationID != 0 || tables > 0) {
            throw HistoryError.foreignDatabase(path: path)
        }
    }

    /// Two processes opening a new history at once can both see it unmigrated; the loser's
    /// migration then fails, and trying again finds the work done.
    private static func migrate(_ writer: any DatabaseWriter) throws {
        for attempt in 1... {
            do { return try migrator.migrate(writer) }
            catch is DatabaseError where attempt < 3 {
                if try writer.read(migrator.hasCompletedMigrations) { return }
            }
        }
    }
}
