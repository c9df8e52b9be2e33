import Foundation
import Testing
@testable import SpeechCore
import Analysis

/// White noise of roughly `amplitude` RMS (uniform, so RMS = amplitude).
private func noise(_ count: Int, amplitude: Double, seed: UInt64 = 7) -> [Double] {
    var rng = SplitMix64(seed: seed)
    let half = amplitude * 3.0.squareRoot()
    return (0..<count).map { _ in Double.random(in: -half...half, using: &rng) }
}

/// A 4 Hz-modulated 500 Hz tone: a stand-in for voiced speech.
private func tone(_ count: Int, amplitude: Double) -> [Double] {
    (0..<count).map { t in
        let syllable = 0.55 + 0.45 * sin(2 * .pi * 4 * Double(t) / 16_000)
        return amplitude * syllable * sin(2 * .pi * 500 * Double(t) / 16_000)
    }
}

private func int16(_ x: [Double]) -> [Int16] { x.map { Int16(max(-32768, min(32767, $0.rounded()))) } }

/// Runs `audio` through a filter in blocks of `block` samples, as the pipeline does.
private func filtered(_ audio: [Int16], noise spectrum: [Double]?, block: Int) -> [Int16] {
    var filter = NoiseFilter()
    var out: [Int16] = []
    var i = 0
    while i < audio.count {
        out += filter.process(Array(audio[i..<min(audio.count, i + block)]), noise: spectrum)
        i += block
    }
    return out + filter.finish(noise: spectrum)
}

private func power(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 } / Double(max(1, x.count)) }

@Suite("Noise reduction")
struct NoiseReductionTests {
    @Test func fftRoundTripAndPeak() {
        let fft = FFT(size: 512)
        var signal: [Double] = []
        for i in 0..<512 {
            let t = Double(i) / 512
            signal.append(sin(2 * Double.pi * 32 * t) + 0.25 * cos(2 * Double.pi * 100 * t))
        }
        var re = signal, im = [Double](repeating: 0, count: 512)
        fft.transform(&re, &im, inverse: false)
        var magnitude: [Double] = []
        for k in 0..<257 { magnitude.append((re[k] * re[k] + im[k] * im[k]).squareRoot()) }
        #expect(abs(magnitude[32] - 256) < 1e-6)   // N/2 for a unit sine
        #expect(abs(magnitude[100] - 64) < 1e-6)
        for k in 0..<257 where k != 32 && k != 100 { #expect(magnitude[k] < 1e-6, "bin \(k)") }
        fft.transform(&re, &im, inverse: true)
        #expect(zip(re, signal).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func exponentialIntegralMatchesTables() {
        // E1 at points either side of the switch between series and rational approximation.
        for (x, expected) in [(0.01, 4.037_929_576), (0.1, 1.822_923_958), (0.5, 0.559_773_595), (1.0, 0.219_383_934),
                              (2.0, 0.048_900_511), (5.0, 0.001_148_296)] {
            let e = NoiseFilter.exponentialIntegral(x)
            #expect(abs(e - expected) / expected < 1e-3, "E1(\(x)) = \(e), expected \(expected)")
        }
    }

    @Test(arguments: [1, 100, 160, 4096])
    func withoutAnEstimateTheAudioPassesThroughInPlace(block: Int) {
        let audio = int16(zip(tone(20_000, amplitude: 6000), noise(20_000, amplitude: 300)).map(+))
        let out = filtered(audio, noise: nil, block: block)
        #expect(out.count == audio.count)
        #expect(zip(out, audio).allSatisfy { abs(Int($0) - Int($1)) <= 1 })
    }

    @Test func trackerFindsTheNoiseFloorUnderSpeech() {
        // 0.5 s of noise, then 3 s of loud "speech" over the same noise, then 0.5 s of noise.
        let n = 16_000 * 4
        let background = noise(n, amplitude: 200)
        var speech = tone(n, amplitude: 8000)
        for i in 0..<8000 { speech[i] = 0; speech[n - 1 - i] = 0 }
        var tracker = NoiseTracker()
        #expect(tracker.noisePower == nil)
        let audio = int16(zip(speech, background).map(+))
        var i = 0
        while i < audio.count { tracker.observe(Array(audio[i..<min(audio.count, i + 1600)])); i += 1600 }
        let estimate = try! #require(tracker.noisePower)
        // White noise of RMS a through a Hann window of 512: a^2 * sum(w^2) = a^2 * 192 per bin.
        let expected = 200.0 * 200.0 * 192
        let middle = estimate[20..<240]
        let mean = middle.reduce(0, +) / Double(middle.count)
        #expect(mean > expected / 1.6 && mean < expected * 1.6, "noise estimate \(mean), expected about \(expected)")
        // The tone's bin (500 Hz = bin 16) is not mistaken for noise.
        #expect(estimate[16] < expected * 3, "tone bin \(estimate[16])")
    }

    @Test func speechWithoutPausesIsNotTakenForNoise() {
        // Four seconds of "reading": the level rises and falls with each syllable over about
        // 30 dB and never rests on a floor, as in an audiobook clip cut between pauses.
        let n = 16_000 * 4
        var audio: [Double] = []
        for t in 0..<n {
            let envelope = 0.03 + abs(sin(2 * Double.pi * 2.5 * Double(t) / 16_000))
            audio.append(8000 * envelope * sin(2 * Double.pi * 300 * Double(t) / 16_000))
        }
        var tracker = NoiseTracker()
        tracker.observe(int16(zip(audio, noise(n, amplitude: 2)).map(+)))
        #expect(!tracker.isSteady)
        #expect(tracker.noisePower == nil)

        // The same reading over a fan's steady hiss, with a second of it before the first word.
        var fan = NoiseTracker()
        fan.observe(int16(noise(16_000, amplitude: 400, seed: 5) + zip(audio, noise(n, amplitude: 400, seed: 6)).map(+)))
        #expect(fan.isSteady)
        #expect(fan.noisePower != nil)
    }

    @Test func filterRaisesTheSignalToNoiseRatioWithoutMovingTheSignal() {
        let n = 16_000 * 3
        let clean = tone(n, amplitude: 3000)
        let background = noise(n, amplitude: 600)   // about 11 dB SNR
        let audio = int16(zip(clean, background).map(+))
        var tracker = NoiseTracker()
        tracker.observe(int16(noise(16_000, amplitude: 600, seed: 99)))  // a second of room tone first
        let spectrum = try! #require(tracker.noisePower)
        let out = filtered(audio, noise: spectrum, block: 1024).map(Double.init)
        #expect(out.count == audio.count)
        let before = 10 * log10(power(clean) / power(zip(audio, clean).map { Double($0) - $1 }))
        let after = 10 * log10(power(clean) / power(zip(out, clean).map { $0 - $1 }))
        #expect(after > before + 6, "SNR \(before) dB -> \(after) dB")
        // Shifting the output by a few samples makes it match the tone worse: no delay was added.
        let shifted = 10 * log10(power(clean.dropLast(8).map { $0 }) / power(zip(out.dropFirst(8), clean.dropLast(8)).map { $0 - $1 }))
        #expect(after > shifted + 3, "aligned \(after) dB, shifted by 8 samples \(shifted) dB")
    }

    @Test func filterLowersNoiseAloneByAtLeastTheFloor() {
        let background = noise(16_000 * 2, amplitude: 500, seed: 3)
        var tracker = NoiseTracker()
        tracker.observe(int16(background))
        let out = filtered(int16(background), noise: tracker.noisePower, block: 512).map(Double.init)
        let reduction = 10 * log10(power(background) / power(out))
        // The gain floor is 0.2 (-14 dB); the estimator lands close to it on pure noise.
        let floor = -20 * log10(NoiseFilter.Configuration().gainFloor)
        #expect(reduction > floor - 5 && reduction < floor + 3, "noise lowered by \(reduction) dB, floor \(floor) dB")
    }
}

@Suite struct BandwidthMeterTests {
    /// `count` samples of the sum of sines at `frequencies`, swelling and fading 4 times a second.
    private func chord(_ count: Int, _ frequencies: [Double]) -> [Int16] {
        int16((0..<count).map { t in
            let syllable = 0.55 + 0.45 * sin(2 * .pi * 4 * Double(t) / 16_000)
            return frequencies.reduce(0) { $0 + 2000 * syllable * sin(2 * .pi * $1 * Double(t) / 16_000) }
        })
    }

    @Test func fullBandAudioIsNotNarrowband() throws {
        var meter = BandwidthMeter()
        meter.observe(chord(32_000, [300, 1200, 2500, 5000, 6500]))
        let db = try #require(meter.highBandDB)
        #expect(abs(db - 10 * log10(2.0 / 3.0)) < 1, "two of the five tones are above 4.25 kHz: \(db)")
        #expect(!meter.isNarrowband)
    }

    @Test func audioThatStopsAtFourKilohertzIsNarrowband() throws {
        var meter = BandwidthMeter()
        // In blocks, as a transcriber feeds it: frames span the block edges.
        let audio = chord(32_000, [300, 1200, 2500, 3500])
        var i = 0
        while i < audio.count { meter.observe(Array(audio[i..<min(audio.count, i + 333)])); i += 333 }
        let db = try #require(meter.highBandDB)
        #expect(db < BandwidthMeter.narrowbandBelow, "\(db)")
        #expect(meter.isNarrowband)
    }

    @Test func silenceAndShortAudioGiveNoVerdict() {
        var silent = BandwidthMeter()
        silent.observe([Int16](repeating: 0, count: 32_000))
        #expect(silent.highBandDB == nil && !silent.isNarrowband)
        var short = BandwidthMeter()
        short.observe(chord(BandwidthMeter.minimumFrames * NoiseReduction.frameLength - 1, [300, 3500]))
        #expect(short.highBandDB == nil)
    }

    @Test func theReducerMeasuresWithTheFilterOff() {
        var off = NoiseReducer(configuration: nil)
        off.observe(chord(32_000, [300, 1200, 2500, 3500]))
        #expect(off.summary.isNarrowband)
        #expect(off.summary.speechAboveNoise == nil)
    }
}
