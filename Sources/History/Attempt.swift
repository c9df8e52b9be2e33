import Analysis
import Foundation

/// One scored answer as kept in the history: the figures people sort and chart by (its
/// `AttemptSummary`, read through as `attempt.score`, `attempt.topic` …), the timed transcript,
/// and the whole report so it can be rendered again later.
@dynamicMemberLookup
public struct Attempt: Sendable, Hashable, Identifiable {
    /// Nil until saved.
    public var id: Int64? { didSet { figures.id = id ?? 0 } }
    /// The listed figures; their `id` follows `id` (0 until saved).
    private var figures: AttemptSummary
    public var words: [AnswerReport.TranscriptWord]
    public var report: AnswerReport

    public subscript<T>(dynamicMember field: WritableKeyPath<AttemptSummary, T>) -> T {
        get { figures[keyPath: field] }
        set { figures[keyPath: field] = newValue }
    }

    /// Which of the four parts an answer showed.
    public struct PartsPresent: Codable, Sendable, Hashable {
        public var context: Bool
        public var choice: Bool
        public var tradeoff: Bool
        public var result: Bool

        public init(context: Bool, choice: Bool, tradeoff: Bool, result: Bool) {
            self.context = context; self.choice = choice; self.tradeoff = tradeoff; self.result = result
        }

        public init(_ structure: AnswerReport.Structure) {
            self.init(context: structure.context.present, choice: structure.choice.present,
                      tradeoff: structure.tradeoff.present, result: structure.result.present)
        }

        public subscript(part: AnswerPart) -> Bool {
            switch part {
            case .context: return context
            case .choice: return choice
            case .tradeoff: return tradeoff
            case .result: return result
            }
        }

        public var count: Int { AnswerPart.allCases.filter { self[$0] }.count }
    }

    /// An unsaved attempt from a report. `question` supplies topic and role when known.
    public init(report: AnswerReport, question: Question? = nil, createdAt: Date = Date()) {
        self.init(id: nil, figures: AttemptSummary(
            id: 0, createdAt: createdAt, questionId: (report.question?.id ?? question?.id).map { report.followUpOf == nil ? $0 : $0 + "-follow-up" },
            topic: question?.topic, role: question?.role.rawValue,
            recordingPath: report.source.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path },
            durationSeconds: report.source?.durationSeconds, wordsPerMinute: report.pacing.wordsPerMinute,
            fillersPerMinute: report.fillers.perMinute, fillersPer100Words: report.fillers.per100Words,
            fillerCount: report.fillers.count, longPauseCount: report.pacing.longPauseCount,
            wordCount: report.pacing.wordCount, parts: PartsPresent(report.structure), score: report.score.overall),
            words: report.transcript.words, report: report)
    }

    /// A saved attempt: its stored figures as they were listed, with its transcript and report.
    init(saved summary: AttemptSummary, words: [AnswerReport.TranscriptWord], report: AnswerReport) {
        self.init(id: summary.id, figures: summary, words: words, report: report)
    }

    private init(id: Int64?, figures: AttemptSummary, words: [AnswerReport.TranscriptWord], report: AnswerReport) {
        self.id = id
        self.figures = figures
        self.words = words
        self.report = report
    }

    public var summary: AttemptSummary { figures }
}

/// An attempt without its transcript and report: what lists, trends and exports need, cheap
/// to load by the thousand. Its JSON field names are the `history --json` contract.
public struct AttemptSummary: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    public var createdAt: Date
    public var questionId: String?
    public var topic: String?
    public var role: String?
    public var recordingPath: String?
    public var durationSeconds: Double?
    public var wordsPerMinute: Double?
    public var fillersPerMinute: Double?
    public var fillersPer100Words: Double
    public var fillerCount: Int
    public var longPauseCount: Int
    public var wordCount: Int
    public var parts: Attempt.PartsPresent
    public var score: Int

    public var partsPresent: Int { parts.count }

    enum CodingKeys: String, CodingKey {
        case id, createdAt, questionId, topic, role, recordingPath, durationSeconds, wordsPerMinute,
             fillersPerMinute, fillersPer100Words, fillerCount, longPauseCount, wordCount, partsPresent, parts, score
    }

    public init(id: Int64, createdAt: Date, questionId: String?, topic: String?, role: String?, recordingPath: String?,
                durationSeconds: Double?, wordsPerMinute: Double?, fillersPerMinute: Double?, fillersPer100Words: Double,
                fillerCount: Int, longPauseCount: Int, wordCount: Int, parts: Attempt.PartsPresent, score: Int) {
        self.id = id; self.createdAt = createdAt; self.questionId = questionId; self.topic = topic; self.role = role
        self.recordingPath = recordingPath; self.durationSeconds = durationSeconds; self.wordsPerMinute = wordsPerMinute
        self.fillersPerMinute = fillersPerMinute; self.fillersPer100Words = fillersPer100Words
        self.fillerCount = fillerCount; self.longPauseCount = longPauseCount; self.wordCount = wordCount
        self.parts = parts; self.score = score
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), createdAt: try c.decode(Date.self, forKey: .createdAt),
                  questionId: try c.decodeIfPresent(String.self, forKey: .questionId),
                  topic: try c.decodeIfPresent(String.self, forKey: .topic),
                  role: try c.decodeIfPresent(String.self, forKey: .role),
                  recordingPath: try c.decodeIfPresent(String.self, forKey: .recordingPath),
                  durationSeconds: try c.decodeIfPresent(Double.self, forKey: .durationSeconds),
                  wordsPerMinute: try c.decodeIfPresent(Double.self, forKey: .wordsPerMinute),
                  fillersPerMinute: try c.decodeIfPresent(Double.self, forKey: .fillersPerMinute),
                  fillersPer100Words: try c.decode(Double.self, forKey: .fillersPer100Words),
                  fillerCount: try c.decode(Int.self, forKey: .fillerCount),
                  longPauseCount: try c.decode(Int.self, forKey: .longPauseCount),
                  wordCount: try c.decode(Int.self, forKey: .wordCount),
                  parts: try c.decode(Attempt.PartsPresent.self, forKey: .parts),
                  score: try c.decode(Int.self, forKey: .score))
    }

    /// Optional values encode as null so scripts see every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(createdAt, forKey: .createdAt)
        try c.encode(questionId, forKey: .questionId); try c.encode(topic, forKey: .topic)
        try c.encode(role, forKey: .role); try c.encode(recordingPath, forKey: .recordingPath)
        try c.encode(durationSeconds, forKey: .durationSeconds); try c.encode(wordsPerMinute, forKey: .wordsPerMinute)
        try c.encode(fillersPerMinute, forKey: .fillersPerMinute)
        try c.encode(fillersPer100Words, forKey: .fillersPer100Words)
        try c.encode(fillerCount, forKey: .fillerCount); try c.encode(longPauseCount, forKey: .longPauseCount)
        try c.encode(wordCount, forKey: .wordCount); try c.encode(partsPresent, forKey: .partsPresent)
        try c.encode(parts, forKey: .parts); try c.encode(score, forKey: .score)
    }
}
