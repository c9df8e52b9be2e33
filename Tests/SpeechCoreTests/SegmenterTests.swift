import Analysis
import Foundation
import Testing
import TestSupport
@testable import SpeechCore

/// Synthetic audio: tone bursts ("speech") separated by quiet stretches. The tone is
/// modulated at 4 Hz, the rate of syllables, so it dips between "syllables" as speech does.
private func signal(_ pattern: [(seconds: Double, speech: Bool)], noise: Double = 30) -> [Int16] {
    var out: [Int16] = []
    var rng = SplitMix64(seed: 20261206)
    var t = 0
    for (seconds, speech) in pattern {
        for _ in 0..<Int(seconds * 16_000) {
            let n = Double.random(in: -noise...noise, using: &rng)
            let syllable = 0.55 + 0.45 * sin(2 * .pi * 4 * Double(t) / 16_000)
            let s = speech ? 8000 * syllable * sin(2 * .pi * 300 * Double(t) / 16_000) : 0
            out.append(Int16(s + n))
            t += 1
        }
    }
    return out
}

@Suite("Utterance segmentation")
struct SegmenterTests {
    private func utterances(_ audio: [Int16], block: Int = 1000, configuration: UtteranceSegmenter.Configuration = .init()) -> [Utterance] {
        var seg = UtteranceSegmenter(configuration: configuration)
        var out: [Utterance] = []
        var i = 0
        while i < audio.count {
            out += seg.append(Array(audio[i..<min(audio.count, i + block)]))
            i += block
        }
        return out + seg.finish()
    }

    @Test("speech separated by a long silence becomes two utterances at the right times")
    func twoUtterances() {
        let audio = signal([(1, false), (2, true), (1.5, false), (1, true), (1, false)])
        let u = utterances(audio)
        #expect(u.count == 2)
        // Each starts within the pre-roll before its speech and covers all of it.
        #expect(abs(u[0].startSeconds - 0.7) < 0.05)
        #expect(u[0].startSeconds + Double(u[0].samples.count) / 16_000 >= 3.0)
        #expect(abs(u[1].startSeconds - 4.2) < 0.05)
        #expect(u[1].startSeconds + Double(u[1].samples.count) / 16_000 >= 5.5)
    }

    @Test("a short gap between words does not split")
    func shortGap() {
        let u = utterances(signal([(0.5, false), (1, true), (0.3, false), (1, true), (1, false)]))
        #expect(u.count == 1)
    }

    @Test("silence alone yields no utterance; a click is dropped")
    func silence() {
        #expect(utterances(signal([(5, false)])).isEmpty)
        #expect(utterances(signal([(1, false), (0.03, true), (1, false)])).isEmpty)
    }

    @Test("continuous speech is cut at the maximum length and nothing is lost")
    func forcedSplit() {
        var config = UtteranceSegmenter.Configuration()
        config.maxUtterance = 5
        let audio = signal([(0.5, false), (12, true), (0.5, false)])
        let u = utterances(audio, configuration: config)
        #expect(u.count >= 3)
        #expect(u.allSatisfy { Double($0.samples.count) / 16_000 <= 5.01 })
        // Consecutive pieces join without a gap.
        for (a, b) in zip(u, u.dropFirst()) { #expect(a.startSample + a.samples.count == b.startSample) }
    }

    @Test("block size does not change the result")
    func blockSizes() {
        let audio = signal([(1, false), (2, true), (1, false), (1, true), (0.5, false)])
        let a = utterances(audio, block: 160).map(\.startSample)
        let b = utterances(audio, block: 4093).map(\.startSample)
        #expect(a == b)
    }

    @Test("the noise floor follows steady background noise")
    func noiseFloor() {
        var vad = EnergyVAD()
        let noisy = signal([(2, false)], noise: 1500)
        var speechFrames = 0
        for start in stride(from: 0, to: noisy.count - 160, by: 160) where vad.isSpeech(noisy[start..<start + 160]) {
            speechFrames += 1
        }
        #expect(speechFrames < 5)
        #expect(vad.noiseFloor! > -40)
    }
}

/// Files and live takes share one segmenter: what `stream` releases bit by bit is exactly
/// what `append` hands over as whole utterances.
@Suite struct StreamedSegmentsTests {
    private func speech(_ seed: UInt64) -> [Int16] {
        var rng = SplitMix64(seed: seed)
        var out: [Int16] = []
        for _ in 0..<12 {
            out += SyntheticAudio.hiss(Double.random(in: 0.1...1.2, using: &rng))
            out += SyntheticAudio.tone(Double.random(in: 0.05...9, using: &rng))
        }
        return out + SyntheticAudio.hiss(0.5)
    }

    @Test("streamed audio adds up to the file's utterances, at the same starts", arguments: [1, 2, 3] as [UInt64])
    func streamMatchesWholeUtterances(seed: UInt64) {
        var configuration = UtteranceSegmenter.Configuration()
        configuration.maxUtterance = 6   // forced cuts happen too
        let audio = speech(seed)
        var whole = UtteranceSegmenter(configuration: configuration)
        var utterances = whole.append(audio)
        utterances += whole.finish()

        var live = UtteranceSegmenter(configuration: configuration)
        var events: [SegmentEvent] = []
        for block in audio.blocks(of: 320) { events += live.stream(block) }
        events += live.finishStream()
        var streamed: [Utterance] = []
        var open: Utterance?
        for event in events {
            switch event {
            case .began(let start): #expect(open == nil); open = Utterance(samples: [], startSample: start)
            case .audio(let samples): open?.samples += samples
            case .ended(let keep): if keep, let open { streamed.append(open) }; open = nil
            }
        }
        #expect(utterances.count >= 4)
        #expect(streamed.map(\.startSample) == utterances.map(\.startSample))
        #expect(streamed.map(\.samples) == utterances.map(\.samples))
    }
}
