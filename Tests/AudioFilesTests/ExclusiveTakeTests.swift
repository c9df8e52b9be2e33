import AudioFiles
import Foundation
import Testing

/// Issue 23 #3 and #8: a take is created exclusively and privately; an existing file is never
/// truncated.
@Suite struct ExclusiveTakeTests {
    private func tempPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString.prefix(8))-\(name)").path
    }

    @Test func anExistingFileIsRefusedAndKeepsItsBytes() throws {
        let path = tempPath("take.wav")
        defer { unlink(path) }
        let earlier = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0) })
        try earlier.write(to: URL(fileURLWithPath: path))
        #expect(throws: AudioFileError.alreadyExists(path: path)) { try TakeWriter(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == earlier)
    }

    @Test func aNewTakeIsReadableOnlyByItsOwnerWhateverTheUmask() throws {
        let path = tempPath("private.wav")
        defer { unlink(path) }
        let writer = try TakeWriter(path: path)
        try writer.write([Int16](repeating: 100, count: 320))
        writer.close()
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func aReservedNameMustStillBeEmpty() throws {
        let path = tempPath("reserved.wav")
        defer { unlink(path) }
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AudioFileError.alreadyExists(path: path)) { try TakeWriter(path: path, creation: .reserved) }
    }
}
