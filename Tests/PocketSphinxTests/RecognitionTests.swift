import AudioFiles
import Foundation
import Testing
import TestSupport
@testable import PocketSphinx
import SpeechCore

/// Real recordings through libsndfile and PocketSphinx with Debian's en-us model.
@Suite("PocketSphinx on real recordings", .serialized)
struct RecognitionTests {

    /// Decodes `path` as `score` does, on a new recognizer or on `recognizer`.
    private func transcribe(_ path: String, with recognizer: PocketSphinxRecognizer? = nil,
                            noiseReduction: NoiseFilter.Configuration? = .init()) throws -> [RecognizedWord] {
        let transcriber = StreamingTranscriber(recognizer: try recognizer ?? PocketSphinxRecognizer(), noiseReduction: noiseReduction)
        try SpeechAudioReader(path: path).stream { try transcriber.append($0) }
        return try transcriber.finish()
    }

    struct AlignedWord: Decodable { var t: String; var b: Double; var d: Double }
    struct Alignment: Decodable { var w: [AlignedWord] }

    @Test("a person reading: words match the reference and times match the forced alignment",
          arguments: ["0870", "0880", "0890"])
    func humanSpeech(clip: String) throws {
        let base = Fixtures.peer.appendingPathComponent("real-speech/sense_and_sensibility_01_austen_64kb-\(clip)")
        let reference = try String(contentsOf: base.appendingPathExtension("txt"), encoding: .utf8)
            .lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        let words = try transcribe(base.appendingPathExtension("wav").path)
        let heard = Set(words.map(\.text))
        let recall = Double(reference.filter(heard.contains).count) / Double(reference.count)
        #expect(recall > 0.6, "heard \(words.map(\.text))")

        // Each recognized word that appears once in the alignment starts near where it was said.
        let alignment = try JSONDecoder().decode(Alignment.self, from: Data(contentsOf: base.appendingPathExtension("json")))
        let aligned = alignment.w.map { (word: $0.t.split(separator: "(").first.map(String.init) ?? $0.t, start: $0.b) }
        var compared = 0
        for w in words {
            let matches = aligned.filter { $0.word == w.text }
            guard matches.count == 1 else { continue }
            #expect(abs(matches[0].start - w.start) < 0.25, "\(w.text) at \(w.start), aligned at \(matches[0].start)")
            compared += 1
        }
        #expect(compared >= 5)
        #expect(words.allSatisfy { $0.confidence >= 0 && $0.confidence <= 1 && $0.end > $0.start })
    }

    @Test("the repo's known recording: the 2-second silence is where the script put it")
    func knownPause() throws {
        struct Known: Decodable { var text: String; var silenceStart: Double; var silenceEnd: Double }
        let known = try JSONDecoder().decode(Known.self, from: Data(contentsOf: Fixtures.repo.appendingPathComponent("Audio/known-pause.json")))
        let words = try transcribe(Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path)
        let gaps = zip(words, words.dropFirst()).map { (start: $0.end, end: $1.start) }
        let longest = try #require(gaps.max { ($0.end - $0.start) < ($1.end - $1.start) })
        #expect(longest.end - longest.start >= 1.9)
        #expect(longest.start <= known.silenceStart + 0.1 && longest.start > known.silenceStart - 1.0)
        #expect(longest.end >= known.silenceEnd - 0.1 && longest.end < known.silenceEnd + 1.0)
        let expected = Set(known.text.split(separator: " ").map(String.init))
        let hits = words.filter { expected.contains($0.text) }.count
        #expect(Double(hits) / Double(expected.count) > 0.5, "heard \(words.map(\.text))")
    }

    @Test("a 10-minute recording decodes in utterances with times far from zero")
    func tenMinutes() throws {
        let dir = Fixtures.tempDirectory()
        let clip = Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path
        let long = dir.appendingPathComponent("ten.wav").path
        // The clip, then 55 s of silence, ten times over: 10 min with little to decode.
        try Fixtures.sox([clip, long, "pad", "0", "55", "repeat", "9"])
        let transcriber = StreamingTranscriber(recognizer: try PocketSphinxRecognizer(), noiseReduction: .init())
        let summary = try SpeechAudioReader(path: long).stream { try transcriber.append($0) }
        let words = try transcriber.finish()
        #expect(summary.durationSeconds > 600 && summary.durationSeconds < 650)
        #expect(transcriber.utterancesDecoded >= 20)
        #expect(words.last!.start > 540)
        // Every copy of the clip is heard at its own place: "security" is said 6.37 s into it.
        for copy in 0..<10 {
            let expected = Double(copy) * (8.92 + 55) + 6.37
            #expect(words.contains { abs($0.start - expected) < 0.3 && $0.text == "security" }, "copy \(copy)")
        }
    }

    @Test("pure silence gives no words")
    func silence() throws {
        let dir = Fixtures.tempDirectory()
        let path = dir.appendingPathComponent("silence.wav").path
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", "5"])
        #expect(try transcribe(path).isEmpty)
    }

    @Test("a recording gets the same words and times whatever the decoder decoded before it")
    func recordingsIndependent() throws {
        let dir = Fixtures.tempDirectory()
        // A loud hiss changes both things a decoder carries over: its noise estimate and its mean.
        // Decoded as recorded: the noise filter would take most of the hiss away first.
        let before = try Fixtures.noisyCopy(of: Fixtures.repo.appendingPathComponent("Audio/definition-answer.wav").path,
                                            seconds: 40, in: dir)
        let clip = Fixtures.peer.appendingPathComponent("real-speech/sense_and_sensibility_01_austen_64kb-0880.wav").path

        let alone = try transcribe(clip, noiseReduction: nil)
        let reused = try PocketSphinxRecognizer()
        let start = reused.currentCepstralMean
        _ = try transcribe(before, with: reused, noiseReduction: nil)
        #expect(reused.currentCepstralMean != start, "decoding moved the running mean")
        let after = try transcribe(clip, with: reused, noiseReduction: nil)
        #expect(reused.currentCepstralMean != start)

        #expect(!alone.isEmpty)
        #expect(after.map(\.text) == alone.map(\.text))
        #expect(after.map(\.start) == alone.map(\.start))
        #expect(after.map(\.end) == alone.map(\.end))
    }

    @Test("starting a recording puts back the cepstral mean the decoder started with")
    func cepstralMeanRestored() throws {
        let recognizer = try PocketSphinxRecognizer()
        let start = recognizer.currentCepstralMean
        #expect(start.count == 13)
        _ = try transcribe(Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, with: recognizer, noiseReduction: nil)
        #expect(recognizer.currentCepstralMean != start)
        recognizer.startRecording()
        #expect(recognizer.currentCepstralMean == start)
    }

    @Test("a missing model file is named in the error")
    func missingModel() {
        var model = RecognizerModel.debianEnUS
        model.dictionary = "/nonexistent/words.dict"
        #expect(throws: SpeechError.modelMissing(path: "/nonexistent/words.dict", what: "pronunciation dictionary")) {
            try PocketSphinxRecognizer(model: model)
        }
    }
}

/// sphinxbase logs through one process-wide FILE*; these run decoders the way `score folder/` does.
@Suite("PocketSphinx decoders side by side")
struct ConcurrentDecoderTests {
    /// Before PocketSphinxLog, each start-up (`-logfn`) closed the log file that a decoder
    /// starting or decoding on the other thread was writing to, and the process aborted in free().
    @Test("two threads start decoders and decode at the same time")
    func twoThreads() throws {
        let clip = Fixtures.peer.appendingPathComponent("real-speech/sense_and_sensibility_01_austen_64kb-0870.wav").path
        let samples = try SpeechAudioReader(path: clip).readAll()
        final class Outcome: @unchecked Sendable { var words = [0, 0]; var errors: [any Error] = [] }
        let outcome = Outcome(), lock = NSLock(), group = DispatchGroup()
        for worker in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    for _ in 0..<3 {
                        let transcriber = StreamingTranscriber(recognizer: try PocketSphinxRecognizer(), noiseReduction: .init())
                        try transcriber.append(samples)
                        let heard = try transcriber.finish().count
                        lock.withLock { outcome.words[worker] += heard }
                    }
                } catch { lock.withLock { outcome.errors.append(error) } }
            }
        }
        group.wait()
        #expect(outcome.errors.isEmpty)
        #expect(outcome.words.allSatisfy { $0 > 0 })
    }

    @Test("an acoustic model folder with a broken model definition is refused before PocketSphinx exits on it")
    func brokenAcousticModel() throws {
        let dir = Fixtures.tempDirectory()
        let source = URL(fileURLWithPath: RecognizerModel.debianEnUS.acousticModel)
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file != "mdef" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: dir.appendingPathComponent(file))
        }
        try "this is not a model definition\n".write(to: dir.appendingPathComponent("mdef"), atomically: true, encoding: .utf8)
        var model = RecognizerModel.debianEnUS
        model.acousticModel = dir.path
        #expect(throws: SpeechError.notAnAcousticModel(path: dir.path)) { try PocketSphinxRecognizer(model: model) }
        #expect(RecognizerModel.looksLikeModelDefinition(source.appendingPathComponent("mdef").path))
    }

    @Test("a file that is not a language model is named before PocketSphinx tries it")
    func notALanguageModel() throws {
        let dir = Fixtures.tempDirectory()
        let lm = dir.appendingPathComponent("broken.lm").path
        try "this is not a language model\n".write(toFile: lm, atomically: true, encoding: .utf8)
        var model = RecognizerModel.debianEnUS
        model.languageModel = lm
        #expect(throws: SpeechError.notALanguageModel(path: lm)) { try PocketSphinxRecognizer(model: model) }
        // The real ones pass: Debian's binary trie and our own ARPA text.
        #expect(RecognizerModel.looksLikeLanguageModel(RecognizerModel.debianEnUS.languageModel))
        let arpa = dir.appendingPathComponent("tiny.arpa").path
        try "# comment\n\n\\data\\\nngram 1=1\n".write(toFile: arpa, atomically: true, encoding: .utf8)
        #expect(RecognizerModel.looksLikeLanguageModel(arpa))
    }
}
