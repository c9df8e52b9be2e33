import Analysis
import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports

/// The history the commands read and write: `rehearse.sqlite` in the data folder
/// (`$XDG_DATA_HOME/rehearse`, see `DataFolder`).
enum HistoryStore {
    /// For commands that save: the data folder is created or tightened to 0700 (with a note when
    /// it was wider), the database created 0600.
    static func openForWriting() throws -> any AttemptStoring {
        let folder = try DataFolder.resolve()
        // A new folder is created private; an existing one is tightened once the history in it
        // has opened, so a refused database gets its one line of error and nothing else.
        let existed = FileManager.default.fileExists(atPath: folder.url.path)
        if !existed { try PrivateFiles.prepareFolder(folder.url) }
        let database = try AppDatabase(path: folder.databasePath)
        if existed, let note = try PrivateFiles.prepareFolder(folder.url) { StandardError.line("rehearse: note: \(note)") }
        return database
    }

    /// For commands that only read: no database is created where there is none (an empty
    /// history is shown instead), and a folder the user cannot write is read without writing.
    static func openForReading() throws -> any AttemptStoring {
        let folder = try DataFolder.resolve()
        let path = folder.databasePath
        guard FileManager.default.fileExists(atPath: path) else { return try AppDatabase.inMemory() }
        guard PrivateFiles.isWritableFolder(folder.url.path), access(path, W_OK) == 0 else {
            return try AppDatabase(path: path, access: .readOnly)
        }
        let database = try AppDatabase(path: path)
        if let note = try PrivateFiles.prepareFolder(folder.url) { StandardError.line("rehearse: note: \(note)") }
        return database
    }
}

/// An attempt named on the command line: its id, or `latest`.
enum AttemptReference: ExpressibleByArgument, CustomStringConvertible {
    case id(Int64)
    case latest

    init?(argument: String) {
        if argument.lowercased() == "latest" { self = .latest; return }
        guard let id = Int64(argument.trimmingCharacters(in: CharacterSet(charactersIn: "#"))), id > 0 else { return nil }
        self = .id(id)
    }

    var description: String {
        switch self {
        case .id(let id): return String(id)
        case .latest: return "latest"
        }
    }

    func load(from store: any AttemptStoring) throws -> Attempt {
        switch self {
        case .id(let id): return try store.attempt(id: id)
        case .latest: return try store.latestAttempt()
        }
    }
}

extension JSONOutput {
    /// History JSON: ISO 8601 times, keys sorted, so scripts can diff runs.
    static func historyString<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Saves scored reports to the history and says where they went.
struct AttemptRecorder {
    var store: any AttemptStoring
    var question: Question?

    func save(_ reports: [AnswerReport]) throws {
        let ids = try reports.map { try store.save(Attempt(report: $0, question: question)).id ?? 0 }
        guard let first = ids.first, let last = ids.last else { return }
        StandardError.print(ids.count == 1 ? "saved as attempt \(first) — `rehearse report \(first)` shows it again"
                            : "saved \(ids.count) attempts (\(first)–\(last)) — see `rehearse history`")
    }
}
