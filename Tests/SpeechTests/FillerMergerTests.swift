import Foundation
import Testing
@testable import Speech

@Suite struct FillerMergerTests {
    func w(_ text: String, _ start: Double, _ end: Double, _ source: FillerSource? = nil) -> RecognizedWord {
        RecognizedWord(text: text, start: start, end: end, confidence: 1, source: source)
    }

    @Test func spottedHesitationReplacesAConfusableWord() {
        let words = [w("so", 0, 0.3), w("a", 0.35, 0.6), w("we", 0.7, 0.9)]
        let merged = FillerMerger().merge(words: words, spotted: [w("um", 0.33, 0.62, .keywordSpotting)])
        #expect(merged.map(\.text) == ["so", "um", "we"])
        #expect(merged[1].source == .keywordSpotting)
    }

    @Test func spottedHesitationFillsAGap() {
        let words = [w("so", 0, 0.3), w("we", 0.9, 1.1)]
        let merged = FillerMerger().merge(words: words, spotted: [w("uh", 0.4, 0.7, .keywordSpotting)])
        #expect(merged.map(\.text) == ["so", "uh", "we"])
    }

    @Test func hitInsideAContentWordIsDropped() {
        let words = [w("lambda", 0, 0.6)]
        let merged = FillerMerger().merge(words: words, spotted: [w("um", 0.2, 0.5, .keywordSpotting)])
        #expect(merged.map(\.text) == ["lambda"])
    }

    @Test func bothPassesAgreeing() {
        let merged = FillerMerger().merge(words: [w("um", 0, 0.4)], spotted: [w("um", 0.05, 0.4, .keywordSpotting)])
        #expect(merged.count == 1 && merged[0].source == .both)
    }
}

@Suite struct RecognizerModelTests {
    @Test func directoryDescriptionResolvesRelativePaths() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rehearse-model-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = #"{"name": "mine", "acousticModel": "/am", "languageModel": "x.lm.bin", "dictionary": "x.dict", "domainWeight": 0.7}"#
        try json.write(to: dir.appendingPathComponent("recognizer.json"), atomically: true, encoding: .utf8)
        let model = try RecognizerModel.directory(dir)
        #expect(model.languageModel == dir.appendingPathComponent("x.lm.bin").path)
        #expect(model.acousticModel == "/am")
        #expect(model.domainWeight == 0.7 && model.generalLanguageModel == nil)
    }

    @Test func missingDescriptionSaysHowToBuildIt() {
        #expect(throws: SpeechError.self) { try RecognizerModel.directory(URL(fileURLWithPath: "/nonexistent")) }
    }
}
