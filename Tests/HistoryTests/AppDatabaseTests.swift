import Analysis
import Foundation
import GRDB
import Testing
import TestSupport
@testable import History

@Suite struct AppDatabaseTests {
    @Test func sampleAnswerHasEveryPartFillersAndALongPause() {
        let report = Samples.report()
        #expect(report.structure.presentCount == 4)
        #expect(report.fillers.count >= 2)
        #expect(report.pacing.longPauseCount == 1)
        #expect(report.pacing.wordsPerMinute != nil)
    }

    @Test func migratesAnEmptyDatabase() throws {
        let dir = try TemporaryDirectory()
        let database = try AppDatabase(path: dir.path("new/rehearse.sqlite"))
        let (applied, columns, reportColumns, mode, appID) = try database.writer.read { db in
            (try AppDatabase.migrator.appliedIdentifiers(db),
             try db.columns(in: "attempt").map(\.name),
             try db.columns(in: "attemptReport").map(\.name),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(applied == ["v1-attempts", "v2-reports-apart"])
        #expect(mode == "wal")
        #expect(appID == AppDatabase.applicationID)
        for name in ["id", "createdAt", "questionId", "recordingPath", "durationSeconds", "wordsPerMinute",
                     "fillersPerMinute", "fillersPer100Words", "longPauseCount", "partsPresent", "hasContext",
                     "score", "topic", "role"] {
            #expect(columns.contains(name), "missing column \(name)")
        }
        #expect(reportColumns == ["attemptId", "transcriptWords", "reportJSON"])
        #expect(try database.count() == 0)
    }

    @Test func reopeningAnExistingDatabaseKeepsItsAttempts() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        let first = try AppDatabase(path: path)
        let saved = try first.save(Attempt(report: Samples.report()))
        let again = try AppDatabase(path: path)
        #expect(try again.count() == 1)
        #expect(try again.attempt(id: saved.id!).report == saved.report)
        let applied = try again.writer.read(AppDatabase.migrator.appliedIdentifiers)
        #expect(applied == ["v1-attempts", "v2-reports-apart"])
    }

    /// A history written by the first schema (reports inline) upgrades with nothing lost.
    @Test func upgradesAVersionOneDatabaseWithItsAttempts() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("rehearse.sqlite")
        let reports = [Samples.report(question: Samples.question), AnswerAnalyzer().analyze(text: Samples.answerText)]
        do {
            let queue = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(queue, upTo: "v1-attempts")
            try queue.write { db in
                for (i, report) in reports.enumerated() {
                    let a = Attempt(report: report, question: i == 0 ? Samples.question : nil,
                                    createdAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(i)))
                    try db.execute(sql: """
                        INSERT INTO attempt (createdAt, questionId, topic, role, recordingPath, durationSeconds,
                          wordsPerMinute, fillersPerMinute, fillersPer100Words, fillerCount, longPauseCount, wordCount,
                          partsPresent, hasContext, hasChoice, hasTradeoff, hasResult, score, transcriptWords, reportJSON)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [a.createdAt, a.questionId, a.topic, a.role, a.recordingPath, a.durationSeconds,
                                         a.wordsPerMinute, a.fillersPerMinute, a.fillersPer100Words, a.fillerCount,
                                         a.longPauseCount, a.wordCount, a.parts.count, a.parts.context, a.parts.choice,
                                         a.parts.tradeoff, a.parts.result, a.score,
                                         String(decoding: try StoredJSON.encoder.encode(a.words), as: UTF8.self),
                                         String(decoding: try StoredJSON.encoder.encode(a.report), as: UTF8.self)])
                }
            }
        }
        let database = try AppDatabase(path: path)
        let applied = try database.writer.read(AppDatabase.migrator.appliedIdentifiers)
        #expect(applied == ["v1-attempts", "v2-reports-apart"])
        let loaded = try database.allAttempts()
        #expect(loaded.map(\.id) == [1, 2])
        #expect(loaded.map(\.report) == reports)
        #expect(loaded[0].topic == "dynamodb")
        #expect(try !database.writer.read { try $0.columns(in: "attempt") }.contains { $0.name == "reportJSON" })
        // Ids carry on after the old ones.
        #expect(try database.save(Attempt(report: reports[1])).id == 3)
        let integrity = try database.writer.read { try String.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(integrity.isEmpty)
    }

    @Test func saveThenLoadGivesBackTheSameReport() throws {
        let database = try AppDatabase.inMemory()
        let report = Samples.report(question: Samples.question)
        let created = Date(timeIntervalSince1970: 1_790_000_000.125)
        let saved = try database.save(Attempt(report: report, question: Samples.question, createdAt: created))
        let loaded = try database.attempt(id: try #require(saved.id))
        #expect(loaded.report == report)
        #expect(loaded == saved)
        #expect(loaded.createdAt == created)
        #expect(loaded.topic == "dynamodb")
        #expect(loaded.role == "mid")
        #expect(loaded.questionId == "dynamodb-mid-choice")
        #expect(loaded.words == report.transcript.words)
        #expect(loaded.words.contains { $0.start != nil && $0.end != nil })
        #expect(loaded.parts.count == 4)
        #expect(loaded.longPauseCount == 1)
        #expect(loaded.wordsPerMinute == report.pacing.wordsPerMinute)
        #expect(loaded.fillersPer100Words == report.fillers.per100Words)
        #expect(loaded.recordingPath == "/tmp/rehearse-missing-recording.wav")
    }

    @Test func typedAnswerSavesWithoutTimesOrQuestion() throws {
        let database = try AppDatabase.inMemory()
        let report = AnswerAnalyzer().analyze(text: Samples.answerText)
        let saved = try database.save(Attempt(report: report))
        let loaded = try database.latestAttempt()
        #expect(loaded.id == saved.id)
        #expect(loaded.report == report)
        #expect(loaded.recordingPath == nil && loaded.wordsPerMinute == nil && loaded.topic == nil)
    }

    @Test func listsNewestFirstAndFiltersByTopicAndRole() throws {
        let database = try AppDatabase.inMemory()
        let base = Date(timeIntervalSince1970: 1_790_000_000)
        var lambda = Samples.question
        lambda.topic = "lambda"; lambda.role = Question.Role.senior
        for i in 0..<6 {
            let question = i.isMultiple(of: 2) ? Samples.question : lambda
            try database.save(Attempt(report: Samples.report(question: question), question: question,
                                      createdAt: base.addingTimeInterval(Double(i) * 60)))
        }
        let recent = try database.recentSummaries(limit: 4)
        #expect(recent.map(\.id) == [6, 5, 4, 3])
        #expect(try database.summaries(topic: "lambda", role: nil).map(\.id) == [2, 4, 6])
        #expect(try database.summaries(topic: nil, role: "mid").map(\.id) == [1, 3, 5])
        #expect(try database.summaries(topic: "lambda", role: "mid").isEmpty)
        #expect(throws: HistoryError.attemptNotFound(id: 99)) { try database.attempt(id: 99) }
    }

    @Test func emptyHistoryHasNoLatestAttempt() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: HistoryError.noAttempts) { try database.latestAttempt() }
    }

    @Test func honoursXDGDataHome() throws {
        #expect(try AppDatabase.defaultPath(environment: ["XDG_DATA_HOME": "/scratch/data", "HOME": "/home/a"])
                == "/scratch/data/rehearse/rehearse.sqlite")
        #expect(try AppDatabase.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/rehearse/rehearse.sqlite")
        // XDG says relative values are invalid and must be ignored.
        #expect(try AppDatabase.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"])
                == "/home/a/.local/share/rehearse/rehearse.sqlite")
    }
}
