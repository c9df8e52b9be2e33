import Foundation
import PocketSphinx
import Testing
import TestSupport
@testable import VoiceProfile

/// Enrollment with the real tools: 20 sentences rendered by one TTS voice in a small
/// reverberant room with a fan (scripts/synth-enrollment.sh), adapted from with sphinxtrain,
/// then sentences never read at enrollment, in the same voice and room, decoded with the stock
/// and the enrolled model.
@Suite(.serialized) struct EnrollmentIntegrationTests {
    static let models = Fixtures.repo.appendingPathComponent("Models")

    static func render(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = Fixtures.repo.appendingPathComponent("scripts/synth-enrollment.sh")
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "synth-enrollment.sh \(arguments)")
    }

    static func errors(_ decoder: TakeDecoder, folder: URL, sentences: [EnrollmentPrompt]) throws -> (errors: Int, words: Int) {
        var errors = 0, words = 0
        for s in sentences {
            let heard = try decoder.decode(folder.appendingPathComponent("\(s.id).wav").path).words
                .filter { !TakeCheck.hesitations.contains($0) }
            errors += WordAlignment(reference: s.words, hypothesis: heard).errors
            words += s.words.count
        }
        return (errors, words)
    }

    @Test func anEnrolledVoiceMakesFewerErrorsInItsRoom() throws {
        let dir = Fixtures.tempDirectory()
        let enrollDir = dir.appendingPathComponent("enroll"), heldDir = dir.appendingPathComponent("held")
        try Self.render(["-o", enrollDir.path, "-v", "flite:slt:1.0", "-r", "room", "-n", "20"])
        let heldFile = Fixtures.repo.appendingPathComponent("Tests/Data/enrollment/heldout.json")
        try Self.render(["-o", heldDir.path, "-v", "flite:slt:1.0", "-r", "room", "-s", heldFile.path])
        // A misread (another sentence's words in p03's file) and a silent take: both left out.
        let misread = dir.appendingPathComponent("misread.json")
        try Data(#"{"sentences":[{"id":"p03","text":"put the heavy boxes in the hallway and close the door"}]}"#.utf8).write(to: misread)
        try Self.render(["-o", enrollDir.path, "-v", "flite:slt:1.0", "-r", "room", "-s", misread.path])
        _ = try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", enrollDir.appendingPathComponent("p09.wav").path,
                              "synth", "3", "brownnoise", "vol", "0.01"])

        let base = try RecognizerModel.rehearseDomain(modelsDirectory: Self.models)
        let store = VoiceStore(folder: dir.appendingPathComponent("data/voices"))
        let prompts = try EnrollmentPrompts.load(modelsDirectory: Self.models)
        let enrollment = Enrollment(store: store, name: "slt", baseModel: base, tools: try SphinxTrain.locate())
        let (record, problems) = try enrollment.enrollFromFolder(enrollDir, prompts: Array(prompts.prefix(20))) { _ in }
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("p03:") })
        // Steady noise: no speech to the segmenter, or sound the check hears as no sentence.
        #expect(problems.contains { $0.hasPrefix("p09: no speech") || $0.hasPrefix("p09: heard sound, but none") })
        #expect(record.adaptedFrom.count + record.heldOut.count == 18)
        #expect(!record.adaptedFrom.contains("p03") && !record.heldOut.contains("p09"))
        #expect(record.method != .stock, "no adaptation beat the stock model on the held-out takes: \(record.validation)")

        // The profile is kept with its takes, privately.
        let profile = try store.load("slt")
        #expect(store.takeIDs("slt").count == 18)
        let attributes = try FileManager.default.attributesOfItem(atPath: profile.takesFolder.appendingPathComponent("p01.wav").path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(!FileManager.default.fileExists(atPath: profile.folder.appendingPathComponent(".work").path))

        // Sentences never read at enrollment, same voice and room.
        struct HeldOut: Decodable { var sentences: [EnrollmentPrompt] }
        let held = try JSONDecoder().decode(HeldOut.self, from: Data(contentsOf: heldFile)).sentences
        let stock = try Self.errors(TakeDecoder(model: base), folder: heldDir, sentences: held)
        let applied = profile.apply(to: base)
        #expect(applied.note == nil)
        let enrolled = try Self.errors(TakeDecoder(model: applied.model), folder: heldDir, sentences: held)
        print("held-out WER, flite slt in the room: stock \(stock.errors)/\(stock.words), enrolled (\(record.method.label)) \(enrolled.errors)/\(enrolled.words)")
        #expect(enrolled.errors < stock.errors)
    }
}
