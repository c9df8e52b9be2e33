import Analysis
import Foundation
import GRDB
import Testing
import TestSupport
@testable import History

/// Real processes against one file: the guarantees WAL mode and the busy timeout are for.
@Suite struct ConcurrentWriterTests {
    @Test func twoProcessesSavingAtOnceBothSucceed() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("shared/rehearse.sqlite") // neither process finds the database made
        let go = dir.path("go")
        let a = try ChildProcess("HistoryStress", ["save", path, "150", go])
        let b = try ChildProcess("HistoryStress", ["save", path, "150", go])
        usleep(300_000) // both have opened (and raced to create) the database by now
        #expect(FileManager.default.createFile(atPath: go, contents: Data()))
        let ra = a.finish(), rb = b.finish()
        #expect(ra.status == 0, "\(ra.err)")
        #expect(rb.status == 0, "\(rb.err)")
        let idsA = ra.out.split(separator: "\n").compactMap { Int64($0) }
        let idsB = rb.out.split(separator: "\n").compactMap { Int64($0) }
        #expect(idsA.count == 150 && idsB.count == 150)
        #expect(Set(idsA).isDisjoint(with: idsB))
        let database = try AppDatabase(path: path)
        #expect(try database.count() == 300)
        #expect(try database.allAttempts().count == 300)
    }

    @Test func sigkillWhileSavingLeavesEarlierAttemptsIntact() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        let writer = try ChildProcess("HistoryStress", ["loop", path])
        // Read ids as they are announced; kill once a good number are committed.
        var announced: [Int64] = []
        var buffer = ""
        let handle = writer.stdout.fileHandleForReading
        while announced.count < 40 {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += String(decoding: chunk, as: UTF8.self)
            let lines = buffer.split(separator: "\n", omittingEmptySubsequences: false)
            buffer = String(lines.last ?? "")
            announced += lines.dropLast().compactMap { Int64($0) }
        }
        kill(writer.process.processIdentifier, SIGKILL)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        #expect(announced.count >= 40)

        let database = try AppDatabase(path: path)
        let integrity = try database.writer.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let stored = Set(try database.allAttempts().compactMap(\.id))
        #expect(Set(announced).isSubset(of: stored))
        let last = try #require(announced.last)
        #expect(try database.attempt(id: last).report == Samples.stressReport)
    }

    @Test func sigkillInsideTheSaveTransactionLosesOnlyThatAttempt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        let before = try ChildProcess.run("HistoryStress", ["save", path, "5"])
        #expect(before.status == 0, "\(before.err)")
        let dying = try ChildProcess.run("HistoryStress", ["die-mid-save", path])
        let uncommitted = Int64(dying.out.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(uncommitted == 6, "the child should have inserted row 6 before dying: \(dying.out) \(dying.err)")
        #expect(dying.status == SIGKILL)

        let database = try AppDatabase(path: path)
        #expect(try database.count() == 5)
        #expect(try database.allAttempts().map(\.id) == [1, 2, 3, 4, 5])
        #expect(throws: HistoryError.attemptNotFound(id: 6)) { try database.attempt(id: 6) }
        // And the history still takes new attempts.
        #expect(try database.save(Attempt(report: Samples.report())).id == 6)
    }
}

extension Samples {
    /// The report HistoryStress saves.
    static var stressReport: AnswerReport {
        AnswerAnalyzer().analyze(text: """
            Our API kept timing out at peak traffic, so we moved the hot reads to DynamoDB instead of RDS. \
            The trade-off is eventual consistency. Latency dropped from 800 to 120 milliseconds.
            """)
    }
}
