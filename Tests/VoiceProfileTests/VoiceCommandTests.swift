import Foundation
import PocketSphinx
import Testing
import TestSupport
@testable import VoiceProfile

/// The commands as scripts use them: `enroll --prompts --json`, `voices`, `--voice` on score.
@Suite struct VoiceCommandTests {
    func dataHome() -> URL { Fixtures.tempDirectory() }

    func store(_ home: URL) -> VoiceStore { VoiceStore(folder: home.appendingPathComponent("rehearse/voices")) }

    /// A finished profile that kept the stock model (no files beyond profile.json needed).
    func makeProfile(_ home: URL, _ name: String, method: AdaptationMethod = .stock) throws {
        let store = store(home)
        _ = try store.prepare(name)
        try store.save(VoiceProfileRecord(
            format: 1, name: name, created: Date(), method: method, baseAcousticModel: RecognizerModel.debianEnUS.acousticModel,
            adaptedFrom: ["p01"], heldOut: ["p05"], validation: ["stock": .init(errors: 3, words: 10)],
            audioSeconds: 10, adaptationCPUSeconds: 1, checkingCPUSeconds: 1))
    }

    @Test func promptsAsJSON() throws {
        let run = try Fixtures.rehearse(["enroll", "--prompts", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let prompts = try JSONDecoder().decode([EnrollmentPrompt].self, from: Data(run.stdout.utf8))
        #expect(prompts.count >= 40)
        #expect(prompts.first?.id == "p01")
        let keys = try (JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]).map { Set($0.keys) }
        #expect(keys.allSatisfy { $0 == ["id", "text"] })
        let twenty = try Fixtures.rehearse(["enroll", "--prompts", "--count", "20"])
        #expect(twenty.stdout.split(separator: "\n").count == 20)
    }

    @Test func withoutSphinxtrainNothingIsRecordedAndOneLineSaysWhichPackage() throws {
        let home = dataHome()
        for arguments in [["enroll", "--name", "alex"], ["enroll", "--from", Fixtures.tempDirectory().path]] {
            let run = try Fixtures.rehearse(arguments, environment: [
                "XDG_DATA_HOME": home.path, "REHEARSE_SPHINXTRAIN_DIR": Fixtures.tempDirectory().path])
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("sudo apt-get install sphinxtrain"))
        }
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("rehearse/voices").path))
    }

    @Test func scoringNamesTheVoiceAndFallsBackFromADamagedOne() throws {
        let home = dataHome()
        try makeProfile(home, "alex")
        let recording = Fixtures.peer.appendingPathComponent("real-speech/sense_and_sensibility_01_austen_64kb-0870.wav").path
        let env = ["XDG_DATA_HOME": home.path]

        // No voice in use yet: no voice named.
        var run = try Fixtures.rehearse(["score", recording, "--json", "--no-save", "--model", "debian"], environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("voice alex"))

        #expect(try Fixtures.rehearse(["voices", "--use", "alex"], environment: env).status == 0)
        run = try Fixtures.rehearse(["score", recording, "--json", "--no-save", "--model", "debian"], environment: env)
        #expect(run.stdout.contains("voice alex (not adapted)"), "the report names the voice")
        run = try Fixtures.rehearse(["score", recording, "--json", "--no-save", "--model", "debian", "--voice", "none"], environment: env)
        #expect(!run.stdout.contains("voice alex"))

        // Damage it: scoring goes on with the stock model and says why, in one line.
        try Data("{\"format\": 1, \"name\": 7}".utf8).write(to: store(home).profileFolder("alex").appendingPathComponent("profile.json"))
        run = try Fixtures.rehearse(["score", recording, "--json", "--no-save", "--model", "debian"], environment: env)
        #expect(run.status == 0)
        let notes = run.stderr.split(separator: "\n").filter { $0.contains("voice \"alex\"") }
        #expect(notes.count == 1, "\(run.stderr)")
        #expect(notes.first?.contains("scoring with the unadapted model") == true)
        #expect(!run.stdout.contains("voice alex"))

        let list = try Fixtures.rehearse(["voices", "--json"], environment: env)
        let items = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        #expect(items.first?["state"] as? String == "unusable")
        #expect(items.first?["inUse"] as? Bool == true)

        // A newer profile: the same, with its own reason.
        try makeProfile(home, "later")
        try Data("{\"format\": 7}".utf8).write(to: store(home).profileFolder("later").appendingPathComponent("profile.json"))
        run = try Fixtures.rehearse(["score", recording, "--json", "--no-save", "--model", "debian", "--voice", "later"], environment: env)
        #expect(run.status == 0)
        #expect(run.stderr.contains("made by a newer Rehearse"))

        // An unknown name is an error (a typo must not pass silently).
        run = try Fixtures.rehearse(["score", recording, "--no-save", "--model", "debian", "--voice", "nobody"], environment: env)
        #expect(run.status != 0)
        #expect(run.stderr.contains("no voice called \"nobody\""))

        #expect(try Fixtures.rehearse(["voices", "--remove", "alex"], environment: env).status == 0)
        #expect(!FileManager.default.fileExists(atPath: store(home).profileFolder("alex").path))
        #expect(store(home).inUse == nil)
    }
}
