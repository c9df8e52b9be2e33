import Analysis
import Foundation
import Testing
import TestSupport

/// `rehearse eval-analyzer --transcripts`: scoring kept recognizer words instead of the text.
@Suite("rehearse eval-analyzer with kept transcripts", .serialized)
struct EvalAnalyzerCommandTests {
    /// A one-answer labelled set whose text makes no choice, while the kept transcript does:
    /// the count of choices found says which of the two was scored.
    private func labelledSet(in dir: URL) throws -> String {
        let answer: [String: Any] = ["id": "kept-1", "category": "strong", "role": "mid", "topic": "messaging",
                                     "text": "SQS is a message queue that lets you decouple services.",
                                     "labels": ["choice": true]]
        let path = dir.appendingPathComponent("answers.json").path
        try JSONSerialization.data(withJSONObject: [answer]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("scores the timed words kept in <id>.heard.json, not the written text")
    func scoresKeptWords() throws {
        let dir = Fixtures.tempDirectory()
        let set = try labelledSet(in: dir)
        let heard = dir.appendingPathComponent("heard")
        try FileManager.default.createDirectory(at: heard, withIntermediateDirectories: true)
        var t = 0.0
        let words = "we chose sqs rather than kinesis because ordering did not matter".split(separator: " ").map { w in
            defer { t += 0.4 }
            return ["text": String(w), "start": t, "end": t + 0.3, "confidence": 0.9] as [String: Any]
        }
        let json = try JSONSerialization.data(withJSONObject: ["recognizer": "test", "words": words])
        try json.write(to: heard.appendingPathComponent("kept-1.heard.json"))

        let run = try Fixtures.rehearse(["eval-analyzer", set, "--transcripts", heard.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let counts = try JSONDecoder().decode([String: LabelledEvaluation.Counts].self, from: Data(run.stdout.utf8))
        #expect(counts["choice"]?.truePositive == 1, "\(run.stdout)")

        let text = try Fixtures.rehearse(["eval-analyzer", set, "--json"])
        let textCounts = try JSONDecoder().decode([String: LabelledEvaluation.Counts].self, from: Data(text.stdout.utf8))
        #expect(textCounts["choice"]?.falseNegative == 1, "\(text.stdout)")
    }

    @Test("an empty transcripts folder is one clear error")
    func noTranscripts() throws {
        let dir = Fixtures.tempDirectory()
        let set = try labelledSet(in: dir)
        let run = try Fixtures.rehearse(["eval-analyzer", set, "--transcripts", dir.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains(dir.path) && run.stderr.contains("heard.json"), "\(run.stderr)")
    }

    @Test("the help says how to keep and reuse what the recognizer heard")
    func help() throws {
        let run = try Fixtures.rehearse(["eval-analyzer", "--help"])
        #expect(run.stdout.contains("--transcripts"))
        #expect(run.stdout.contains("heard.json"))
    }
}
