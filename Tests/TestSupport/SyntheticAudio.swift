import Foundation

/// Deterministic test signals at 16 kHz: a voiced-like tone and a faint hiss.
public enum SyntheticAudio {
    public static func tone(_ seconds: Double, amplitude: Double = 8_000) -> [Int16] {
        (0..<Int(seconds * 16_000)).map { Int16(amplitude * sin(Double($0) * 2 * .pi * 220 / 16_000)) + Int16($0 % 7) }
    }

    public static func hiss(_ seconds: Double) -> [Int16] { (0..<Int(seconds * 16_000)).map { Int16($0 % 13) - 6 } }
}

/// SplitMix64: a seeded generator, so a test that draws random audio fails the same way twice.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
