import GRDB

extension AppDatabase {
    /// The schema's history. A migration that has shipped is never edited: change the schema
    /// by adding one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-attempts") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("createdAt", .datetime).notNull()
                t.column("questionId", .text)
                t.column("topic", .text)
                t.column("role", .text)
                t.column("recordingPath", .text)
                t.column("durationSeconds", .double)
                t.column("wordsPerMinute", .double)
                t.column("fillersPerMinute", .double)
                t.column("fillersPer100Words", .double).notNull()
                t.column("fillerCount", .integer).notNull()
                t.column("longPauseCount", .integer).notNull()
                t.column("wordCount", .integer).notNull()
                t.column("partsPresent", .integer).notNull()
                t.column("hasContext", .boolean).notNull()
                t.column("hasChoice", .boolean).notNull()
                t.column("hasTradeoff", .boolean).notNull()
                t.column("hasResult", .boolean).notNull()
                t.column("score", .integer).notNull()
                // The bulky columns go last so listing queries stop reading a row early.
                t.column("transcriptWords", .jsonText).notNull()
                t.column("reportJSON", .jsonText).notNull()
            }
        }
        migrator.registerMigration("v2-reports-apart") { db in
            // With reports inline, listing 10,000 attempts read ~4,000 pages of report text:
            // history and progress missed 200 ms. Reports move to a table of their own, and
            // the listing table is rebuilt compact (SQLite's 12-step table change).
            try db.create(table: "attemptReport") { t in
                t.primaryKey("attemptId", .integer).references("attempt", onDelete: .cascade)
                t.column("transcriptWords", .jsonText).notNull()
                t.column("reportJSON", .jsonText).notNull()
            }
            try db.execute(sql: """
                INSERT INTO attemptReport (attemptId, transcriptWords, reportJSON)
                SELECT id, transcriptWords, reportJSON FROM attempt
                """)
            try db.create(table: "new_attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("createdAt", .datetime).notNull()
                t.column("questionId", .text)
                t.column("topic", .text)
                t.column("role", .text)
                t.column("recordingPath", .text)
                t.column("durationSeconds", .double)
                t.column("wordsPerMinute", .double)
                t.column("fillersPerMinute", .double)
                t.column("fillersPer100Words", .double).notNull()
                t.column("fillerCount", .integer).notNull()
                t.column("longPauseCount", .integer).notNull()
                t.column("wordCount", .integer).notNull()
                t.column("partsPresent", .integer).notNull()
                t.column("hasContext", .boolean).notNull()
                t.column("hasChoice", .boolean).notNull()
                t.column("hasTradeoff", .boolean).notNull()
                t.column("hasResult", .boolean).notNull()
                t.column("score", .integer).notNull()
            }
            let columns = """
                id, createdAt, questionId, topic, role, recordingPath, durationSeconds, wordsPerMinute, fillersPerMinute,
                fillersPer100Words, fillerCount, longPauseCount, wordCount, partsPresent, hasContext, hasChoice,
                hasTradeoff, hasResult, score
                """
            try db.execute(sql: "INSERT INTO new_attempt (\(columns)) SELECT \(columns) FROM attempt")
            try db.drop(table: "attempt")
            try db.rename(table: "new_attempt", to: "attempt")
            try db.create(index: "attempt_on_createdAt", on: "attempt", columns: ["createdAt"])
            try db.create(index: "attempt_on_topic_createdAt", on: "attempt", columns: ["topic", "createdAt"])
            try db.create(index: "attempt_on_role_createdAt", on: "attempt", columns: ["role", "createdAt"])
        }
        return migrator
    }
}
