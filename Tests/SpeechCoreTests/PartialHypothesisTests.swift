import Foundation
import Testing
import TestSupport
@testable import SpeechCore

/// The recognizer's partial guess reaches the live line while an utterance is open.
@Suite("Partial hypothesis while decoding")
struct PartialHypothesisTests {
    /// Guesses one word per 0.2 s of audio in the open utterance; counts how often it is asked.
    final class GuessingRecognizer: IncrementalTranscribing {
        var samples = 0
        var open = false
        var asked = 0
        func beginUtterance(startSample: Int) throws(SpeechError) { open = true; samples = 0 }
        func process(_ s: [Int16]) throws(SpeechError) { samples += s.count }
        func endUtterance() throws(SpeechError) -> [RecognizedWord] {
            open = false
            return [RecognizedWord(text: "final", start: 1, end: 2, confidence: 1)]
        }
        func partialHypothesis() -> [String] {
            asked += 1
            return open ? (0..<(samples / 3_200)).map { "w\($0)" } : []
        }
        func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] { [] }
    }

    private func feed(_ live: LiveTranscriber, _ audio: [Int16]) throws {
        for block in audio.blocks(of: 320) { try live.append(block) }
    }

    @Test("mid-utterance the guess is heard, spread over the utterance; it gives way to the final words")
    func partialThenFinal() throws {
        let recognizer = GuessingRecognizer()
        let live = LiveTranscriber(recognizer: recognizer, noiseReduction: nil)
        try feed(live, SyntheticAudio.hiss(1) + SyntheticAudio.tone(2))
        let mid = live.heard
        #expect(mid.settled.isEmpty)
        #expect(mid.partial.count >= 8, "\(mid.partial.map(\.text))")
        #expect(abs(mid.decodedSeconds - 3) < 0.01)
        // Spread from the speech's start (1 s: the utterance opens 0.3 s earlier, for the pre-roll) to the audio so far.
        let first = try #require(mid.partial.first), last = try #require(mid.partial.last)
        #expect(abs(first.start - 1.0) < 0.05 && last.end <= 3.0 && last.end > 2.5, "\(first) … \(last)")
        #expect(zip(mid.partial, mid.partial.dropFirst()).allSatisfy { $0.end <= $1.start + 1e-9 })
        // Asked every 0.25 s of utterance audio, not at every 20 ms block.
        #expect(recognizer.asked <= 10, "asked \(recognizer.asked) times for 2.3 s of utterance")

        try feed(live, SyntheticAudio.hiss(1))
        let after = live.heard
        #expect(after.partial.isEmpty, "the utterance closed in the pause")
        #expect(after.settled.map(\.text) == ["final"])
    }

    @Test("the background decoder hands out what it heard from another thread")
    func backgroundHeard() async throws {
        let background = BackgroundTranscriber(recognizer: GuessingRecognizer(), noiseReduction: nil)
        let audio = SyntheticAudio.hiss(0.5) + SyntheticAudio.tone(2)
        for block in audio.blocks(of: 320) { background.append(block) }
        let deadline = Date().addingTimeInterval(20)
        while background.heard.decodedSeconds < 2.49 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(background.heard.partial.count >= 8)
        #expect(try background.finish().map(\.text) == ["final"])
    }
}
