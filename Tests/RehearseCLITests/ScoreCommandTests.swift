import Analysis
import Foundation
import Testing
import TestSupport

/// `rehearse score` as a user runs it: the built binary, real files, exit codes and output.
@Suite("rehearse score", .serialized)
struct ScoreCommandTests {
    static let sample = Fixtures.repo.appendingPathComponent("Audio/strong-answer.wav").path

    private func report(_ run: Fixtures.Run) throws -> AnswerReport {
        try JSONDecoder().decode(AnswerReport.self, from: Data(run.stdout.utf8))
    }

    @Test("a recording: JSON report with source, timed words and structure")
    func recordingJSON() throws {
        let run = try Fixtures.rehearse(["score", Self.sample, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("INFO:") && !run.stderr.contains("ERROR:"), "PocketSphinx's log belongs in its file: \(run.stderr)")
        let r = try report(run)
        let source = try #require(r.source)
        #expect(source.path == Self.sample && source.sampleRate == 16_000 && source.channels == 1)
        #expect(abs(source.durationSeconds - 29.37) < 0.1)
        #expect(r.transcript.words.count > 60)
        let starts = r.transcript.words.compactMap(\.start)
        #expect(starts == starts.sorted() && starts.count == r.transcript.words.count)
        #expect(r.services.contains("S3"))
        #expect(r.structure.choice.present && r.structure.result.present)
        #expect(r.flags.measurableResult)
        #expect(r.pacing.wordsPerMinute.map { $0 > 100 && $0 < 260 } == true)
        #expect(!r.followUps.isEmpty)
    }

    @Test("a recording over a steady hiss is filtered, says so, and is heard better than without the filter")
    func noisyRecording() throws {
        let noisy = try Fixtures.noisyCopy(of: Self.sample, seconds: 29.4, in: Fixtures.tempDirectory())

        let clean = try report(try Fixtures.rehearse(["score", Self.sample, "--json", "--no-save"]))
        #expect(!clean.warnings.contains { $0.contains("background noise") }, "\(clean.warnings)")
        let filtered = try report(try Fixtures.rehearse(["score", noisy, "--json", "--no-save"]))
        let unfiltered = try report(try Fixtures.rehearse(["score", noisy, "--json", "--no-save", "--no-noise-filter"]))
        #expect(filtered.warnings.contains { $0.contains("steady background noise") }, "\(filtered.warnings)")
        #expect(!unfiltered.warnings.contains { $0.contains("background noise") })

        // What the clean recording was heard to say is the yardstick for both noisy decodes.
        func recall(_ r: AnswerReport) -> Double {
            let heard = Set(r.transcript.words.map(\.text))
            let said = clean.transcript.words.map(\.text)
            return Double(said.filter(heard.contains).count) / Double(said.count)
        }
        #expect(recall(filtered) > recall(unfiltered), "with filter \(recall(filtered)), without \(recall(unfiltered))")

        // In the terminal the warning wraps like the rest of the report.
        let terminal = try Fixtures.rehearse(["score", noisy, "--no-save"])
        #expect(terminal.stdout.contains("steady background noise"))
        #expect(terminal.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(terminal.stdout)")
    }

    @Test("the terminal report shows every section, plain when piped")
    func terminal() throws {
        let run = try Fixtures.rehearse(["score", Self.sample])
        #expect(run.status == 0)
        for heading in ["Score ", "Pace", "Fillers", "Pauses", "Structure", "Context", "Choice", "Trade-off",
                        "Result", "Services", "Flags", "Next question", "Transcript"] {
            #expect(run.stdout.contains(heading), "missing \(heading)")
        }
        #expect(!run.stdout.contains("\u{1B}["), "colour codes in piped output")
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("a typed transcript is analysed as text")
    func text() throws {
        let path = Fixtures.tempDirectory().appendingPathComponent("notes.txt").path
        try "Our bill jumped. We went with Savings Plans rather than reserved instances; the catch is a one year commitment. The bill fell by 30%."
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Fixtures.rehearse(["score", path, "--json"])
        #expect(run.status == 0)
        let r = try report(run)
        #expect(r.source == nil && r.pacing.wordsPerMinute == nil)
        #expect(r.structure.presentCount == 4)
    }

    @Test("a folder is scored file by file, failures reported without stopping the rest")
    func folder() throws {
        let dir = Fixtures.tempDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path,
                                         toPath: dir.appendingPathComponent("a.wav").path)
        try FileManager.default.copyItem(atPath: Fixtures.repo.appendingPathComponent("Audio/definition-answer.wav").path,
                                         toPath: dir.appendingPathComponent("b.wav").path)
        try "not audio".write(to: dir.appendingPathComponent("c.wav"), atomically: true, encoding: .utf8)
        let run = try Fixtures.rehearse(["score", dir.path, "--json"])
        #expect(run.status == 1)
        struct Item: Decodable { var report: AnswerReport?; var error: String?; var path: String }
        let items = try JSONDecoder().decode([Item].self, from: Data(run.stdout.utf8))
        #expect(items.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.wav", "b.wav", "c.wav"])
        #expect(items[0].report != nil && items[1].report != nil)
        #expect(items[1].report!.flags.definitionOnly)
        #expect(items[2].error?.contains("c.wav: not a recording") == true)
    }

    @Test("help explains the command with examples")
    func help() throws {
        let run = try Fixtures.rehearse(["score", "--help"])
        #expect(run.stdout.contains("rehearse score my-answer.wav --json"))
        #expect(run.stdout.contains("--question"))
    }
}
