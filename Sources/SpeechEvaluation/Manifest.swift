import Foundation

/// What `scripts/synth-asr-corpus.sh` wrote: one entry per rendered recording, with the text
/// it was made from and where the inserted pauses are.
public struct EvaluationManifest: Codable, Sendable {
    public var version: Int
    public var answers: String?
    public var recordings: [Recording]

    public struct Recording: Codable, Sendable, Hashable {
        public var id: String
        public var voice: String
        public var condition: String
        /// Relative to the manifest's folder.
        public var path: String
        /// The answer as spoken, pause markers removed.
        public var reference: String
        /// True filler count written with the answer.
        public var fillers: Int
        public var pauses: [Pause]
        /// First and last spoken sample, in seconds.
        public var speechStart: Double
        public var speechEnd: Double
        public var duration: Double
        public var snr: Double?

        /// One rendering: answer, voice and condition (`RecordingScore.key` is the same).
        public var key: String { "\(id) \(voice) \(condition)" }
    }

    public struct Pause: Codable, Sendable, Hashable {
        public var start: Double
        public var seconds: Double
        public var end: Double { start + seconds }
    }

    public static func load(_ url: URL) throws -> EvaluationManifest {
        try JSONDecoder().decode(EvaluationManifest.self, from: Data(contentsOf: url))
    }
}
