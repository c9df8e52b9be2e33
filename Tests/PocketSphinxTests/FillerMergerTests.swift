import Analysis
import Foundation
import Testing
import TestSupport
@testable import PocketSphinx
import SpeechCore

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
        var rng = SplitMix64(seed: 7)
        var samples = (0..<16_000).map { _ in Int16.random(in: -30...30, using: &rng) }
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
        let heard = [w("so", 0.9), w("uh", 0.02), w("we", 0.05), w("um", 0.6), w("moved", 0.03), w("um", 0.149)]
        #expect(HesitationFilter.keepConfident(heard).map(\.text) == ["so", "we", "um", "moved"])
    }

    @Test func theCutIsAModelSetting() {
        let heard = [w("so", 0.9), w("uh", 0.02), w("um", 0.3), w("uh", 0.6)]
        #expect(HesitationFilter.keepConfident(heard, minimum: 0).map(\.text) == ["so", "uh", "um", "uh"])
        #expect(HesitationFilter.keepConfident(heard, minimum: 0.5).map(\.text) == ["so", "uh"])
    }
}

@Suite struct UhContextTests {
    /// A toy model: "uh" is likely after "so" and before "we"; "a" is likely between "put"
    /// and "bucket"; everything else is flat.
    struct Toy: WordSequenceScoring {
        func log10Probability(of word: String, after history: [String]) -> Double {
            switch (history.last, word) {
            case ("so", "uh"), ("uh", "we"): return -0.5
            case ("put", "a"), ("a", "bucket"): return -0.7
            default: return -3
            }
        }
    }

    private func words(_ text: String) -> [RecognizedWord] {
        text.split(separator: " ").enumerated().map {
            RecognizedWord(text: String($1), start: Double($0) * 0.3, end: Double($0) * 0.3 + 0.2, confidence: 0.5)
        }
    }

    @Test func uhWhereAnArticleBelongsIsDropped() {
        let kept = HesitationFilter.keepPlausible(words("we put uh bucket there"), language: Toy(), margin: 0)
        #expect(kept.map(\.text) == ["we", "put", "bucket", "there"])
    }

    @Test func uhWherePeopleHesitateStays() {
        let heard = words("so uh we put uh bucket")
        let kept = HesitationFilter.keepPlausible(heard, language: Toy(), margin: 0)
        #expect(kept.map(\.text) == ["so", "uh", "we", "put", "bucket"])
        // The kept words keep their own times.
        #expect(kept[1].start == heard[1].start)
    }

    @Test func theMarginDecidesCloseCalls() {
        // "put uh bucket": -3 -3 against "put a bucket": -0.7 -0.7, a gap of 4.6.
        let heard = words("put uh bucket")
        #expect(HesitationFilter.keepPlausible(heard, language: Toy(), margin: 4.5).count == 2)
        #expect(HesitationFilter.keepPlausible(heard, language: Toy(), margin: 4.7).count == 3)
    }

    @Test func onlyUhIsChecked() {
        let heard = words("put um bucket put and bucket")
        #expect(HesitationFilter.keepPlausible(heard, language: Toy(), margin: 0).count == heard.count)
    }
}
