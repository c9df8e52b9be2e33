import Foundation
import Testing
import TestSupport
@testable import VoiceProfile

/// `rehearse enroll` through ALSA (the file-plugin microphone, docs/capture.md) playing one
/// sentence: the first take is kept, Ctrl-C stops the session keeping it, and the same command
/// goes on from there.
@Suite struct InteractiveEnrollmentTests {
    @Test func ctrlCKeepsFinishedTakesAndTheNextRunGoesOn() throws {
        let rendered = Fixtures.tempDirectory()
        let p = Process()
        p.executableURL = Fixtures.repo.appendingPathComponent("scripts/synth-enrollment.sh")
        p.arguments = ["-o", rendered.path, "-v", "flite:slt:1.0", "-r", "dry", "-n", "1"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let sentence = try Fixtures.wavSamples(rendered.appendingPathComponent("p01.wav"))
        // The plugin plays the file for every take; after it, silence ends each take.
        let mic = try TestMicrophone(.file(sentence + Fixtures.silence(0.5)))
        let voice = mic.directory.appendingPathComponent("data/rehearse/voices/alex")
        let first = voice.appendingPathComponent("takes/p01.wav")

        let child = try RehearseProcess(["enroll", "--name", "alex", "--device", mic.deviceName, "--count", "10"],
                                        environment: mic.environment, in: mic.directory)
        let deadline = Date().addingTimeInterval(90)
        while !FileManager.default.fileExists(atPath: first.path) && Date() < deadline && child.process.isRunning { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: first.path), "the first take was not kept: \(child.stderr)")
        kill(child.process.processIdentifier, SIGINT)
        let status = child.wait(timeout: 30)
        #expect(status == 130, "\(child.stderr)")
        #expect(child.stderr.contains("Sentence 1 of 10"))
        #expect(child.stderr.contains("✓ heard"))
        #expect(child.stderr.contains("1 take kept; `rehearse enroll --name alex` goes on from here"), "\(child.stderr)")
        // The second sentence heard the first one's words: asked again, never kept.
        let kept = try FileManager.default.contentsOfDirectory(atPath: voice.appendingPathComponent("takes").path)
        #expect(kept == ["p01.wav"], "\(kept)")
        #expect(try Fixtures.wavSamples(first).count > sentence.count / 2)
        let mode = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: voice.appendingPathComponent("profile.json").path))

        // `voices` lists it as unfinished; the same command goes on from sentence 2.
        let list = try RehearseProcess.run(["voices"], environment: mic.environment, in: mic.directory)
        #expect(list.stdout.contains("not finished (1 take kept)"), "\(list.stdout)")
        let again = try RehearseProcess(["enroll", "--name", "alex", "--device", mic.deviceName, "--count", "10"],
                                        environment: mic.environment, in: mic.directory)
        let until = Date().addingTimeInterval(60)
        while !again.stderr.contains("Sentence 2 of 10") && Date() < until && again.process.isRunning { usleep(50_000) }
        kill(again.process.processIdentifier, SIGINT)
        #expect(again.wait(timeout: 30) == 130)
        #expect(again.stderr.contains("Going on with voice \"alex\": 1 of 10 sentences already read."), "\(again.stderr)")
        #expect(!again.stderr.contains("Sentence 1 of 10"))
        #expect(FileManager.default.fileExists(atPath: first.path))
    }
}
