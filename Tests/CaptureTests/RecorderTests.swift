import AudioFiles
import Foundation
import Speech
import Testing
import TestSupport
@testable import Capture

/// The capture loop against a scripted microphone, and live decoding against a scripted recognizer.
@Suite("Recorder and live decoding")
struct RecorderTests {
    final class ScriptedMic: Capturing {
        var samples: [Int16]
        var position = 0
        let deviceName = "scripted"
        let deviceRate = 16_000
        let deviceChannels = 1
        let formatWarning: String? = nil
        let overruns = 0
        let suspends = 0
        init(_ samples: [Int16]) { self.samples = samples }
        func read(frames: Int) throws(CaptureError) -> [Int16] {
            // Past the end a muted microphone: zeros for ever.
            defer { position += frames }
            return (position..<position + frames).map { $0 < samples.count ? samples[$0] : 0 }
        }
        func flush() throws(CaptureError) -> [Int16] { [] }
    }

    private func tone(_ seconds: Double, amplitude: Double = 8_000) -> [Int16] {
        (0..<Int(seconds * 16_000)).map { Int16(amplitude * sin(Double($0) * 2 * .pi * 220 / 16_000)) + Int16($0 % 7) }
    }
    private func hiss(_ seconds: Double) -> [Int16] { (0..<Int(seconds * 16_000)).map { Int16($0 % 13) - 6 } }

    private func record(_ mic: ScriptedMic, _ options: Recorder.Options,
                        stop: @escaping (Double) -> StopReason? = { _ in nil }) throws -> (RecordingOutcome, [RecordingStatus], [Int16]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-rec-\(UUID().uuidString.prefix(8)).wav").path
        defer { unlink(path) }
        let writer = try TakeWriter(path: path)
        var statuses: [RecordingStatus] = []
        let outcome = try Recorder(source: mic, writer: writer, decoder: nil, options: options)
            .run(stopRequest: { stop(statuses.last?.elapsedSeconds ?? 0) }, status: { statuses.append($0) })
        writer.close()
        return (outcome, statuses, try SpeechAudioReader(path: path).readAll())
    }

    @Test("--max gives a take of exactly that many samples")
    func maxDuration() throws {
        let (outcome, _, written) = try record(ScriptedMic(tone(5)), .init(maxSeconds: 1.234))
        #expect(outcome.stopReason == .maxDuration)
        #expect(outcome.samples == 19_744 && written.count == 19_744)
    }

    @Test("a stop request ends the take between blocks")
    func stopRequest() throws {
        let (outcome, _, _) = try record(ScriptedMic(tone(5)), .init(maxSeconds: 10)) { $0 >= 0.5 ? .enter : nil }
        #expect(outcome.stopReason == .enter)
        #expect(abs(outcome.durationSeconds - 0.5) < 0.03)
    }

    @Test("three seconds of nothing raises the no-input warning, and speech clears it")
    func noInput() throws {
        let (_, statuses, _) = try record(ScriptedMic(Fixtures.silence(3.5) + tone(1)), .init(maxSeconds: 4.5))
        let firstWarning = try #require(statuses.first { $0.noInput })
        #expect(abs(firstWarning.elapsedSeconds - 3.0) < 0.03)
        #expect(statuses.last?.noInput == false)
    }

    @Test("silence after speech ends the take; silence before speech does not")
    func endpoint() throws {
        let (outcome, _, _) = try record(ScriptedMic(hiss(2) + tone(1) + hiss(5)), .init(maxSeconds: 20, silenceSeconds: 1.5))
        #expect(outcome.stopReason == .silence)
        #expect(abs(outcome.durationSeconds - 4.5) < 0.05)
        #expect(outcome.speechEndSeconds.map { abs($0 - 3.0) < 0.05 } == true)
    }

    /// Records what the live transcriber asks of the recognizer.
    final class ScriptedRecognizer: IncrementalTranscribing {
        var utterances: [(start: Int, samples: Int)] = []
        var ended = 0
        func beginUtterance(startSample: Int) throws(SpeechError) { utterances.append((startSample, 0)) }
        func process(_ samples: [Int16]) throws(SpeechError) { utterances[utterances.count - 1].samples += samples.count }
        func endUtterance() throws(SpeechError) -> [RecognizedWord] {
            let u = utterances.last!
            ended += 1
            return [RecognizedWord(text: "u\(utterances.count)", start: Double(u.start) / 16_000,
                                   end: Double(u.start + u.samples) / 16_000, confidence: 1)]
        }
        func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] { [] }
    }

    @Test("live decoding opens an utterance at speech (with pre-roll) and closes it at a pause")
    func liveUtterances() throws {
        let recognizer = ScriptedRecognizer()
        let live = LiveTranscriber(recognizer: recognizer, noiseReduction: .init())
        let audio = hiss(1) + tone(1) + hiss(1) + tone(0.5) + hiss(0.2)
        for start in stride(from: 0, to: audio.count, by: 320) { try live.append(Array(audio[start..<min(audio.count, start + 320)])) }
        #expect(recognizer.ended == 1, "the first utterance closed during the pause")
        #expect(recognizer.utterances.count == 2, "the second is open, being decoded as it is spoken")
        let words = try live.finish()
        #expect(recognizer.ended == 2)
        #expect(words.map(\.text) == ["u1", "u2"])
        // Speech starts at 1.0 s and 3.0 s; 0.3 s of pre-roll goes before each.
        #expect(abs(recognizer.utterances[0].start - 11_200) <= 160)
        #expect(abs(recognizer.utterances[1].start - 43_200) <= 160)
        // The first closed 0.6 s into the pause; the second at the end of the audio.
        #expect(abs(recognizer.utterances[0].samples - Int(1.9 * 16_000)) <= 320)
        // The scripted words cover their whole utterance, pre-roll and pause included; their
        // edges are pulled back onto the tone (WordEdges, at most 0.3 s each side).
        #expect(abs(words[0].start - 1.0) <= 0.011 && abs(words[1].start - 3.0) <= 0.011, "\(words)")
        #expect(abs(words[0].end - 2.3) <= 0.011, "\(words)")
    }

    @Test("live decoding with PocketSphinx hears the same answer as decoding the file",
          arguments: ["Audio/known-pause.wav", "Audio/strong-answer.wav"])
    func liveMatchesFile(recording: String) throws {
        try compareLiveAndFile(try Fixtures.samples(recording))
    }

    @Test("under a steady hiss, live decoding filters the noise as decoding the file does")
    func liveMatchesFileUnderNoise() throws {
        let noisy = try Fixtures.noisyCopy(of: Fixtures.repo.appendingPathComponent("Audio/strong-answer.wav").path,
                                           seconds: 29.4, in: Fixtures.tempDirectory())
        // Under noise the two segmenters cut utterances a little differently, so the bar is a
        // little lower than for clean audio. With the filter the two share 55 of the file's 67
        // distinct words; without it only 37 of 64, and some times are seconds apart.
        let (live, file) = try compareLiveAndFile(try Fixtures.wavSamples(URL(fileURLWithPath: noisy)),
                                                  sharedWords: 0.75, timesAgreeing: 0.9)
        #expect(live.filteredUtterances > 0 && file.filteredUtterances > 0, "live \(live), file \(file)")
    }

    @discardableResult
    /// `timesAgreeing`: share of the words heard once by both whose start times must agree
    /// within 0.3 s (under noise a word misheard in one place and heard in another pairs up
    /// wrongly now and then).
    private func compareLiveAndFile(_ samples: [Int16], sharedWords: Double = 0.8,
                                    timesAgreeing: Double = 1) throws -> (live: NoiseSummary, file: NoiseSummary) {
        let live = LiveTranscriber(recognizer: try PocketSphinxRecognizer(), noiseReduction: .init())
        for start in stride(from: 0, to: samples.count, by: 320) { try live.append(Array(samples[start..<min(samples.count, start + 320)])) }
        let liveWords = try live.finish()
        let heard = liveWords.map(\.text)
        let file = StreamingTranscriber(recognizer: try PocketSphinxRecognizer(), noiseReduction: .init())
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
