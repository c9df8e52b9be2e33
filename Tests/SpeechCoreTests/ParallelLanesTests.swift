import Foundation
import Synchronization
import Testing
import TestSupport
@testable import SpeechCore

/// One recording decoded by several recognizers, each on its own part of it.
@Suite struct ParallelLanesTests {
    /// Names each utterance by its start and which recognizer heard it.
    final class Naming: Transcribing, @unchecked Sendable {
        let name: String
        let heard = Mutex<[Double]>([])
        init(_ name: String) { self.name = name }
        func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] {
            heard.withLock { $0.append(utterance.startSeconds) }
            usleep(20_000)  // long enough for the lanes to overlap
            return [RecognizedWord(text: name, start: utterance.startSeconds,
                                   end: utterance.startSeconds + Double(utterance.samples.count) / 16_000, confidence: 1)]
        }
    }

    /// Eight one-second bursts of tone, one every three seconds.
    private let audio: [Int16] = (0..<8).flatMap { _ in SyntheticAudio.hiss(2) + SyntheticAudio.tone(1) } + SyntheticAudio.hiss(1)

    private func decode(with recognizers: [Naming]) throws -> [RecognizedWord] {
        let transcriber = StreamingTranscriber(recognizers: recognizers, totalSamples: audio.count, noiseReduction: nil)
        for block in audio.blocks(of: 4_000) { try transcriber.append(block) }
        return try transcriber.finish()
    }

    @Test func twoLanesSplitTheRecordingByTimeAndKeepWordsInOrder() throws {
        let first = Naming("first"), second = Naming("second")
        let words = try decode(with: [first, second])
        #expect(words.count == 8)
        #expect(words.map(\.start) == words.map(\.start).sorted())
        // The first half's utterances go to the first recognizer, the second half's to the second.
        #expect(words.map(\.text) == Array(repeating: "first", count: 4) + Array(repeating: "second", count: 4), "\(words)")
        #expect(first.heard.withLock { $0 }.allSatisfy { $0 < 12.5 })
        #expect(second.heard.withLock { $0 }.allSatisfy { $0 >= 12 })
    }

    @Test func lanesGiveTheSameTimesAsOneRecognizer() throws {
        let one = try decode(with: [Naming("w")])
        let two = try decode(with: [Naming("w"), Naming("w")])
        #expect(one == two)
    }

    @Test func withoutTheLengthOnlyOneRecognizerIsUsed() throws {
        let first = Naming("first"), second = Naming("second")
        let transcriber = StreamingTranscriber(recognizers: [first, second], totalSamples: nil, noiseReduction: nil)
        try transcriber.append(audio)
        let words = try transcriber.finish()
        #expect(words.count == 8 && words.allSatisfy { $0.text == "first" })
    }
}
