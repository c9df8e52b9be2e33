import Foundation
import RehearseKit
import Speech
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
    }
}
