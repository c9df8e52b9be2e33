import Foundation
import Practice
import Testing
import TestSupport

/// Issue 23 #1, #3 and #8 for recordings, and `rehearse doctor`, with the file-plugin microphone.
@Suite("takes and recordings are private and never clobbered", .serialized)
struct TakeSafetyTests {
    /// A 440 Hz tone about 12 dB under full scale.
    static func tone(seconds: Double) -> [Int16] {
        (0..<Int(seconds * 16_000)).map { Int16(8000 * sin(2 * Double.pi * 440 * Double($0) / 16_000)) }
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    /// Runs `arguments` under umask 022 with the microphone's environment.
    private func run(_ arguments: [String], mic: TestMicrophone, timeout: Double = 90) throws -> (status: Int32, stdout: String, stderr: String) {
        try RehearseProcess.run(["-c", "umask 022; exec \"$@\"", "sh", Fixtures.rehearseBinary.path] + arguments,
                                environment: mic.environment, in: mic.directory, timeout: timeout,
                                executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aPracticeTakeAndItsFoldersArePrivate() throws {
        let mic = try TestMicrophone(.file(Self.tone(seconds: 4)))
        let run = try run(["practice", "--question", "vpc-mid-private-outbound", "--device", mic.deviceName,
                           "--max", "1", "--json", "--no-save", "--count-in", "0"], mic: mic)
        #expect(run.status == 0, "\(run.stderr)")
        let takes = try FileManager.default.contentsOfDirectory(atPath: mic.takesDirectory.path)
        #expect(takes.count == 1)
        for take in takes { #expect(mode(mic.takesDirectory.appendingPathComponent(take).path) == 0o600, "\(take)") }
        #expect(mode(mic.takesDirectory.path) == 0o700)
        #expect(mode(mic.takesDirectory.deletingLastPathComponent().path) == 0o700)
    }

    @Test func recordRefusesAnExistingFileAndNeverReplacesARecording() throws {
        let mic = try TestMicrophone(.file(Self.tone(seconds: 3)))
        let notes = mic.directory.appendingPathComponent("notes.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: notes))
        let refused = try run(["record", notes, "--device", mic.deviceName, "--max", "1"], mic: mic)
        #expect(refused.status == 1 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == Data("keep me".utf8))

        let take = mic.directory.appendingPathComponent("take.wav").path
        let first = try run(["record", take, "--device", mic.deviceName, "--max", "1"], mic: mic)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(mode(take) == 0o600)
        let recorded = try Data(contentsOf: URL(fileURLWithPath: take))
        for extra in [[], ["--force"]] {
            let again = try run(["record", take, "--device", mic.deviceName, "--max", "1"] + extra, mic: mic)
            #expect(again.status == 1, "\(extra): \(again.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: take)) == recorded)
        }

        let replaced = try run(["record", notes, "--device", mic.deviceName, "--max", "1", "--force"], mic: mic)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)).prefix(4) == Data("RIFF".utf8))
    }

    @Test func sessionsStartedTogetherGetTheirOwnTakes() throws {
        let data = Fixtures.tempDirectory()
        let store = try TakeStore(environment: ["XDG_DATA_HOME": data.path])
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let paths = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            if let path = try? store.reserveTakePath(questionID: "vpc-mid-private-outbound", date: date) {
                paths.withLock { $0.append(path) }
            }
        }
        let all = paths.withLock { $0 }
        #expect(all.count == 16)
        #expect(Set(all).count == 16, "two sessions were given one file: \(all.sorted())")
        for path in all { #expect(mode(path) == 0o600) }
    }

    @Test func doctorReportsEachCheckOnALineAndPassesWithAWorkingMicrophone() throws {
        let mic = try TestMicrophone(.file(Self.tone(seconds: 4)))
        let run = try run(["doctor", "--device", mic.deviceName], mic: mic, timeout: 30)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("ok") && $0.contains("sound from \(mic.deviceName)") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("ok") && $0.contains("models") }, "\(run.stdout)")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func doctorAnswersPromptlyWithoutASoundCard() throws {
        let mic = try TestMicrophone(.file(Self.tone(seconds: 1)))
        let started = Date()
        let run = try run(["doctor", "--device", "no-such-device"], mic: mic, timeout: 30)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL  sound from no-such-device"), "\(run.stdout)")
    }
}

import Synchronization
