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
            let samples = try SpeechAudioReader(path: path).readAll()
            return .peaks(peaks(samples, buckets: buckets),
                          seconds: Double(samples.count) / Double(SpeechAudioReader.speechRate))
        } catch {
            return .unreadable(path: path, reason: "\(error)")
        }
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
