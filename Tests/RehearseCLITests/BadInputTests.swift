import Analysis
import Foundation
import PocketSphinx
import SpeechCore
import Testing
import TestSupport

/// Every bad input gets one clear line naming the file and a non-zero exit, or a valid report.
@Suite("rehearse score on bad input", .serialized)
struct CLIBadInputTests {
    private func expectError(_ arguments: [String], mentions needles: [String], user: String? = nil) throws {
        let run = try Fixtures.rehearse(arguments, asUser: user)
        #expect(run.status != 0, "exit 0 for \(arguments)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(run.stderr)")
        for needle in needles { #expect(run.stderr.contains(needle), "\(run.stderr) lacks \(needle)") }
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
    }

    private func expectReport(_ path: String, warning: String? = nil) throws -> AnswerReport {
        let run = try Fixtures.rehearse(["score", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try JSONDecoder().decode(AnswerReport.self, from: Data(run.stdout.utf8))
        if let warning { #expect(r.warnings.contains { $0.contains(warning) }, "\(r.warnings)") }
        return r
    }

    @Test("missing path") func missing() throws {
        try expectError(["score", "/nowhere/answer.wav"], mentions: ["/nowhere/answer.wav", "no such file"])
    }

    @Test("a folder with no recordings") func emptyFolder() throws {
        let dir = Fixtures.tempDirectory()
        try expectError(["score", dir.path], mentions: [dir.path, "no recordings"])
    }

    @Test("empty file, PNG, text named .wav, header with no samples") func notAudio() throws {
        let dir = Fixtures.tempDirectory()
        let empty = dir.appendingPathComponent("empty.wav").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        try expectError(["score", empty], mentions: [empty, "empty"])
        let png = dir.appendingPathComponent("photo.png").path
        _ = FileManager.default.createFile(atPath: png, contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 1, count: 100)))
        try expectError(["score", png], mentions: [png, "not a recording"])
        let text = dir.appendingPathComponent("answer.wav").path
        try "hello".write(toFile: text, atomically: true, encoding: .utf8)
        try expectError(["score", text], mentions: [text, "not a recording"])
        let zero = dir.appendingPathComponent("zero.wav").path
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", zero, "trim", "0", "0"])
        try expectError(["score", zero], mentions: [zero, "no audio samples"])
    }

    @Test("a file the user cannot read") func unreadable() throws {
        let dir = Fixtures.tempDirectory()
        let path = dir.appendingPathComponent("locked.wav").path
        try FileManager.default.copyItem(atPath: Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        // root reads anything, so as root run the tool as an ordinary user.
        try expectError(["score", path], mentions: [path, "permission denied"], user: getuid() == 0 ? "nobody" : nil)
    }

    @Test("pure silence is a valid report that says no speech was heard") func silence() throws {
        let path = Fixtures.tempDirectory().appendingPathComponent("quiet.wav").path
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", "4"])
        let r = try expectReport(path, warning: "no speech detected")
        #expect(r.transcript.words.isEmpty && r.flags.noSpeech)
    }

    @Test("8 kHz, 96 kHz, 6 channels, clipped and truncated recordings are converted and scored")
    func oddRecordings() throws {
        let dir = Fixtures.tempDirectory()
        let sample = Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path
        func variant(_ name: String, _ effects: [String], options: [String] = []) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Fixtures.sox([sample] + options + [path] + effects)
            return path
        }
        let phone = try expectReport(try variant("phone.wav", ["rate", "8000"]), warning: "telephone")
        #expect(phone.source?.sampleRate == 8000)
        // The same telephone audio brought back up to 16 kHz: the rate looks right, the spectrum does not.
        let narrow = try expectReport(try variant("narrow.wav", ["rate", "8000", "rate", "16000"]), warning: "above 4 kHz")
        #expect(narrow.source?.sampleRate == 16_000)
        #expect(!phone.warnings.contains { $0.contains("above 4 kHz") }, "one warning for one problem: \(phone.warnings)")
        let hi = try expectReport(try variant("hi.wav", ["rate", "96000"]))
        let six = try expectReport(try variant("six.wav", ["remix", "1", "1", "1", "1", "1", "1"], options: ["-c", "6"]))
        #expect(six.source?.channels == 6)
        // Resampled and remixed copies are heard like the original.
        let original = try expectReport(sample)
        #expect(!original.warnings.contains { $0.contains("above 4 kHz") }, "\(original.warnings)")
        for r in [hi, six] {
            let same = zip(r.transcript.words, original.transcript.words).filter { $0.text == $1.text }.count
            #expect(Double(same) >= Double(original.transcript.words.count) * 0.7, "\(r.transcript.text)")
        }
        _ = try expectReport(try variant("loud.wav", ["gain", "25"]), warning: "clipped")
        let full = try Data(contentsOf: URL(fileURLWithPath: sample))
        let cut = dir.appendingPathComponent("cut.wav")
        try full.prefix(full.count / 2).write(to: cut)
        _ = try expectReport(cut.path, warning: "cut off")
    }

    @Test("people reading at 16 kHz are not taken for narrowband audio") func humanSpeechIsFullBand() throws {
        let clips = Fixtures.peer.appendingPathComponent("real-speech")
        let wavs = try FileManager.default.contentsOfDirectory(atPath: clips.path).filter { $0.hasSuffix(".wav") }.sorted()
        #expect(!wavs.isEmpty)
        for wav in wavs {
            let r = try expectReport(clips.appendingPathComponent(wav).path)
            #expect(!r.warnings.contains { $0.contains("above 4 kHz") }, "\(wav): \(r.warnings)")
        }
    }

    @Test("an unknown question id") func unknownQuestion() throws {
        try expectError(["score", Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, "--question", "no-such-id"],
                        mentions: ["no-such-id", "rehearse questions"])
    }

    @Test("--compare with a pair nothing separates in alternatives.json") func unknownComparePair() throws {
        try expectError(["score", Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, "--compare", "Lightsail,Elastic Beanstalk"],
                        mentions: ["Lightsail and Elastic Beanstalk", "alternatives.json"])
    }

    /// PocketSphinx ends the process itself on some damaged acoustic model files; the user
    /// still gets one line that names the folder, not a silent exit status.
    @Test("an acoustic model with damaged parameter files", arguments: ["means", "transition_matrices", "sendump"])
    func damagedAcousticModel(file: String) throws {
        let dir = Fixtures.tempDirectory()
        let acoustic = dir.appendingPathComponent("acoustic")
        let stock = RecognizerModel.debianEnUS
        try FileManager.default.copyItem(at: URL(fileURLWithPath: stock.acousticModel), to: acoustic)
        var noise = SplitMix64(seed: 20261206)
        let size = try FileManager.default.attributesOfItem(atPath: acoustic.appendingPathComponent(file).path)[.size] as! Int
        try Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &noise) }).write(to: acoustic.appendingPathComponent(file))
        let description = """
        {"name": "damaged", "acousticModel": "acoustic",
         "languageModel": "\(stock.languageModel)", "dictionary": "\(stock.dictionary)"}
        """
        try description.write(to: dir.appendingPathComponent("recognizer.json"), atomically: true, encoding: .utf8)
        try expectError(["score", Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, "--model", dir.path, "--no-save"],
                        mentions: [acoustic.path, "damaged", "--model debian"])
    }
}
