import Foundation

/// Everything that can go wrong with the attempt history. Each case names the database file
/// (or the attempt) so the CLI can print one line a user can act on.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not an SQLite database, or SQLite found it damaged.
    case notADatabase(path: String, sqliteMessage: String)
    /// A valid SQLite database that some other program made.
    case foreignDatabase(path: String)
    /// Made by a newer Rehearse: it has migrations this build does not know.
    case newerSchema(path: String)
    case cannotOpen(path: String, sqliteMessage: String)
    case sqliteFailed(path: String, sqliteMessage: String)
    case attemptNotFound(id: Int64)
    case noAttempts
    case unreadableReport(id: Int64, reason: String)
    /// Neither XDG_DATA_HOME nor HOME nor the password database names a home folder.
    case noDataFolder
    /// The data folder or `takes/` is a file, a dangling link, or cannot be created.
    case unusableFolder(path: String, reason: String)
    /// Opened read-only (the folder is not writable) but made by an older Rehearse: bringing it
    /// up to date needs write access.
    case needsUpgrade(path: String)

    public var description: String {
        switch self {
        case .notADatabase(let p, let m):
            return "\(p): not a readable Rehearse history (SQLite: \(m)); move the file aside to start a new history, or point XDG_DATA_HOME elsewhere"
        case .foreignDatabase(let p):
            return "\(p): this SQLite database belongs to another program; Rehearse will not write into it — move it aside or point XDG_DATA_HOME elsewhere"
        case .newerSchema(let p):
            return "\(p): made by a newer version of Rehearse; upgrade Rehearse to read it"
        case .cannotOpen(let p, let m):
            return "\(p): cannot open the history database (SQLite: \(m)); check the folder exists and is writable"
        case .sqliteFailed(let p, let m):
            return "\(p): the history database failed (SQLite: \(m))"
        case .attemptNotFound(let id):
            return "no attempt with id \(id) — list them with `rehearse history`"
        case .noAttempts:
            return "no attempts saved yet — score a recording with `rehearse score FILE`"
        case .unreadableReport(let id, let reason):
            return "attempt \(id): the stored report cannot be read (\(reason))"
        case .noDataFolder:
            return "cannot tell where to keep your history: HOME is empty or unset and the system names no home folder; set XDG_DATA_HOME to an absolute path"
        case .unusableFolder(let p, let reason):
            return "\(p): cannot keep your data here: \(reason); move it aside or point XDG_DATA_HOME elsewhere"
        case .needsUpgrade(let p):
            return "\(p): made by an older Rehearse and must be brought up to date, but its folder is read-only; run Rehearse once where it can write"
        }
    }
}
