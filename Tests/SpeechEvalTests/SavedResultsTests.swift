import Analysis
import Foundation
import Testing
import TestSupport
@testable import SpeechEvaluation

/// `eval-asr --results` re-summarises an earlier run without decoding, and `--skip` leaves out
/// the first answers (the ones a setting was tuned on).
@Suite struct SavedResultsTests {
    @Test func skipSummarisesOnlyTheLaterAnswers() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ids = ["asr-001", "asr-002", "asr-003"]
        let manifest = EvaluationManifest(version: 1, answers: nil, recordings: ids.map {
            .init(id: $0, voice: "v", condition: "clean", path: "\($0).wav", reference: "we used s3", fillers: 0,
                  pauses: [], speechStart: 0, speechEnd: 1, duration: 1, snr: nil)
        })
        try JSONEncoder().encode(manifest).write(to: dir.appendingPathComponent("manifest.json"))
        // Answer n has 10·n reference words and n substitutions.
        let scores = ids.enumerated().map { n, id in
            var s = RecordingScore(id: id, voice: "v", condition: "clean")
            s.words.referenceWords = 10 * (n + 1)
            s.words.substitutions = n + 1
            s.audioSeconds = 10
            return s
        }
        let saved = Evaluation.Result(model: "m", modelLoadSeconds: 0.1, recordings: scores)
        struct Wrapper: Encodable { var result: Evaluation.Result }
        try JSONEncoder().encode(Wrapper(result: saved)).write(to: dir.appendingPathComponent("saved.json"))

        let run = try Fixtures.rehearse(["eval-asr", dir.appendingPathComponent("manifest.json").path,
                                         "--results", dir.appendingPathComponent("saved.json").path, "--skip", "1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        struct Output: Decodable {
            var summaries: [Row]
            struct Row: Decodable { var voice: String; var summary: ScoreSummary }
        }
        let out = try JSONDecoder().decode(Output.self, from: Data(run.stdout.utf8))
        let all = try #require(out.summaries.first { $0.voice == "all voices" }).summary
        #expect(all.recordings == 2)
        #expect(all.words.referenceWords == 50)
        #expect(all.words.substitutions == 5)
    }

    /// `--reanalyse` scores the stored words with the analyzer as it is now, keeps the run's
    /// times, and leaves alone what it cannot redo.
    @Test func reanalysedScoresStoredWordsAgain() throws {
        let recording = EvaluationManifest.Recording(
            id: "asr-001", voice: "v", condition: "clean", path: "asr-001.wav",
            reference: "so um we like ran a drill", fillers: 2, pauses: [], speechStart: 0, speechEnd: 3, duration: 4, snr: nil)
        let words = "so um we like ran a drill".split(separator: " ").enumerated().map { i, w in
            Word(String(w), start: Double(i) * 0.4, end: Double(i) * 0.4 + 0.3, confidence: 0.9)
        }
        let heard = AnswerAnalyzer().analyze(words: words).transcript.words
        // As an older analyzer scored it: one filler heard, and the run's own timings.
        var stored = RecordingScore(id: "asr-001", voice: "v", condition: "clean")
        stored.heardWords = heard
        stored.fillersHeard = 1
        stored.cpuSeconds = 0.7
        stored.audioSeconds = 4
        var failed = RecordingScore(id: "asr-002", voice: "v", condition: "clean")
        failed.error = "asr-002.wav: unreadable"
        let saved = Evaluation.Result(model: "m", modelLoadSeconds: 0.1, recordings: [stored, failed])

        let again = saved.reanalysed(manifest: [recording])
        let score = again.recordings[0]
        #expect(score.fillersReferenced == 2)
        #expect(score.fillersHeard == 2)
        #expect(score.fillersMatched == 2)
        #expect(score.words.referenceWords == 7 && score.words.substitutions == 0)
        #expect(score.cpuSeconds == 0.7 && score.audioSeconds == 4)
        #expect(again.recordings[1] == failed)
    }
}
