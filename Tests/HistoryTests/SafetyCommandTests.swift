import Analysis
import Foundation
import GRDB
import Testing
import TestSupport
@testable import History

/// Issue 23, driven through the built `rehearse` against a scratch data folder: outputs that
/// never clobber, private files, escaped control characters, read-only use.
@Suite struct SafetyCommandTests {
    let dir: TemporaryDirectory
    let answer: String
    var dataFolder: URL { dir.url.appendingPathComponent("rehearse") }
    var database: String { dataFolder.appendingPathComponent("rehearse.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory()
        answer = dir.path("answer.txt")
        try Samples.answerText.write(toFile: answer, atomically: true, encoding: .utf8)
    }

    /// Runs rehearse under umask 022 (a typical login), with this test's data folder.
    func rehearse(_ arguments: [String], environment: [String: String] = [:], user: String? = nil) throws
        -> (status: Int32, out: String, err: String) {
        var env = ["XDG_DATA_HOME": dir.url.path, "REHEARSE_MODELS": Fixtures.repo.appendingPathComponent("Models").path]
        env.merge(environment) { _, new in new }
        let binary = ChildProcess.executable("rehearse").path
        let command = (user.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? []) + [binary] + arguments
        return try ChildProcess.run("/bin/sh", ["-c", "umask 022; exec \"$@\"", "sh"] + command, environment: env)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: #1 outputs never clobber

    @Test func htmlOutputRefusesTheDatabaseARecordingAndAnExistingFile() throws {
        #expect(try rehearse(["score", answer]).status == 0)
        let history = try bytes(database)
        for force in [[], ["--force"]] {
            let onDatabase = try rehearse(["report", "latest", "--html", database] + force)
            #expect(onDatabase.status != 0)
            #expect(onDatabase.err.contains("data folder"), "\(onDatabase.err)")
            let progress = try rehearse(["progress", "--html", database] + force)
            #expect(progress.status != 0)
        }
        #expect(try bytes(database) == history)
        #expect(try rehearse(["history"]).status == 0, "the history still opens")

        // A recording (by name or by its bytes), even with --force.
        let take = dir.path("take.wav")
        try FileManager.default.copyItem(atPath: Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, toPath: take)
        let disguised = dir.path("take-copy.bin")
        try FileManager.default.copyItem(atPath: take, toPath: disguised)
        for target in [take, disguised] {
            let before = try bytes(target)
            let run = try rehearse(["report", "latest", "--html", target, "--force"])
            #expect(run.status != 0 && run.err.contains("recording"), "\(run.err)")
            #expect(try bytes(target) == before)
        }

        // Any other existing file: refused without --force, replaced with it.
        let page = dir.path("page.html")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: page))
        let refused = try rehearse(["report", "latest", "--html", page])
        #expect(refused.status != 0 && refused.err.contains("--force"), "\(refused.err)")
        #expect(try bytes(page) == Data("mine".utf8))
        let replaced = try rehearse(["report", "latest", "--html", page, "--force"])
        #expect(replaced.status == 0, "\(replaced.err)")
        #expect(try String(contentsOfFile: page, encoding: .utf8).hasPrefix("<!doctype html>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".rehearse-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func exportOutputNeverClobbers() throws {
        #expect(try rehearse(["score", answer]).status == 0)
        let csv = dir.path("attempts.csv")
        let written = try rehearse(["export", "--format", "csv", "--output", csv])
        #expect(written.status == 0, "\(written.err)")
        let first = try bytes(csv)
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("id,createdAt"))
        #expect(try rehearse(["export", "--format", "json", "--output", csv]).status != 0)
        #expect(try bytes(csv) == first)
        #expect(try rehearse(["export", "--format", "csv", "--output", database, "--force"]).status != 0)
    }

    // MARK: #3 private by default

    @Test func theDataFolderAndDatabaseArePrivateUnderUmask022() throws {
        #expect(try rehearse(["score", answer]).status == 0)
        #expect(try mode(dataFolder.path) == 0o700)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
            #expect(try mode(database + suffix) == 0o600, "rehearse.sqlite\(suffix)")
        }
    }

    @Test func anExistingWideFolderIsTightenedWithANote() throws {
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        chmod(dataFolder.path, 0o755)
        let run = try rehearse(["score", answer])
        #expect(run.status == 0)
        #expect(run.err.contains("tightened"), "\(run.err)")
        #expect(try mode(dataFolder.path) == 0o700)
    }

    // MARK: #4 control characters

    @Test func controlCharactersFromATranscriptAndAFileNameAreShownEscaped() throws {
        let hostile = "We chose SQS \u{1B}]0;owned\u{07} over Kinesis \u{1B}]52;c;ZXZpbA==\u{07} because \u{1B}[2J ordering did not matter, and latency dropped 40 percent."
        let name = dir.path("bad\u{1B}[2Jname\nrow.txt")
        try hostile.write(toFile: name, atomically: true, encoding: .utf8)
        let scored = try rehearse(["score", name])
        #expect(scored.status == 0, "\(scored.err)")
        #expect(!scored.out.contains("\u{1B}"), "raw ESC reached stdout")
        #expect(!scored.err.contains("\u{1B}"), "raw ESC reached stderr")
        #expect(scored.out.contains("\\e]0;owned"), "shown escaped: \(scored.out)")
        for command in [["report", "latest"], ["history"], ["compare", "1", "latest"]] {
            if command[0] == "compare" { _ = try rehearse(["score", answer]) }
            let run = try rehearse(command)
            #expect(run.status == 0, "\(command): \(run.err)")
            #expect(!run.out.contains("\u{1B}") && !run.out.contains("\u{07}"), "\(command) printed a raw control character")
        }
        // JSON keeps the text exactly (the encoder writes the escape as \u001b).
        let json = try rehearse(["report", "1", "--json"])
        let report = try JSONDecoder().decode(AnswerReport.self, from: Data(json.out.utf8))
        #expect(report.transcript.words.contains { $0.text.contains("\u{1B}") } || report.transcript.text.contains("\u{1B}"))
    }

    @Test func aNewlineInARecordingsFileNameDoesNotSplitAHistoryRow() throws {
        let database = try AppDatabase(path: self.database)
        try database.save(Attempt(report: Samples.report(recordingPath: dir.path("two\nlines.wav"))))
        let run = try rehearse(["history"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.split(separator: "\n").count == 2, "header and one row:\n\(run.out)")
        #expect(run.out.contains("two\\nlines"))
    }

    // MARK: #9 read-only use, no database created by reading

    @Test func readingCommandsCreateNoDatabase() throws {
        let run = try rehearse(["history"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(try rehearse(["export", "--format", "csv"]).status == 0)
        #expect(try rehearse(["progress"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func aReadOnlyDataFolderStillServesHistoryReportAndExport() throws {
        // root ignores permissions, so as root the reader is an ordinary user who owns the folder.
        let user = getuid() == 0 ? "nobody" : nil
        if user != nil {
            chmod(dir.url.path, 0o777)
            chmod(answer, 0o644)
        }
        let scored = try rehearse(["score", answer], user: user)
        #expect(scored.status == 0, "\(scored.err)")
        let before = try bytes(database)
        chmod(dataFolder.path, 0o500)
        defer { chmod(dataFolder.path, 0o700) }
        for command in [["history"], ["report", "latest"], ["export", "--format", "csv"], ["progress"]] {
            let run = try rehearse(command, user: user)
            #expect(run.status == 0, "\(command): \(run.err)")
        }
        #expect(try rehearse(["history", "--json"], user: user).out.contains("\"id\" : 1"))
        #expect(try bytes(database) == before)
    }

    // MARK: #9 the HTML waveform in bounded memory

    @Test func theHTMLWaveformOfALongRecordingUsesBoundedMemory() throws {
        let short = dir.path("short.wav"), long = dir.path("long.wav")
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", short, "synth", "5", "sine", "300", "gain", "-12"])
        // 40 minutes at 16 kHz: 77 MB of samples if read whole.
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", long, "synth", "2400", "sine", "300", "gain", "-12"])
        let database = try AppDatabase(path: self.database)
        try database.save(Attempt(report: Samples.report(recordingPath: short)))
        try database.save(Attempt(report: Samples.report(recordingPath: long)))
        func peakKilobytes(_ id: String) throws -> Int {
            let page = dir.path("page-\(id).html")
            let script = """
                import resource, subprocess, sys
                p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
                """
            let run = try ChildProcess.run("/usr/bin/python3", ["-c", script, ChildProcess.executable("rehearse").path,
                                                                "report", id, "--html", page],
                                           environment: ["XDG_DATA_HOME": dir.url.path])
            let fields = run.out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            #expect(fields.first == 0, "report \(id) failed: \(run.out) \(run.err)")
            #expect(try String(contentsOfFile: page, encoding: .utf8).contains("class=\"wave\""))
            return fields.last ?? .max
        }
        let small = try peakKilobytes("1"), big = try peakKilobytes("2")
        #expect(big - small < 24_000, "a 40-minute recording took \(big - small) kB more than a 5-second one")
    }
}
