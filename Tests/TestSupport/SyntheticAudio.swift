import Foundation

/// Deterministic test signals at 16 kHz: a voiced-like tone and a faint hiss.
public enum SyntheticAudio {
    public static func tone(_ seconds: Double, amplitude: Double = 8_000) -> [Int16] {
        (0..<Int(seconds * 16_000)).map { Int16(amplitude * sin(Double($0) * 2 * .pi * 220 / 16_000)) + Int16($0 % 7) }
    }

    public static func hiss(_ seconds: Double) -> [Int16] { (0..<Int(seconds * 16_000)).map { Int16($0 % 13) - 6 } }
}
