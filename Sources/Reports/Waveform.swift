import AudioFiles
import Foundation
import History

/// What the HTML report can draw of a recording: its loudness envelope, or why there is none.
public enum Waveform: Sendable, Hashable {
    /// Peak levels from 0 to 1, evenly spread over `seconds` of audio.
    case peaks([Float], seconds: Double)
    /// The attempt points at a recording that is no longer there.
    case missing(path: String)
    case unreadable(path: String, reason: String)
    /// A typed answer: there never was a recording.
    case none

    public static func load(for attempt: Attempt, buckets: Int = 800) -> Waveform {
        guard let path = attempt.recordingPath else { return .none }
        guard FileManager.default.fileExists(atPath: path) else { return .missing(path: path) }
        do {
            return try streamedPeaks(path: path, buckets: buckets)
        } catch {
            return .unreadable(path: path, reason: "\(error)")
        }
    }

    /// The peaks of a recording read block by block: memory stays at one block and `buckets`
    /// floats however long the recording is (the whole of a two-hour file would be 230 MB).
    static func streamedPeaks(path: String, buckets: Int) throws -> Waveform {
        let reader = try SpeechAudioReader(path: path)
        let rate = Double(SpeechAudioReader.speechRate)
        // The header's length sets the buckets; a file longer than it says ends in the last one.
        let expected = max(1, Int((reader.format.durationSeconds * rate).rounded()))
        let count = max(1, min(buckets, expected))
        var peaks = [Int32](repeating: 0, count: count)
        var index = 0
        try reader.stream { block in
            for s in block {
                let bucket = min(count - 1, index * count / expected)
                peaks[bucket] = max(peaks[bucket], abs(Int32(s)))
                index += 1
            }
        }
        let used = min(count, max(1, (index - 1) * count / expected + 1))
        let scaled = peaks.prefix(used).map { Float($0) / 32768 }
        let top = scaled.max() ?? 0
        return .peaks(top > 0 ? scaled.map { $0 / top } : scaled, seconds: Double(index) / rate)
    }

    /// The loudest sample in each of `buckets` slices, scaled so the loudest slice is 1: a
    /// quiet recording still shows its shape.
    public static func peaks(_ samples: [Int16], buckets: Int) -> [Float] {
        guard !samples.isEmpty, buckets > 0 else { return [] }
        let count = min(buckets, samples.count)
        var peaks = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let lo = i * samples.count / count, hi = max(lo + 1, (i + 1) * samples.count / count)
            var peak: Int32 = 0
            for s in samples[lo..<hi] { peak = max(peak, abs(Int32(s))) }
            peaks[i] = Float(peak) / 32768
        }
        let top = peaks.max() ?? 0
        return top > 0 ? peaks.map { $0 / top } : peaks
    }
}
