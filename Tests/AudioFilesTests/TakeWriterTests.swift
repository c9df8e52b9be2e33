import AudioFiles
import Foundation
import Testing

@Suite("TakeWriter and SampleConverter")
struct TakeWriterTests {
    private func tempPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString.prefix(8))-\(name)").path
    }

    @Test("the WAV on disk is valid after every block, before the writer is closed")
    func headerValidWhileWriting() throws {
        let path = tempPath("take.wav")
        defer { unlink(path) }
        let writer = try TakeWriter(path: path)
        var expected: [Int16] = []
        for block in 0..<5 {
            let samples = (0..<320).map { Int16(truncatingIfNeeded: ($0 * 37 + block * 1000) % 20_000 - 10_000) }
            try writer.write(samples)
            expected += samples
            // Another reader, as a player would after a crash: the header must already count these.
            let reader = try SpeechAudioReader(path: path)
            #expect(reader.format.frames == Int64(expected.count))
            #expect(try reader.readAll() == expected)
        }
        #expect(writer.framesWritten == 1600)
        writer.close()
        #expect(throws: AudioFileError.self) { try writer.write([1, 2, 3]) }
    }

    @Test("an unwritable path names the file and the system's reason")
    func unwritable() {
        #expect(throws: AudioFileError.self) { try TakeWriter(path: "/nonexistent-dir/take.wav") }
        do { _ = try TakeWriter(path: "/nonexistent-dir/take.wav") } catch {
            #expect(error.description == "/nonexistent-dir/take.wav: cannot create the recording (No such file or directory)", "\(error)")
        }
    }

    @Test("48 kHz stereo from a device becomes 16 kHz mono of the same length and pitch")
    func converter() throws {
        let converter = try SampleConverter(inputRate: 48_000, inputChannels: 2)
        #expect(!converter.isIdentity)
        // One second of a 440 Hz tone, left and right equal, in 10 ms device blocks.
        let tone = (0..<48_000).map { Int16((sin(Double($0) * 2 * .pi * 440 / 48_000) * 12_000).rounded()) }
        var out: [Int16] = []
        for start in stride(from: 0, to: tone.count, by: 480) {
            let block = tone[start..<start + 480].flatMap { [$0, $0] }
            out += try converter.convert(block)
        }
        out += try converter.flush()
        #expect(abs(out.count - 16_000) <= 2)
        // 440 Hz crosses zero upwards 440 times a second.
        let upward = zip(out, out.dropFirst()).filter { $0 < 0 && $1 >= 0 }.count
        #expect(abs(upward - 440) <= 2)
        #expect(try SampleConverter(inputRate: 16_000, inputChannels: 1).isIdentity)
    }
}
