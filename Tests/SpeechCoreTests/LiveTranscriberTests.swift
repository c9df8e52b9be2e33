import Foundation
import Testing
import TestSupport
@testable import SpeechCore

/// Live decoding against a scripted recognizer: where utterances open and close.
@Suite("Live decoding")
struct LiveTranscriberTests {

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
        let audio = SyntheticAudio.hiss(1) + SyntheticAudio.tone(1) + SyntheticAudio.hiss(1) + SyntheticAudio.tone(0.5) + SyntheticAudio.hiss(0.2)
        for block in audio.blocks(of: 320) { try live.append(block) }
        #expect(recognizer.ended == 1, "the first utterance closed during the pause")
        #expect(recognizer.utterances.count == 2, "the second is open, being decoded as it is spoken")
        let words = try live.finish()
        #expect(recognizer.ended == 2)
        #expect(words.map(\.text) == ["u1", "u2"])
        // Speech starts at 1.0 s and 3.0 s; 0.3 s of pre-roll goes before each.
        #expect(abs(recognizer.utterances[0].start - 11_200) <= 160)
        #expect(abs(recognizer.utterances[1].start - 43_200) <= 160)
        // The first closed 0.6 s into the pause, as a file's would, and like a file's it holds
        // 0.3 s of pre-roll, the 1 s of speech and 0.3 s of post-roll, not the whole pause.
        #expect(abs(recognizer.utterances[0].samples - Int(1.6 * 16_000)) <= 320)
        // The scripted words cover their whole utterance, pre-roll and post-roll included; their
        // edges are pulled back onto the tone (WordEdges, at most 0.3 s each side).
        #expect(abs(words[0].start - 1.0) <= 0.011 && abs(words[1].start - 3.0) <= 0.011, "\(words)")
        #expect(abs(words[0].end - 2.0) <= 0.011, "\(words)")
    }
}
