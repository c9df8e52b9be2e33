import Foundation
import GRDB
import Testing
import TestSupport
@testable import History

/// Issue 23 #5: a database Rehearse does not own is only read, never changed, before it is
/// refused. Compared byte for byte, not by its table list.
@Suite struct ForeignFileTests {
    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func anotherProgramsDatabaseKeepsEveryByte() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        // A rollback-journal database, as most programs leave theirs.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.com')")
        }
        let before = try bytes(path)
        #expect(throws: HistoryError.foreignDatabase(path: path)) { try AppDatabase(path: path) }
        #expect(try bytes(path) == before, "the header or pages changed (journal mode switched to WAL?)")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aNewerRehearsesDatabaseKeepsEveryByte() throws {
        let dir = try TemporaryDirectory()
        let made = dir.path("made.sqlite")
        let path = dir.path("rehearse.sqlite")
        do {
            let database = try AppDatabase(path: made)
            try database.save(Attempt(report: Samples.report()))
            try database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
                // A backup made with VACUUM INTO is in rollback-journal mode, as a copy from
                // another machine may well be.
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        }
        let before = try bytes(path)
        #expect(throws: HistoryError.newerSchema(path: path)) { try AppDatabase(path: path) }
        #expect(try bytes(path) == before)
    }

    @Test func readOnlyAccessReadsAHistoryWithoutWritingIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        do {
            let database = try AppDatabase(path: path)
            try database.save(Attempt(report: Samples.report()))
        }
        let before = try bytes(path)
        let reader = try AppDatabase(path: path, access: .readOnly)
        #expect(try reader.count() == 1)
        #expect(throws: (any Error).self) { try reader.save(Attempt(report: Samples.report())) }
        #expect(try bytes(path) == before)
    }
}

/// Issue 23 #6: the history and the takes come from one resolver, whatever HOME and
/// XDG_DATA_HOME say.
@Suite struct DataFolderTests {
    static let environments: [[String: String]] = [
        ["HOME": ""], [:], ["HOME": "relative/home"], ["XDG_DATA_HOME": "relative", "HOME": "/home/a"],
        ["XDG_DATA_HOME": "", "HOME": "/home/a"], ["XDG_DATA_HOME": "/scratch/data"],
    ]

    @Test(arguments: environments)
    func theDatabaseAndTheTakesShareOneAbsoluteFolder(environment: [String: String]) throws {
        let folder = try DataFolder.resolve(environment: environment)
        #expect(folder.url.path.hasPrefix("/"), "\(folder.url.path) is relative: it would follow the current folder")
        #expect(URL(fileURLWithPath: try AppDatabase.defaultPath(environment: environment)).deletingLastPathComponent() == folder.url)
        #expect(folder.takesDirectory.deletingLastPathComponent() == folder.url)
        if environment["XDG_DATA_HOME"] == "/scratch/data" {
            #expect(folder.url.path == "/scratch/data/rehearse")
        } else if environment["HOME"] == "/home/a" {
            #expect(folder.url.path == "/home/a/.local/share/rehearse", "a relative XDG_DATA_HOME is ignored")
        } else {
            let home = String(cString: getpwuid(getuid())!.pointee.pw_dir)
            #expect(folder.url.path == home + "/.local/share/rehearse", "an empty, unset or relative HOME uses the password database")
        }
    }

    @Test func aWideExistingFolderIsTightenedWithANote() throws {
        let dir = try TemporaryDirectory()
        let folder = dir.url.appendingPathComponent("rehearse")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o755)
        let note = try PrivateFiles.prepareFolder(folder)
        #expect(note?.contains("700") == true)
        #expect(try mode(folder.path) == 0o700)
        #expect(try PrivateFiles.prepareFolder(folder) == nil, "no note when nothing changed")
    }

    @Test func aFileOrADanglingLinkWhereTheFolderShouldBeIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let file = dir.url.appendingPathComponent("takes-file")
        try Data("x".utf8).write(to: file)
        #expect { try PrivateFiles.prepareFolder(file) } throws: { "\($0)".contains("a file, not a folder") }
        let link = dir.url.appendingPathComponent("takes-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: dir.path("gone"))
        #expect { try PrivateFiles.prepareFolder(link) } throws: { "\($0)".contains("not there") }
    }
}

func mode(_ path: String) throws -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
    return info.st_mode & 0o777
}
