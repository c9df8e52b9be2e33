import Foundation
import GRDB

extension AppDatabase: AttemptStoring {
    @discardableResult
    public func save(_ attempt: Attempt) throws -> Attempt {
        var saved = attempt
        // SQLite keeps milliseconds; round now so the saved value equals the loaded one.
        saved.createdAt = Date(timeIntervalSince1970: (attempt.createdAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        return try perform {
            try writer.write { db in
                try saved.insert(db)
                return saved
            }
        }
    }

    public func attempt(id: Int64) throws -> Attempt {
        let found = try perform { try writer.read { try Attempt.withDetails().filter(key: id).fetchOne($0) } }
        guard let found else { throw HistoryError.attemptNotFound(id: id) }
        return found
    }

    public func latestAttempt() throws -> Attempt {
        let found = try perform {
            try writer.read { try Attempt.withDetails().order(Attempt.Columns.createdAt.desc, Attempt.Columns.id.desc).fetchOne($0) }
        }
        guard let found else { throw HistoryError.noAttempts }
        return found
    }

    public func recentSummaries(limit: Int?) throws -> [AttemptSummary] {
        try perform {
            try writer.read { db in
                var request = AttemptSummary.order(Attempt.Columns.createdAt.desc, Attempt.Columns.id.desc)
                if let limit { request = request.limit(limit) }
                return try request.fetchAll(db)
            }
        }
    }

    public func summaries(topic: String?, role: String?) throws -> [AttemptSummary] {
        try perform {
            try writer.read { db in
                var request = AttemptSummary.all()
                if let topic { request = request.filter(Attempt.Columns.topic == topic) }
                if let role { request = request.filter(Attempt.Columns.role == role) }
                return try request.order(Attempt.Columns.createdAt, Attempt.Columns.id).fetchAll(db)
            }
        }
    }

    public func allAttempts() throws -> [Attempt] {
        try perform {
            try writer.read { try Attempt.withDetails().order(Attempt.Columns.createdAt, Attempt.Columns.id).fetchAll($0) }
        }
    }

    public func count() throws -> Int {
        try perform { try writer.read { try Attempt.fetchCount($0) } }
    }
}
