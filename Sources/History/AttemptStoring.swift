/// Where scored attempts are kept. The CLI and the practice loop talk to this, so tests can
/// hand them an in-memory store.
public protocol AttemptStoring: Sendable {
    /// Saves `attempt` and returns it with its new id.
    @discardableResult
    func save(_ attempt: Attempt) throws -> Attempt
    /// Throws `HistoryError.attemptNotFound` for an unknown id.
    func attempt(id: Int64) throws -> Attempt
    /// Throws `HistoryError.noAttempts` when nothing is saved yet.
    func latestAttempt() throws -> Attempt
    /// Newest first; all of them when `limit` is nil.
    func recentSummaries(limit: Int?) throws -> [AttemptSummary]
    /// Oldest first, for trends; nil filters match everything.
    func summaries(topic: String?, role: String?) throws -> [AttemptSummary]
    /// Every attempt with its report, oldest first.
    func allAttempts() throws -> [Attempt]
    func count() throws -> Int
}
