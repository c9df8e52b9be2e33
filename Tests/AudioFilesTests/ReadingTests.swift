import Foundation
import Testing
@testable import AudioFiles
import TestSupport

@Suite("Reading recordings through libsndfile")
struct ReadingTests {
    static let formats: [(name: String, rate: Int, channels: Int, options: [String])] = [
        ("pcm8.wav", 16_000, 1, ["-b", "8", "-e", "unsigned-integer"]),
        ("pcm16.wav", 16_000, 1, ["-b", "16"]),
        ("pcm24.wav", 44_100, 2, ["-b", "24"]),
        ("pcm32.wav", 48_000, 1, ["-b", "32", "-e", "signed-integer"]),
        ("float.wav", 22_050, 2, ["-b", "32", "-e", "floating-point"]),
        ("tone.flac", 44_100, 1, []),
        ("tone.ogg", 44_100, 2, []),
        ("rate8k.wav", 8_000, 1, ["-b", "16"]),
        ("rate96k.wav", 96_000, 1, ["-b", "16"]),
        ("six.wav", 48_000, 6, ["-b", "16"]),
    ]

    @Test("every format, rate and channel count becomes 16 kHz mono with the tone intact",
          arguments: formats.map(\.name))
    func convert(name: String) throws {
        let spec = Self.formats.first { $0.name == name }!
        let dir = Fixtures.tempDirectory()
        let path = try Fixtures.tone(spec.name, in: dir, rate: spec.rate, channels: spec.channels, options: spec.options)
        let reader = try SpeechAudioReader(path: path)
        #expect(reader.format.sampleRate == spec.rate)
        #expect(reader.format.channels == spec.channels)
        let samples = try reader.readAll()
        #expect(abs(samples.count - 16_000) <= 64, "got \(samples.count) samples for 1 s")
        // Skip the edges, where the resampler's filter ramps in and out.
        let middle = Array(samples[2000..<14000])
        #expect(abs(dominantFrequency(middle) - 440) < 8, "tone came out at \(dominantFrequency(middle)) Hz")
        let peak = middle.map { abs(Int($0)) }.max() ?? 0
        #expect(peak > 12_000 && peak < 20_000, "a -6 dB tone should peak near 16400, got \(peak)")
    }

    @Test("long files are streamed in blocks")
    func streamsInBlocks() throws {
        let dir = Fixtures.tempDirectory()
        let path = try Fixtures.tone("long.wav", in: dir, rate: 44_100, channels: 2, seconds: 20)
        var blocks = 0, total = 0
        let summary = try SpeechAudioReader(path: path).stream(blockFrames: 4096) { blocks += 1; total += $0.count }
        #expect(blocks > 50)
        #expect(total == summary.samples && abs(total - 320_000) < 64)
    }

    @Test("heavy clipping is measured")
    func clipping() throws {
        let dir = Fixtures.tempDirectory()
        let path = try Fixtures.tone("clipped.wav", in: dir, rate: 16_000, channels: 1, options: ["-b", "16"], gain: 20)
        let summary = try SpeechAudioReader(path: path).stream { _ in }
        #expect(summary.clippedFraction > 0.2)
        let clean = try Fixtures.tone("clean.wav", in: dir, rate: 16_000, channels: 1, options: ["-b", "16"])
        #expect(try SpeechAudioReader(path: clean).stream { _ in }.clippedFraction == 0)
    }
}

@Suite("Bad recordings get a clear error")
struct BadInputTests {
    private func error(_ path: String) -> AudioFileError? {
        do { _ = try SpeechAudioReader(path: path).readAll(); return nil }
        catch let e as AudioFileError { return e }
        catch { Issue.record("unexpected error type \(error)"); return nil }
    }

    @Test("missing file")
    func missing() {
        #expect(error("/nonexistent/answer.wav") == .notFound(path: "/nonexistent/answer.wav"))
    }

    @Test("empty file")
    func empty() throws {
        let path = Fixtures.tempDirectory().appendingPathComponent("empty.wav").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(error(path) == .emptyFile(path: path))
    }

    @Test("a PNG and a text file named .wav are not recordings")
    func notAudio() throws {
        let dir = Fixtures.tempDirectory()
        let png = dir.appendingPathComponent("picture.wav").path
        _ = FileManager.default.createFile(atPath: png, contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 200)))
        let txt = dir.appendingPathComponent("notes.wav").path
        try "we chose s3 because it was cheap".write(toFile: txt, atomically: true, encoding: .utf8)
        for path in [png, txt] {
            guard case .unsupportedFormat(let p, let message)? = error(path) else {
                Issue.record("\(path) was accepted"); continue
            }
            #expect(p == path && !message.isEmpty)
            #expect(error(path)!.description.hasPrefix(path + ": not a recording"))
        }
    }

    @Test("a truncated WAV gives what it holds, and the reader can tell it is short")
    func truncated() throws {
        let dir = Fixtures.tempDirectory()
        let path = try Fixtures.tone("full.wav", in: dir, rate: 16_000, channels: 1, seconds: 2, options: ["-b", "16"])
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = dir.appendingPathComponent("cut.wav").path
        _ = FileManager.default.createFile(atPath: cut, contents: data.prefix(44 + 16_000 * 2 / 2))  // header + 0.5 s
        let reader = try SpeechAudioReader(path: cut)
        let samples = try reader.readAll()
        #expect(abs(samples.count - 8_000) < 10)
        #expect(reader.format.truncated)
        #expect(try !SpeechAudioReader(path: path).format.truncated)
    }

    @Test("PocketSphinx's own malformed WAVs each give the error that names their fault",
          arguments: [("bad.wav", "unsupported"), ("evil.wav", "unsupported"),
                      ("null.wav", "noSamples"), ("awful.wav", "damagedHeader")])
    func malformed(name: String, fault: String) {
        let path = Fixtures.peer.appendingPathComponent("malformed/\(name)").path
        guard let error = error(path) else {
            Issue.record("\(name) was read as a recording")
            return
        }
        #expect(error.description.hasPrefix(path + ":"))
        switch (error, fault) {
        case (.unsupportedFormat, "unsupported"), (.noSamples, "noSamples"): break
        case (.damagedHeader(_, let detail), "damagedHeader"):
            #expect(detail.contains("1092676 Hz"))  // 44100 with a byte gone wrong
        default: Issue.record("\(name): \(error)")
        }
    }

    @Test("a header with zero samples is an error, not an empty report")
    func zeroSamples() throws {
        let dir = Fixtures.tempDirectory()
        let path = dir.appendingPathComponent("zero.wav").path
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", "0"])
        #expect(error(path) == .noSamples(path: path))
    }
}
