import CSndFile
import Foundation

/// Writes a take to a 16 kHz mono 16-bit WAV while it is being recorded. libsndfile rewrites
/// the header after every block (SFC_SET_UPDATE_HEADER_AUTO) and writes straight to the file
/// descriptor, so a Ctrl-C, SIGTERM or crash at any moment leaves a playable WAV holding every
/// sample written so far. Owns one libsndfile write handle.
public final class TakeWriter {
    public let path: String
    public let sampleRate: Int
    public private(set) var framesWritten = 0
    private var handle: OpaquePointer?

    /// How the file comes to be: created here and never over an existing file, or an empty
    /// file this process has just created exclusively to reserve the name (`TakeStore`).
    public enum Creation: Sendable { case new, reserved }

    /// The take is created 0600 (a person's voice is theirs alone) with `O_EXCL`, so two
    /// recorders can never write into one file and an existing file is never truncated.
    public init(path: String, sampleRate: Int = SpeechAudioReader.speechRate, creation: Creation = .new) throws(AudioFileError) {
        self.path = path
        self.sampleRate = sampleRate
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        let flags = creation == .new ? O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC : O_RDWR | O_NOFOLLOW | O_CLOEXEC
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { throw .alreadyExists(path: path) }
            throw .cannotCreate(path: path, systemMessage: String(cString: strerror(code)))
        }
        var existing = stat()
        if creation == .reserved, fstat(fd, &existing) == 0, existing.st_size != 0 {
            Glibc.close(fd)
            throw .alreadyExists(path: path)
        }
        _ = fchmod(fd, 0o600)
        // libsndfile closes the descriptor with the handle (close_desc = SF_TRUE).
        guard let handle = sf_open_fd(fd, Int32(SFM_WRITE), &info, Int32(SF_TRUE)) else {
            Glibc.close(fd)
            throw .writeFailed(path: path, libraryMessage: String(cString: sf_strerror(nil)))
        }
        self.handle = handle
        // Returns the new setting (SF_TRUE), not a status code.
        _ = sf_command(handle, Int32(SFC_SET_UPDATE_HEADER_AUTO), nil, Int32(SF_TRUE))
    }

    deinit { if let handle { sf_close(handle) } }

    /// Appends samples; the header on disk is valid when this returns.
    public func write(_ samples: [Int16]) throws(AudioFileError) {
        guard !samples.isEmpty else { return }
        guard let handle else { throw .writeFailed(path: path, libraryMessage: "the take is already closed") }
        let written = samples.withUnsafeBufferPointer { sf_write_short(handle, $0.baseAddress, sf_count_t($0.count)) }
        framesWritten += Int(max(0, written))
        if Int(written) != samples.count {
            throw .writeFailed(path: path, libraryMessage: String(cString: sf_strerror(handle)))
        }
    }

    public var durationSeconds: Double { Double(framesWritten) / Double(sampleRate) }

    /// Finishes the file now rather than at deinit; further writes fail.
    public func close() {
        if let handle { sf_close(handle) }
        handle = nil
    }
}
