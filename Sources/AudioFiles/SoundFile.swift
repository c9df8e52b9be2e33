import CSndFile
import Foundation

/// Owns one libsndfile handle. The only place in Rehearse that calls `sf_*`.
final class SoundFile {
    let path: String
    let format: AudioFormat
    private let handle: OpaquePointer

    /// Opens `path` for reading, turning every libsndfile failure into an `AudioFileError`.
    init(readingFrom path: String) throws(AudioFileError) {
        try Self.checkReadable(path)
        var info = SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
            throw .unsupportedFormat(path: path, libraryMessage: Self.lastError(nil))
        }
        self.path = path
        self.handle = handle
        self.format = AudioFormat(sampleRate: Int(info.samplerate), channels: Int(info.channels),
                                  frames: info.frames, formatName: Self.describe(info.format),
                                  truncated: Self.headerOverstatesData(handle))
        guard info.samplerate > 0, info.channels > 0 else {
            sf_close(handle)
            throw .unsupportedFormat(path: path, libraryMessage: "header gives \(info.samplerate) Hz, \(info.channels) channels")
        }
        // libsndfile takes a header's numbers as they are. A rate no recorder uses (PocketSphinx's
        // own awful.wav says 1092676 Hz: 44100 with a byte gone wrong) is a damaged header, and
        // scoring it would only print "no speech" for a file that may well hold some.
        guard Self.plausibleRates.contains(Int(info.samplerate)), Int(info.channels) <= Self.maxChannels else {
            sf_close(handle)
            throw .damagedHeader(path: path, detail: "it says \(info.samplerate) Hz and \(info.channels) channel(s); "
                + "recordings use \(Self.plausibleRates.lowerBound / 1000)–\(Self.plausibleRates.upperBound / 1000) kHz "
                + "and at most \(Self.maxChannels) channels")
        }
    }

    /// Sample rates a real recording can have: 4 kHz (below telephone quality) to 384 kHz
    /// (the highest rate audio interfaces offer).
    static let plausibleRates = 4_000...384_000
    static let maxChannels = 64

    deinit { sf_close(handle) }

    /// Reads up to `frames` interleaved frames as Float in [-1, 1]; returns the frames read (0 at the end).
    func readFrames(into buffer: inout [Float], frames: Int) throws(AudioFileError) -> Int {
        let needed = frames * format.channels
        if buffer.count < needed { buffer = [Float](repeating: 0, count: needed) }
        let got = buffer.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(frames)) }
        if got < 0 || (got == 0 && sf_error(handle) != 0) {
            throw .readFailed(path: path, libraryMessage: Self.lastError(handle))
        }
        return Int(got)
    }

    /// libsndfile notes "data : 64000 (should be 16000)" in its parse log when a chunk claims
    /// more bytes than the file has; that is how a cut-off recording shows.
    private static func headerOverstatesData(_ handle: OpaquePointer) -> Bool {
        var log = [CChar](repeating: 0, count: 4096)
        let length = sf_command(handle, Int32(SFC_GET_LOG_INFO), &log, Int32(log.count))
        guard length > 0 else { return false }
        let text = log.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return text.split(separator: "\n").contains { $0.hasPrefix("data") && $0.contains("should be") }
    }

    private static func lastError(_ handle: OpaquePointer?) -> String {
        String(cString: sf_strerror(handle))
    }

    /// Human-readable container / encoding, from libsndfile's own tables.
    private static func describe(_ format: Int32) -> String {
        func name(_ code: Int32) -> String? {
            var fi = SF_FORMAT_INFO(format: code, name: nil, extension: nil)
            guard sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &fi, Int32(MemoryLayout<SF_FORMAT_INFO>.size)) == 0,
                  let cName = fi.name else { return nil }
            return String(cString: cName)
        }
        let major = name(format & Int32(SF_FORMAT_TYPEMASK)) ?? "unknown container"
        let minor = name(format & Int32(SF_FORMAT_SUBMASK)) ?? "unknown encoding"
        return "\(major) / \(minor)"
    }

    /// libsndfile reports a missing file and an empty file with the same vague message, so
    /// check what we can first and give the user the precise reason.
    static func checkReadable(_ path: String) throws(AudioFileError) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw .notFound(path: path) }
        if isDir.boolValue { throw .isDirectory(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .notReadable(path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
        if size == 0 { throw .emptyFile(path: path) }
    }
}
