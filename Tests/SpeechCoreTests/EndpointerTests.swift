import Analysis
import Foundation
import SpeechCore
import Testing
import TestSupport

@Suite("Endpointer")
struct EndpointerTests {
    /// Quiet room noise with a louder stretch standing in for speech.
    private func audio(_ spans: [(seconds: Double, amplitude: Double)]) -> [Int16] {
        var generator = SplitMix64(seed: 20261206)
        return spans.flatMap { span in
            (0..<Int(span.seconds * 16_000)).map { i in
                let noise = Double.random(in: -30...30, using: &generator)
                return Int16(noise + span.amplitude * sin(Double(i) * 2 * .pi * 220 / 16_000))
            }
        }
    }

    @Test("fires once the configured silence has followed speech, not before")
    func firesAfterSilence() {
        var endpointer = Endpointer(silenceSeconds: 1.0)
        let samples = audio([(1, 0), (1.5, 8_000), (3, 0)])
        var firedAt: Double?
        for start in stride(from: 0, to: samples.count, by: 320) where firedAt == nil {
            if endpointer.append(Array(samples[start..<min(samples.count, start + 320)])) {
                firedAt = endpointer.elapsedSeconds
            }
        }
        #expect(firedAt.map { abs($0 - 3.5) < 0.1 } == true, "fired at \(String(describing: firedAt))")
        #expect(endpointer.lastSpeechEnd.map { abs($0 - 2.5) < 0.05 } == true)
    }

    @Test("silence alone or a short click never ends the take")
    func needsSpeech() {
        var endpointer = Endpointer(silenceSeconds: 0.5)
        let fired = endpointer.append(audio([(2, 0), (0.05, 8_000), (2, 0)]))
        #expect(!fired)
        #expect(!endpointer.heardSpeech)
    }
}
