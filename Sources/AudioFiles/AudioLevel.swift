import Foundation

/// Loudness of a stretch of 16-bit audio, for level meters and voice activity detection.
public enum AudioLevel {
    /// RMS level in dBFS (0 = full scale); digital silence and an empty block are -100.
    public static func decibels(_ samples: some Collection<Int16>) -> Double {
        guard !samples.isEmpty else { return -100 }
        var sum = 0.0
        for s in samples { let x = Double(s) / 32768; sum += x * x }
        let rms = (sum / Double(samples.count)).squareRoot()
        return rms > 0 ? max(-100, 20 * log10(rms)) : -100
    }
}
