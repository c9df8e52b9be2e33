import AudioFiles
import Foundation

/// Energy-based voice activity detection over 10 ms frames, pure Swift so it can be tested on
/// samples and shared by file decoding and live capture (Debian's PocketSphinx has no endpointer).
///
/// A frame is speech when its level is well above a noise floor that follows the quietest
/// recent frames: it drops at once to a quieter frame and rises slowly (about 2 s time
/// constant), so steady background noise becomes the floor and words stand out above it.
public struct EnergyVAD: Sendable {
    public static let frameSamples = 160  // 10 ms at 16 kHz

    /// How far above the noise floor a frame must be to count as speech.
    public var marginDecibels: Double = 9
    /// Never call anything quieter than this speech, however silent the room.
    public var minimumSpeechDecibels: Double = -55

    public private(set) var noiseFloor: Double? = nil

    public init() {}

    /// Level of a frame in dBFS (0 = full scale); digital silence is -100.
    public static func level(_ frame: some Collection<Int16>) -> Double { AudioLevel.decibels(frame) }

    /// Levels of consecutive whole 10 ms frames of `samples` (a short tail is left out).
    public static func frameLevels(_ samples: [Int16]) -> [Double] {
        stride(from: 0, to: samples.count - frameSamples + 1, by: frameSamples).map {
            level(samples[$0..<$0 + frameSamples])
        }
    }

    /// The background of one stretch of audio from its frame levels: the tenth-quietest
    /// percentile (`levels` must not be empty).
    public static func background(of levels: [Double]) -> Double {
        levels.sorted()[levels.count / 10]
    }

    /// Classifies one frame and updates the noise floor.
    public mutating func isSpeech(level: Double) -> Bool {
        let floor = noiseFloor ?? level
        let updated = level < floor ? level : floor + 0.005 * (level - floor)
        noiseFloor = updated
        return level >= max(updated + marginDecibels, minimumSpeechDecibels)
    }

    public mutating func isSpeech(_ frame: some Collection<Int16>) -> Bool {
        isSpeech(level: Self.level(frame))
    }
}
