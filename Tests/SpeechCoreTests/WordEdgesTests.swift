import Foundation
import Testing
@testable import SpeechCore

@Suite struct WordEdgesTests {
    /// Frame levels for an utterance starting at 10 s: noise at -40 dB, voice at -15 dB over
    /// the given stretches (in seconds from the utterance start).
    private func levels(seconds: Double, voiced: [ClosedRange<Double>]) -> [Double] {
        (0..<Int(seconds * 100)).map { i in
            let t = Double(i) / 100
            return voiced.contains { $0.contains(t) } ? -15 : -40
        }
    }

    private func w(_ text: String, _ start: Double, _ end: Double) -> RecognizedWord {
        RecognizedWord(text: text, start: start, end: end, confidence: 0.9)
    }

    @Test func aWordRunOnIntoAPauseIsPulledBackToTheVoice() {
        // Voice stops at 11.0; the decoder ended "itself" at 11.2, in the pause.
        let lv = levels(seconds: 4, voiced: [0.3...0.99, 2.5...3.5])
        let words = [w("itself", 10.6, 11.2), w("then", 12.5, 12.8)]
        let tight = WordEdges.tighten(words, levels: lv, utteranceStart: 10, noiseFloor: -42)
        #expect(abs(tight[0].end - 11.0) < 0.011)
        #expect(tight[0].start == 10.6, "a voiced start stays where it was")
        #expect(tight[1] == words[1], "a word on voice throughout is untouched")
    }

    @Test func aWordStartedEarlyInThePauseMovesToTheOnset() {
        let lv = levels(seconds: 4, voiced: [0.3...0.99, 2.5...3.5])
        let words = [w("so", 10.3, 11.0), w("then", 12.3, 12.8)]
        let tight = WordEdges.tighten(words, levels: lv, utteranceStart: 10, noiseFloor: -42)
        #expect(abs(tight[1].start - 12.5) < 0.011)
        #expect(tight[1].end == 12.8)
    }

    @Test func wordsThatRunIntoEachOtherKeepTheirEdges() {
        // A quiet stretch inside speech (a stop closure) between two words 50 ms apart.
        let lv = levels(seconds: 3, voiced: [0.3...0.8, 1.0...1.5])
        let words = [w("cloud", 10.3, 10.95), w("front", 11.0, 11.5)]
        let tight = WordEdges.tighten(words, levels: lv, utteranceStart: 10, noiseFloor: -42)
        #expect(tight[0].end == 10.95)
        #expect(tight[1].start == 11.0)
    }

    @Test func trimsAtMostThreeTenthsAndLeavesEveryWordSomething() {
        let lv = levels(seconds: 3, voiced: [0.3...0.5])
        // A word entirely on noise keeps its first 50 ms; a long overrun loses only 0.3 s.
        let ghost = WordEdges.tighten([w("and", 11.0, 11.2)], levels: lv, utteranceStart: 10, noiseFloor: -42)
        #expect(abs(ghost[0].start - 11.0) < 1e-9)
        #expect(abs(ghost[0].end - 11.05) < 1e-9)
        let long = WordEdges.tighten([w("so", 10.3, 11.5)], levels: lv, utteranceStart: 10, noiseFloor: -42)
        #expect(abs(long[0].end - 11.2) < 0.011)
    }

    @Test func aHesitationHeardInThePauseNoiseIsDropped() {
        let lv = levels(seconds: 4, voiced: [0.3...0.99, 2.5...3.5])
        let words = [w("so", 10.3, 11.0), w("uh", 11.5, 11.7), w("uh", 12.5, 12.7), w("the", 11.8, 11.9)]
        let kept = WordEdges.tighten(words, levels: lv, utteranceStart: 10, noiseFloor: -42)
        #expect(kept.map(\.text) == ["so", "uh", "the"], "the voiced uh stays; an ordinary word is never dropped")
        #expect(kept[1].start == 12.5)
    }

    @Test func withoutAFloorTheUtterancesQuietFramesSetIt() {
        let lv = levels(seconds: 4, voiced: [0.3...0.99, 2.5...3.5])
        let words = [w("itself", 10.6, 11.2), w("then", 12.5, 12.8)]
        let tight = WordEdges.tighten(words, levels: lv, utteranceStart: 10, noiseFloor: nil)
        #expect(abs(tight[0].end - 11.0) < 0.011)
    }

    /// Answers every utterance with one word spanning all of it, pre-roll and trailing silence included.
    final class WholeUtterance: Transcribing {
        func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] {
            [RecognizedWord(text: "word", start: utterance.startSeconds,
                            end: utterance.startSeconds + Double(utterance.samples.count) / 16_000, confidence: 1)]
        }
    }

    @Test func theFileTranscriberChecksEdgesAgainstTheRecording() throws {
        // Hiss, 1 s of tone from 1.0 s, hiss: the utterance runs from 0.7 s (pre-roll) to 2.3 s.
        let hiss = (0..<16_000).map { Int16($0 % 13) - 6 }
        let tone = (0..<16_000).map { Int16(8_000 * sin(Double($0) * 2 * .pi * 220 / 16_000)) }
        let transcriber = StreamingTranscriber(recognizer: WholeUtterance(), noiseReduction: nil)
        try transcriber.append(hiss + tone + hiss)
        let words = try transcriber.finish()
        #expect(words.count == 1)
        #expect(abs(words[0].start - 1.0) <= 0.011, "\(words)")
        #expect(abs(words[0].end - 2.0) <= 0.011, "\(words)")
    }

    @Test func digitalSilenceFloorLeavesQuietTailsAlone() {
        // A clean recording: the floor is digital silence, so a -40 dB tail counts as voice.
        let lv = levels(seconds: 4, voiced: [0.3...0.99, 2.5...3.5])
        let words = [w("itself", 10.6, 11.2), w("then", 12.5, 12.8)]
        #expect(WordEdges.tighten(words, levels: lv, utteranceStart: 10, noiseFloor: -100) == words)
    }
}
