import Foundation
import Pipeline
import PocketSphinx
import SpeechCore
import Testing
import TestSupport

/// A take decoded while it is recorded hears what the same audio decoded from a file hears,
/// with Debian's stock model and with the model `rehearse` loads by default (ModelSelection:
/// Models/recognizer.json, the domain model mixed with the general one, its own dictionary and
/// decoder limits).
@Suite("Live decoding against file decoding")
struct LiveVsFileTests {
    enum Model: String, CaseIterable, Sendable {
        case stock, `default`
        func load() throws -> RecognizerModel {
            switch self {
            case .stock: return .debianEnUS
            case .default:
                let (model, note) = try ModelSelection.resolve(nil, modelsDirectory: Fixtures.repo.appendingPathComponent("Models"))
                #expect(note == nil, "\(note ?? "")")
                return model
            }
        }
    }

    @Test("live decoding with PocketSphinx hears the same answer as decoding the file",
          arguments: ["Audio/known-pause.wav", "Audio/strong-answer.wav"], Model.allCases)
    func liveMatchesFile(recording: String, model: Model) throws {
        try compareLiveAndFile(try Fixtures.samples(recording), model: try model.load())
    }

    @Test("under a steady hiss, live decoding filters the noise as decoding the file does", arguments: Model.allCases)
    func liveMatchesFileUnderNoise(model: Model) throws {
        let noisy = try Fixtures.noisyCopy(of: Fixtures.repo.appendingPathComponent("Audio/strong-answer.wav").path,
                                           seconds: 29.4, in: Fixtures.tempDirectory())
        // Under noise the two segmenters cut utterances a little differently, so the bar is a
        // little lower than for clean audio. With the filter the two share 55 of the file's 67
        // distinct words (stock model); without it only 37 of 64, and some times are seconds apart.
        let (live, file) = try compareLiveAndFile(try Fixtures.wavSamples(URL(fileURLWithPath: noisy)), model: try model.load(),
                                                  sharedWords: 0.75, timesAgreeing: 0.9)
        #expect(live.filteredUtterances > 0 && file.filteredUtterances > 0, "live \(live), file \(file)")
    }

    @discardableResult
    /// `timesAgreeing`: share of the words heard once by both whose start times must agree
    /// within 0.3 s (under noise a word misheard in one place and heard in another pairs up
    /// wrongly now and then).
    private func compareLiveAndFile(_ samples: [Int16], model: RecognizerModel, sharedWords: Double = 0.8,
                                    timesAgreeing: Double = 1) throws -> (live: NoiseSummary, file: NoiseSummary) {
        let live = LiveTranscriber(recognizer: try PocketSphinxRecognizer(model: model), noiseReduction: .init())
        for block in samples.blocks(of: 320) { try live.append(block) }
        let liveWords = try live.finish()
        let heard = liveWords.map(\.text)
        let file = StreamingTranscriber(recognizer: try PocketSphinxRecognizer(model: model), noiseReduction: .init())
        try file.append(samples)
        let fileWords = try file.finish()
        let fromFile = fileWords.map(\.text)
        // Word times agree too, in the second utterance as in the first ("security" is said
        // after the 2 s pause): a live take's pauses and pace depend on them.
        var pairs = 0
        var apart: [String] = []
        for word in liveWords where fromFile.filter({ $0 == word.text }).count == 1 && heard.filter({ $0 == word.text }).count == 1 {
            let twin = fileWords.first { $0.text == word.text }!
            pairs += 1
            if abs(twin.start - word.start) >= 0.3 { apart.append("\(word.text): live \(word.start) s, file \(twin.start) s") }
        }
        #expect(pairs >= 5)
        #expect(Double(pairs - apart.count) >= timesAgreeing * Double(pairs), "\(apart) of \(pairs)")
        #expect(heard.count >= 10)
        // Same engine, same audio; utterance edges differ slightly, so allow a word or two.
        let shared = Set(heard).intersection(fromFile).count
        #expect(Double(shared) >= sharedWords * Double(Set(fromFile).count), "live: \(heard)\nfile: \(fromFile)")
        return (live.noiseSummary, file.noiseSummary)
    }
}

@Suite("PocketSphinx partial hypothesis")
struct PocketSphinxPartialTests {
    @Test("while an utterance is open, ps_get_hyp's guess holds words that the final result then has")
    func partialBeforeFinal() throws {
        let samples = try Fixtures.samples("Audio/strong-answer.wav")
        let recognizer = try PocketSphinxRecognizer()
        recognizer.startRecording()
        #expect(recognizer.partialHypothesis().isEmpty, "no utterance open")
        try recognizer.beginUtterance(startSample: 0)
        // The first 4 s, as a live take would feed them.
        for start in stride(from: 0, to: 64_000, by: 320) { try recognizer.process(Array(samples[start..<start + 320])) }
        let guess = recognizer.partialHypothesis()
        #expect(guess.count >= 5, "\(guess)")
        #expect(guess.allSatisfy { $0 == $0.lowercased() && !$0.contains("(") && !$0.hasPrefix("<") }, "\(guess)")
        let final = try recognizer.endUtterance().map(\.text)
        // A guess without the rest of the utterance differs in places ("storing fat as" for
        // "starring for those"), but it is the same speech being transcribed.
        #expect(Array(guess.prefix(2)) == Array(final.prefix(2)), "guess \(guess), final \(final)")
        #expect(Set(guess).intersection(final).count >= 4, "guess \(guess), final \(final)")
        #expect(recognizer.partialHypothesis().isEmpty, "closed")
    }
}
