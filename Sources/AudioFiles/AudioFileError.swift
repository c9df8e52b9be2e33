import Foundation

/// Everything that can go wrong reading or writing a recording. Each case names the file and
/// carries the library's own words, so the CLI can print one line a user can act on.
public enum AudioFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case notReadable(path: String)
    case isDirectory(path: String)
    case emptyFile(path: String)
    case unsupportedFormat(path: String, libraryMessage: String)
    case damagedHeader(path: String, detail: String)
    case noSamples(path: String)
    case readFailed(path: String, libraryMessage: String)
    case resamplerFailed(path: String, libraryMessage: String)
    case writeFailed(path: String, libraryMessage: String)
    /// A take is never written over an existing file.
    case alreadyExists(path: String)
    case cannotCreate(path: String, systemMessage: String)

    public var path: String {
        switch self {
        case .notFound(let p), .notReadable(let p), .isDirectory(let p), .emptyFile(let p),
             .unsupportedFormat(let p, _), .damagedHeader(let p, _), .noSamples(let p), .readFailed(let p, _),
             .resamplerFailed(let p, _), .writeFailed(let p, _), .alreadyExists(let p),
             .cannotCreate(let p, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .notFound(let p):
            return "\(p): no such file — check the path"
        case .notReadable(let p):
            return "\(p): permission denied — make the file readable (chmod u+r) and try again"
        case .isDirectory(let p):
            return "\(p): is a directory, not a recording"
        case .emptyFile(let p):
            return "\(p): the file is empty (0 bytes) — the recording was not saved"
        case .unsupportedFormat(let p, let msg):
            return "\(p): not a recording Rehearse can read (libsndfile: \(msg)); use WAV, FLAC or Ogg/Vorbis"
        case .damagedHeader(let p, let detail):
            return "\(p): the header looks damaged (\(detail)); export the recording again"
        case .noSamples(let p):
            return "\(p): the recording holds no audio samples"
        case .readFailed(let p, let msg):
            return "\(p): reading failed part-way (libsndfile: \(msg)); the file may be truncated"
        case .resamplerFailed(let p, let msg):
            return "\(p): could not convert to 16 kHz (libsoxr: \(msg))"
        case .writeFailed(let p, let msg):
            return "\(p): could not write the recording (libsndfile: \(msg))"
        case .alreadyExists(let p):
            return "\(p): already exists; Rehearse never records over a file — choose another name"
        case .cannotCreate(let p, let msg):
            return "\(p): cannot create the recording (\(msg))"
        }
    }
}
