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

@Suite struct KeywordGateTests {
    /// One second of faint noise with a loud 300 ms hum in the middle.
    let utterance: Utterance = {
        var samples = (0..<16_000).map { _ in Int16.random(in: -30...30) }
        for i in 6_400..<11_200 { samples[i] = Int16(8_000 * sin(Double(i) * 2 * .pi * 150 / 16_000)) }
        return Utterance(samples: samples, startSample: 16_000)
    }()

    @Test func hitOnTheHumIsVoiced() {
        let hit = RecognizedWord(text: "um", start: 1.4, end: 1.7, confidence: 1, source: .keywordSpotting)
        #expect(KeywordSpotter.isVoiced(hit, in: utterance))
    }

    @Test func hitOnTheBackgroundIsNot() {
        let hit = RecognizedWord(text: "um", start: 1.05, end: 1.35, confidence: 1, source: .keywordSpotting)
        #expect(!KeywordSpotter.isVoiced(hit, in: utterance))
    }
}

@Suite struct HesitationFilterTests {
    private func w(_ text: String, _ confidence: Double) -> RecognizedWord {
        RecognizedWord(text: text, start: 0, end: 0.2, confidence: confidence)
    }

    @Test func doubtfulHesitationsGoOrdinaryWordsStay() {
        let heard = [w("so", 0.9), w("uh", 0.02), w("we", 0.05), w("um", 0.6), w("moved", 0.03), w("um", 0.069)]
        #expect(HesitationFilter.keepConfident(heard).map(\.text) == ["so", "we", "um", "moved"])
    }

    @Test func theCutIsAModelSetting() {
        let heard = [w("so", 0.9), w("uh", 0.02), w("um", 0.3), w("uh", 0.6)]
        #expect(HesitationFilter.keepConfident(heard, minimum: 0).map(\.text) == ["so", "uh", "um", "uh"])
        #expect(HesitationFilter.keepConfident(heard, minimum: 0.5).map(\.text) == ["so", "uh"])
    }
}
