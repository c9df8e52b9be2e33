import Foundation

/// Errors the pipeline raises itself (audio and speech errors pass through with their own text).
public enum RehearseError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case noRecordings(directory: String)
    case unreadableText(path: String, reason: String)
    case unknownQuestion(id: String, known: Int)
    case missingData(path: String, what: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// The answer was scored and shown but the history could not keep it.
    case notSaved(reason: String)
    /// `compare` was given one attempt twice (`compare 7 latest` when 7 is the latest).
    case sameAttempt(id: Int64)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file or directory — check the path"
        case .noRecordings(let d): return "\(d): no recordings in this folder (looked for .wav, .flac, .ogg, .aiff)"
        case .unreadableText(let p, let reason): return "\(p): cannot read the transcript (\(reason))"
        case .unknownQuestion(let id, let known):
            return "no question with id \"\(id)\" in the bank (\(known) questions) — list them with `rehearse questions`"
        case .missingData(let p, let what, let reason): return "\(p): cannot load the \(what) (\(reason))"
        case .cannotWrite(let p, let reason): return "\(p): cannot write the file (\(reason))"
        case .notSaved(let reason): return "\(reason) (score with --no-save to skip the history)"
        case .sameAttempt(let id):
            return "both are attempt #\(id); compare two different attempts — list them with `rehearse history`"
        }
    }
}

extension RehearseError {
    /// Why a data file could not be loaded, in a few words rather than Foundation's dump.
    public static func reason(loading error: any Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        switch error {
        case DecodingError.dataCorrupted(let c): return "not valid JSON: \(c.debugDescription)"
        case DecodingError.keyNotFound(let key, _): return "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        default: return "\(error)"
        }
    }
}
