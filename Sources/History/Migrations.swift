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
        return migrator
    }
}
