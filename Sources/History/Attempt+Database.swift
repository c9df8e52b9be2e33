import Analysis
import Foundation
import GRDB

extension Attempt: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attempt"

    public enum Columns {
        public static let id = Column("id")
        public static let createdAt = Column("createdAt")
        public static let questionId = Column("questionId")
        public static let topic = Column("topic")
        public static let role = Column("role")
        public static let recordingPath = Column("recordingPath")
        public static let durationSeconds = Column("durationSeconds")
        public static let wordsPerMinute = Column("wordsPerMinute")
        public static let fillersPerMinute = Column("fillersPerMinute")
        public static let fillersPer100Words = Column("fillersPer100Words")
        public static let fillerCount = Column("fillerCount")
        public static let longPauseCount = Column("longPauseCount")
        public static let wordCount = Column("wordCount")
        public static let partsPresent = Column("partsPresent")
        public static let hasContext = Column("hasContext")
        public static let hasChoice = Column("hasChoice")
        public static let hasTradeoff = Column("hasTradeoff")
        public static let hasResult = Column("hasResult")
        public static let score = Column("score")
    }

    /// The timed words and the report, kept apart so listing attempts reads only figures.
    static let details = hasOne(AttemptReportRow.self, key: "details", using: ForeignKey(["attemptId"]))

    /// Attempts with their reports, ready to decode.
    static func withDetails() -> QueryInterfaceRequest<Attempt> { Attempt.including(required: details) }

    public init(row: Row) throws {
        let summary = try AttemptSummary(row: row)
        let id = summary.id
        guard let details = row.scopes["details"] else {
            throw HistoryError.unreadableReport(id: id, reason: "fetched without its report")
        }
        typealias R = AttemptReportRow.Columns
        let words: [AnswerReport.TranscriptWord]
        let report: AnswerReport
        do {
            words = try StoredJSON.decoder.decode([AnswerReport.TranscriptWord].self,
                                                  from: Data((details[R.transcriptWords] as String).utf8))
            report = try StoredJSON.decoder.decode(AnswerReport.self, from: Data((details[R.reportJSON] as String).utf8))
        } catch {
            throw HistoryError.unreadableReport(id: id, reason: "\(error)")
        }
        // The stored figures win over recomputing them, so what `history` listed is what loads.
        self.init(saved: summary, words: words, report: report)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let s = summary
        container[Columns.id] = id
        container[Columns.createdAt] = s.createdAt
        container[Columns.questionId] = s.questionId
        container[Columns.topic] = s.topic
        container[Columns.role] = s.role
        container[Columns.recordingPath] = s.recordingPath
        container[Columns.durationSeconds] = s.durationSeconds
        container[Columns.wordsPerMinute] = s.wordsPerMinute
        container[Columns.fillersPerMinute] = s.fillersPerMinute
        container[Columns.fillersPer100Words] = s.fillersPer100Words
        container[Columns.fillerCount] = s.fillerCount
        container[Columns.longPauseCount] = s.longPauseCount
        container[Columns.wordCount] = s.wordCount
        container[Columns.partsPresent] = s.parts.count
        container[Columns.hasContext] = s.parts.context
        container[Columns.hasChoice] = s.parts.choice
        container[Columns.hasTradeoff] = s.parts.tradeoff
        container[Columns.hasResult] = s.parts.result
        container[Columns.score] = s.score
    }

    /// An attempt and its report are saved together, in the caller's transaction.
    public func aroundInsert(_ db: Database, insert: () throws -> InsertionSuccess) throws {
        let inserted = try insert()
        try AttemptReportRow(attemptId: inserted.rowID,
                             transcriptWords: String(decoding: try StoredJSON.encoder.encode(words), as: UTF8.self),
                             reportJSON: String(decoding: try StoredJSON.encoder.encode(report), as: UTF8.self))
            .insert(db)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension AttemptSummary: FetchableRecord, TableRecord {
    public static let databaseTableName = Attempt.databaseTableName

    /// Everything but the transcript and the report, which are most of an attempt's bytes.
    public static var databaseSelection: [any SQLSelectable] {
        typealias C = Attempt.Columns
        return [C.id, C.createdAt, C.questionId, C.topic, C.role, C.recordingPath, C.durationSeconds,
                C.wordsPerMinute, C.fillersPerMinute, C.fillersPer100Words, C.fillerCount, C.longPauseCount,
                C.wordCount, C.hasContext, C.hasChoice, C.hasTradeoff, C.hasResult, C.score]
    }

    public init(row: Row) throws {
        typealias C = Attempt.Columns
        self.init(id: row[C.id], createdAt: row[C.createdAt], questionId: row[C.questionId], topic: row[C.topic],
                  role: row[C.role], recordingPath: row[C.recordingPath], durationSeconds: row[C.durationSeconds],
                  wordsPerMinute: row[C.wordsPerMinute], fillersPerMinute: row[C.fillersPerMinute],
                  fillersPer100Words: row[C.fillersPer100Words], fillerCount: row[C.fillerCount],
                  longPauseCount: row[C.longPauseCount], wordCount: row[C.wordCount],
                  parts: .init(context: row[C.hasContext], choice: row[C.hasChoice], tradeoff: row[C.hasTradeoff],
                               result: row[C.hasResult]),
                  score: row[C.score])
    }
}

/// One attempt's timed words and report, as stored JSON.
struct AttemptReportRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attemptReport"
    var attemptId: Int64
    /// JSON array of the transcript's words with their times.
    var transcriptWords: String
    /// The whole report as `score --json` prints it.
    var reportJSON: String

    enum Columns {
        static let attemptId = Column(CodingKeys.attemptId)
        static let transcriptWords = Column(CodingKeys.transcriptWords)
        static let reportJSON = Column(CodingKeys.reportJSON)
    }
}

/// How reports and words are written into the database: stable key order, so the same report
/// always stores the same text.
enum StoredJSON {
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
    static var decoder: JSONDecoder { JSONDecoder() }
}
