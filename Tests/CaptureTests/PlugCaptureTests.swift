import AudioFiles
import Foundation
import Testing
import TestSupport

/// Capture from a device that records 48 kHz stereo, as most sound cards do, through ALSA's
/// `plug` (what `default` and `plughw:` give on a real machine): ALSA resamples and downmixes,
/// and the take must still be the answer that was spoken.
@Suite("ALSA capture through plug from a 48 kHz stereo device", .serialized)
struct PlugCaptureTests {
    /// Interleaved 48 kHz stereo samples of a sox effect chain (`sox IN... -t raw`).
    private func stereo48k(_ arguments: [String], in dir: URL) throws -> [Int16] {
        let raw = dir.appendingPathComponent("input48k.raw")
        try Fixtures.sox(arguments + ["-r", "48000", "-c", "2", "-b", "16", "-e", "signed", "-t", "raw", raw.path])
        let bytes = try Data(contentsOf: raw)
        return bytes.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    private func record(_ samples: [Int16], seconds: Double) throws -> (run: (status: Int32, stdout: String, stderr: String), take: URL, mic: TestMicrophone) {
        let mic = try TestMicrophone(.plug48kStereo(samples))
        let take = mic.directory.appendingPathComponent("take.wav")
        let run = try RehearseProcess.run(["record", take.path, "--device", mic.deviceName, "--max", "\(seconds)"],
                                          environment: mic.environment, in: mic.directory)
        return (run, take, mic)
    }

    @Test("a tone on the left channel only arrives as a 16 kHz mono take at its own pitch, at half level")
    func toneIsResampledAndDownmixed() throws {
        let dir = Fixtures.tempDirectory()
        // Left: 440 Hz at half scale; right: silence. ALSA's route plugin averages the two.
        let input = try stereo48k(["-n", "-r", "48000", "-c", "2", "-b", "16", "synth", "2", "sine", "440", "sine", "0",
                                   "remix", "1", "0", "gain", "-6"], in: dir)
        #expect(input.count == 2 * 96_000)
        let (run, take, _) = try record(input, seconds: 2)
        #expect(run.status == 0, "\(run.stderr)")
        let reader = try SpeechAudioReader(path: take.path)
        #expect(reader.format.sampleRate == 16_000 && reader.format.channels == 1)
        let captured = try Fixtures.wavSamples(take)
        #expect(captured.count == 32_000, "2 s at 16 kHz: \(captured.count) samples")
        let frequency = dominantFrequency(Array(captured.dropFirst(800)))
        #expect(abs(frequency - 440) < 5, "\(frequency) Hz")
        let inputPeak = input.enumerated().filter { $0.offset % 2 == 0 }.map { abs(Int($0.element)) }.max() ?? 0
        let peak = captured.dropFirst(800).map { abs(Int($0)) }.max() ?? 0
        let ratio = Double(peak) / Double(inputPeak)
        #expect(ratio > 0.4 && ratio < 0.6, "peak \(peak) against \(inputPeak) on the left channel")
    }

    @Test("speech captured from 48 kHz stereo is heard as the 16 kHz original is")
    func speechThroughPlugIsHeardTheSame() throws {
        let dir = Fixtures.tempDirectory()
        let original = Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path
        let input = try stereo48k([original], in: dir)
        let seconds = Double(input.count / 2) / 48_000
        let (run, take, mic) = try record(input, seconds: seconds)
        #expect(run.status == 0, "\(run.stderr)")
        let captured = try Fixtures.wavSamples(take)
        #expect(abs(Double(captured.count) / 16_000 - seconds) < 0.05, "take \(captured.count) samples for \(seconds) s")

        func words(_ path: String) throws -> [String] {
            let score = try RehearseProcess.run(["score", path, "--json", "--no-save"], environment: mic.environment, in: mic.directory)
            #expect(score.status == 0, "\(score.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
            let transcript = try #require(json["transcript"] as? [String: Any])
            return ((transcript["words"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        }
        let heard = try words(take.path)
        let reference = try words(original)
        #expect(reference.count >= 10)
        let shared = Set(heard).intersection(reference).count
        #expect(Double(shared) >= 0.8 * Double(Set(reference).count), "through plug: \(heard)\noriginal: \(reference)")
    }
}
