import Foundation

/// Whether a recording carries anything above 4 kHz.
///
/// A telephone line, a Bluetooth headset in call mode, or audio resampled up from 8 kHz stops
/// at 4 kHz while the file still says 16 kHz (or more), so the rate check in the report cannot
/// see it. PocketSphinx's en-us acoustic model was trained on 16 kHz speech and hears such audio
/// badly: flite's 8 kHz voice (kal, resampled to 16 kHz) had a word error rate of 0.44 on clean
/// speech where the 16 kHz voices had 0.10–0.18 (docs/recognizer.md, "Narrowband audio").
///
/// The measure: over the louder half of the 32 ms frames (speech rather than pauses), the power
/// from 4.25 to 8 kHz against the power from 0.3 to 4 kHz, in dB. Measured with a prototype of
/// this rule: the 16 kHz synthetic voices −46 to −12 dB (flite awb the lowest), PocketSphinx's
/// recordings of people −37 to 0 dB, the 8 kHz voice −78 to −60 dB.
public struct BandwidthMeter: Sendable {
    /// Under this, the recording is narrowband (9 dB below the lowest full-band recording seen).
    public static let narrowbandBelow = -55.0
    /// Frames needed for a verdict (about a second).
    public static let minimumFrames = 30

    private static let binHz = Double(SpeechAudio.sampleRate) / Double(NoiseReduction.frameLength)
    private static let lowBand = Int(300 / binHz)..<Int(4_000 / binHz)
    private static let highBand = Int(4_250 / binHz)..<NoiseReduction.bins

    private var frames: [(energy: Double, low: Double, high: Double)] = []
    private var cutter = PowerFrames()

    public init() {}

    /// One frame's power spectrum (`NoiseReduction.powerSpectrum`).
    mutating func add(_ power: [Double]) {
        let low = power[Self.lowBand].reduce(0, +), high = power[Self.highBand].reduce(0, +)
        frames.append((power.reduce(0, +), low, high))
    }

    /// Feeds raw audio (16 kHz mono), cut into frames the way `NoiseReducer` cuts it.
    public mutating func observe(_ samples: [Int16]) {
        for power in cutter.spectra(samples) { add(power) }
    }

    /// High band over low band in dB; nil before `minimumFrames` or over digital silence.
    public var highBandDB: Double? {
        guard frames.count >= Self.minimumFrames else { return nil }
        let median = frames.map(\.energy).sorted()[frames.count / 2]
        let loud = frames.filter { $0.energy >= median }
        let low = loud.reduce(0) { $0 + $1.low }, high = loud.reduce(0) { $0 + $1.high }
        guard low > 0 else { return nil }
        return 10 * log10(max(high, low * 1e-12) / low)
    }

    public var isNarrowband: Bool { Self.isNarrowband(highBandDB: highBandDB) }

    /// The verdict on a measure (`highBandDB`); no measure, no verdict.
    public static func isNarrowband(highBandDB: Double?) -> Bool {
        highBandDB.map { $0 < narrowbandBelow } ?? false
    }
}

/// Cuts a stream of samples into back-to-back 32 ms frames and their power spectra, keeping
/// the unfinished frame for the next block.
struct PowerFrames: Sendable {
    private var pending: [Double] = []

    mutating func spectra(_ samples: [Int16]) -> [[Double]] {
        pending.reserveCapacity(pending.count + samples.count)
        for s in samples { pending.append(Double(s)) }
        let n = NoiseReduction.frameLength
        var out: [[Double]] = []
        var offset = 0
        while pending.count - offset >= n {
            out.append(NoiseReduction.powerSpectrum(pending[offset..<offset + n]).power)
            offset += n
        }
        pending.removeFirst(offset)
        return out
    }
}
