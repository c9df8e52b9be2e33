import Foundation
import GRDB
import Testing
import TestSupport
@testable import History

@Suite struct DamagedDatabaseTests {
    @Test func garbageFileGivesOneLineErrorNamingThePathAndIsLeftAlone() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try AppDatabase(path: path)
            Issue.record("opened a garbage file")
        } catch {
            guard case .notADatabase(let p, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(p == path)
            #expect(error.description.hasPrefix(path))
            #expect(!error.description.contains("\n"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func damagedPagesAfterAValidHeaderAreReportedWithThePath() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        do {
            let database = try AppDatabase(path: path)
            for _ in 0..<20 { try database.save(Attempt(report: Samples.report())) }
            _ = try database.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        // Keep SQLite's 100-byte header, overwrite the rest of the first pages.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xA5, count: 8000))
        try handle.close()
        #expect {
            let database = try AppDatabase(path: path)
            _ = try database.recentSummaries(limit: 10)
        } throws: { error in
            guard let error = error as? HistoryError, case .notADatabase(let p, _) = error else { return false }
            return p == path
        }
    }

    @Test func anotherProgramsDatabaseIsRefusedAndNotChanged() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE bookmarks (url TEXT)")
        }
        #expect(throws: HistoryError.foreignDatabase(path: path)) { try AppDatabase(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["bookmarks"])
    }

    @Test func aNewerSchemaIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        _ = try AppDatabase(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: HistoryError.newerSchema(path: path)) { try AppDatabase(path: path) }
    }

    @Test func aDirectoryAtThePathCannotBeOpened() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: HistoryError.cannotOpen(path: path, sqliteMessage: "is a directory")) { try AppDatabase(path: path) }
    }
}
