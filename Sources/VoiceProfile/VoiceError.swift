import Foundation

/// Everything that can go wrong enrolling or using a voice, each one line for the user.
public enum VoiceError: Error, CustomStringConvertible, Equatable {
    /// A sphinxtrain or sphinxbase tool is not installed; names the Debian package.
    case toolMissing(tool: String, package: String)
    /// A tool ran and failed; `detail` is the last line of what it said.
    case toolFailed(tool: String, status: Int32, detail: String)
    case noSuchVoice(name: String, known: [String])
    case invalidName(String)
    /// The folder exists but is not a profile (no profile.json, or one that does not parse).
    case damaged(name: String, path: String, reason: String)
    /// Written by a later Rehearse with a format this one does not read.
    case newerFormat(name: String, format: Int, supported: Int)
    case promptsUnreadable(path: String, reason: String)
    /// Takes recorded, enrollment not finished (interrupted).
    case unfinished(name: String, takes: Int)
    case exists(name: String)
    case wordNotInDictionary(word: String, promptID: String)
    case notEnoughTakes(usable: Int, needed: Int, problems: [String])
    case adaptationCheck(String)
    case unreadableTake(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .toolMissing(let tool, let package):
            return "voice enrollment needs \(tool), which is not installed: sudo apt-get install \(package)"
        case .toolFailed(let tool, let status, let detail):
            return "\(tool) failed (exit status \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        case .noSuchVoice(let name, let known):
            return "no voice called \"\(name)\"" + (known.isEmpty ? "; enroll one with `rehearse enroll --name \(name)`"
                                                   : "; voices: \(known.joined(separator: ", "))")
        case .invalidName(let name):
            return "\"\(name)\" cannot be a voice name: use letters, digits, '-' and '_' (up to 40), not \"none\""
        case .damaged(let name, let path, let reason):
            return "voice \"\(name)\" at \(path) is damaged or not a voice profile (\(reason)); remove it with `rehearse voices --remove \(name)` and enroll again"
        case .newerFormat(let name, let format, let supported):
            return "voice \"\(name)\" was made by a newer Rehearse (profile format \(format), this one reads up to \(supported)); update Rehearse to use it"
        case .unfinished(let name, let takes):
            return "voice \"\(name)\" is not finished (\(takes) take\(takes == 1 ? "" : "s") kept); go on with `rehearse enroll --name \(name)`"
        case .exists(let name):
            return "a voice called \"\(name)\" already exists; pick another --name or remove it first (`rehearse voices --remove \(name)`)"
        case .promptsUnreadable(let path, let reason):
            return "cannot read the enrollment sentences \(path): \(reason)"
        case .wordNotInDictionary(let word, let id):
            return "sentence \(id) has \"\(word)\", which the dictionary lacks"
        case .notEnoughTakes(let usable, let needed, let problems):
            return "only \(usable) usable takes, at least \(needed) are needed"
                + (problems.isEmpty ? "" : " (" + problems.prefix(4).joined(separator: "; ") + (problems.count > 4 ? "; …" : "") + ")")
        case .adaptationCheck(let what):
            return "adaptation check failed: \(what)"
        case .unreadableTake(let path, let reason):
            return "cannot read take \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
