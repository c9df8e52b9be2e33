import Foundation
import Pipeline
import Practice
import Reports
import PocketSphinx
import SpeechCore
import Testing

@Suite struct ModelSelectionTests {
    @Test func fallsBackToDebianWithANoteWhenTheDomainModelIsNotBuilt() throws {
        let empty = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("no-models-\(getpid())")
        let selection = try ModelSelection.resolve(nil, modelsDirectory: empty)
        #expect(selection.model == .debianEnUS)
        #expect(selection.note?.contains("rehearse-lm") == true)
    }

    @Test func namesAndFolders() throws {
        #expect(try ModelSelection.resolve("debian", modelsDirectory: nil).model == .debianEnUS)
        #expect(throws: (any Error).self) { try ModelSelection.resolve("rehearse", modelsDirectory: nil) }
        #expect(throws: (any Error).self) { try ModelSelection.resolve("/no/such/folder", modelsDirectory: nil) }
    }

    @Test func theRepositoryModelIsTheDefault() throws {
        let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models")
        let selection = try ModelSelection.resolve(nil, modelsDirectory: models)
        #expect(selection.note == nil)
        #expect(selection.model.generalLanguageModel != nil)
        #expect(selection.model.dictionary.hasSuffix("rehearse.dict"))
        #expect(selection.model.noiseFilter, "the noise filter is on unless recognizer.json says otherwise")
        #expect(selection.model.dereverb, "dereverberation is on unless recognizer.json says otherwise")
        #expect(ScoringPipeline(analyzer: .init(), model: selection.model).dereverb != nil)
        #expect(selection.model.hesitationConfidence == HesitationFilter.defaultMinimumConfidence)
    }

    @Test func aModelFolderCanTurnTheNoiseFilterOff() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("quiet-model-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let description = """
        {"name": "studio", "acousticModel": "/usr/share/pocketsphinx/model/en-us/en-us",
         "languageModel": "x.lm.bin", "dictionary": "x.dict", "noiseFilter": false, "hesitationConfidence": 0.25,
         "dereverb": false}
        """
        try description.write(to: folder.appendingPathComponent("recognizer.json"), atomically: true, encoding: .utf8)
        let model = try RecognizerModel.directory(folder)
        #expect(!model.noiseFilter)
        #expect(model.noiseFilterConfiguration == nil)
        #expect(ScoringPipeline(analyzer: .init(), model: model).noiseReduction == nil)
        #expect(model.hesitationConfidence == 0.25)
        #expect(!model.dereverb)
        #expect(ScoringPipeline(analyzer: .init(), model: model).dereverb == nil)
    }

    /// eval-asr `--json` and heard.json keep the model record; files saved before a setting
    /// existed still read, with the setting they ran under.
    @Test func olderModelRecordsStillRead() throws {
        let old = """
        {"name": "x", "acousticModel": "/a", "languageModel": "/b", "dictionary": "/c",
         "domainWeight": 0.6, "decoderArguments": {"-topn": "2"}}
        """
        let model = try JSONDecoder().decode(RecognizerModel.self, from: Data(old.utf8))
        #expect(!model.noiseFilter, "records from before the noise filter ran without it")
        #expect(!model.dereverb, "records from before dereverberation ran without it")
        #expect(model.hesitationConfidence == HesitationFilter.defaultMinimumConfidence)
        #expect(model.decoderArguments == ["-topn": "2"])
        let again = try JSONDecoder().decode(RecognizerModel.self, from: JSONEncoder().encode(model))
        #expect(again == model)
    }
}
