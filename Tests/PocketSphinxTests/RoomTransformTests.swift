import Analysis
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

    @Test("the transform is applied to the acoustic model it was made for and no other")
    func onlyItsOwnAcousticModel() throws {
        let shipped = try Self.shippedModel()
        let transform = try #require(shipped.roomTransform)
        #expect(transform.acousticModel.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                == URL(fileURLWithPath: shipped.acousticModel).standardizedFileURL.path,
                "a recognizer.json's transform is for its own acoustic model")
        // Another acoustic model (here the same files under another folder, as a voice adapted
        // by MAP would bring its own) is decoded with its means as they are.
        let other = Fixtures.tempDirectory().appendingPathComponent("voice-model")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped.acousticModel) {
            try FileManager.default.createSymbolicLink(atPath: other.appendingPathComponent(file).path,
                                                       withDestinationPath: shipped.acousticModel + "/" + file)
        }
        var voiced = shipped
        voiced.acousticModel = other.path
        #expect(voiced.roomTransformInUse == nil)
        let utterance = try Self.utterance()
        let stock = try PocketSphinxRecognizer(model: voiced).transcribe(utterance)
        let recognizer = try PocketSphinxRecognizer(model: voiced)
        recognizer.hearRoom(reverberant: true)
        #expect(try recognizer.transcribe(utterance) == stock)
        // Saved without the key (records from before it), it means the record's own model.
        let data = try JSONEncoder().encode(shipped)
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var room = try #require(json["roomTransform"] as? [String: Any])
        room["acousticModel"] = nil
        json["roomTransform"] = room
        let decoded = try JSONDecoder().decode(RecognizerModel.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.roomTransformInUse?.acousticModel == shipped.acousticModel)
    }

    @Test("a missing or unreadable transform is a clear error, not a crash")
    func badTransform() throws {
        let dir = Fixtures.tempDirectory()
        var model = try Self.shippedModel()
        let transform = try #require(model.roomTransform)
        model.roomTransform = RoomTransform(reverberant: dir.appendingPathComponent("absent.mllr").path, identity: transform.identity,
                                            acousticModel: model.acousticModel)
        #expect(throws: SpeechError.self) { try PocketSphinxRecognizer(model: model) }
        let garbage = dir.appendingPathComponent("garbage.mllr")
        try Data("not a transform\n".utf8).write(to: garbage)
        model.roomTransform = RoomTransform(reverberant: garbage.path, identity: transform.identity,
                                            acousticModel: model.acousticModel)
        #expect(throws: SpeechError.self) { try PocketSphinxRecognizer(model: model) }
    }

    @Test("the report says when the room model heard the answer, and only then")
    func reportSaysSo() throws {
        let shipped = try Self.shippedModel()
        #expect(PocketSphinxBackend(model: shipped).hearsRooms)
        var noDereverb = shipped
        noDereverb.dereverb = false
        #expect(!PocketSphinxBackend(model: noDereverb).hearsRooms)
        var voiced = shipped
        voiced.decoderArguments["-mllr"] = "/voices/alex/mllr_matrix"
        #expect(!PocketSphinxBackend(model: voiced).hearsRooms)

        let words = [RecognizedWord(text: "we", start: 0.5, end: 0.7, confidence: 0.9),
                     RecognizedWord(text: "moved", start: 0.7, end: 1.1, confidence: 0.9)]
        let source = AnswerReport.SourceInfo(path: "take.wav", durationSeconds: 30, sampleRate: 16_000, channels: 1,
                                             format: "WAV", recognizer: shipped.name, decodeSeconds: 1)
        var room = NoiseSummary(dereverbedUtterances: 3, decaySeconds: 0.62)
        room.dereverbOn = true
        var dry = NoiseSummary()
        dry.dereverbOn = true
        for (hears, noise, expected) in [(true, room, true), (false, room, false), (true, dry, false)] {
            let report = ReportAssembler(analyzer: AnswerAnalyzer(), modelName: shipped.name, hearsRooms: hears)
                .report(words: words, source: source, warnings: [], noise: noise)
            #expect(report.source?.dereverberation?.roomModel == expected)
            #expect(report.warnings.contains { $0.contains("adapted to echoing rooms") } == expected, "\(report.warnings)")
        }
    }
}
