import Foundation
import Pipeline
import PocketSphinx
import SpeechCore
import Testing
import TestSupport

/// The shipped model's mean transform for reverberant rooms (Models/rooms/), switched on and
/// off by `PocketSphinxRecognizer.hearRoom` with the real decoder.
@Suite("Reverberant-room transform")
struct RoomTransformTests {
    static func shippedModel() throws -> RecognizerModel {
        try ModelSelection.resolve(nil, modelsDirectory: Fixtures.repo.appendingPathComponent("Models")).model
    }

    /// The first 8 s of the bundled strong answer, as one utterance.
    static func utterance() throws -> Utterance {
        Utterance(samples: Array(try Fixtures.samples("Audio/strong-answer.wav").prefix(8 * 16_000)), startSample: 0)
    }

    @Test("the transform changes what the decoder hears, and the next recording gets the stock means back")
    func switchesAndReverts() throws {
        let model = try Self.shippedModel()
        #expect(model.roomTransform != nil, "Models/recognizer.json names its room transform")
        let utterance = try Self.utterance()
        let stock = try PocketSphinxRecognizer(model: model).transcribe(utterance)
        #expect(!stock.isEmpty)

        let recognizer = try PocketSphinxRecognizer(model: model)
        recognizer.hearRoom(reverberant: true)
        let room = try recognizer.transcribe(utterance)
        #expect(room != stock, "the transformed means score the audio differently")
        recognizer.startRecording()
        #expect(try recognizer.transcribe(utterance) == stock)
        recognizer.hearRoom(reverberant: true)
        recognizer.hearRoom(reverberant: false)
        recognizer.startRecording()
        #expect(try recognizer.transcribe(utterance) == stock)
    }

    @Test("a model without the transform, or with a voice's own -mllr, hears every room alike")
    func noTransformNoChange() throws {
        var plain = try Self.shippedModel()
        plain.roomTransform = nil
        let utterance = try Self.utterance()
        let stock = try PocketSphinxRecognizer(model: plain).transcribe(utterance)
        let recognizer = try PocketSphinxRecognizer(model: plain)
        recognizer.hearRoom(reverberant: true)
        #expect(try recognizer.transcribe(utterance) == stock)

        // A voice profile's MLLR (here the identity, so the means are the stock ones) wins.
        var voiced = try Self.shippedModel()
        voiced.decoderArguments["-mllr"] = try #require(voiced.roomTransform).identity
        let withVoice = try PocketSphinxRecognizer(model: voiced)
        withVoice.hearRoom(reverberant: true)
        #expect(try withVoice.transcribe(utterance) == stock)
    }

    @Test("a missing or unreadable transform is a clear error, not a crash")
    func badTransform() throws {
        let dir = Fixtures.tempDirectory()
        var model = try Self.shippedModel()
        let transform = try #require(model.roomTransform)
        model.roomTransform = RoomTransform(reverberant: dir.appendingPathComponent("absent.mllr").path, identity: transform.identity)
        #expect(throws: SpeechError.self) { try PocketSphinxRecognizer(model: model) }
        let garbage = dir.appendingPathComponent("garbage.mllr")
        try Data("not a transform\n".utf8).write(to: garbage)
        model.roomTransform = RoomTransform(reverberant: garbage.path, identity: transform.identity)
        #expect(throws: SpeechError.self) { try PocketSphinxRecognizer(model: model) }
    }
}
