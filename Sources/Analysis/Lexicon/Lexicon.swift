import Foundation

/// Everything the analyzer knows about words, read from Models/lexicon: cue phrases per part,
/// fillers, services and their spoken forms, flag phrases, numbers, clause openers, and the
/// spellings and pronunciations rehearse-lm builds the recognizer's model from. The code says how
/// rules apply; this says which words. Tests build a changed copy and hand it to `AnswerAnalyzer`.
public struct Lexicon: Sendable, Hashable {
    public var parts: Parts
    public var decisions: Decisions
    public var speaker: Speaker
    public var flags: FlagPhrases
    public var clauses: Clauses
    public var fillers: Fillers
    public var numbers: Numbers
    public var services: Services
    public var pronunciations: Pronunciations
    public var implied: Implied

    /// The files under `Models/lexicon`, in the order they are read.
    public static let fileNames = ["parts.json", "decisions.json", "speaker.json", "flags.json", "clauses.json",
                                   "fillers.json", "numbers.json", "services.json", "pronunciations.json",
                                   "implied.json"]

    /// Reads `directory` (a `Models/lexicon` folder).
    public static func load(from directory: URL) throws(LexiconError) -> Lexicon {
        func read<T: Decodable>(_ name: String, as: T.Type = T.self) throws(LexiconError) -> T {
            let url = directory.appendingPathComponent(name)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw .unreadable(file: url.path, reason: (error as NSError).localizedDescription)
            }
            do { return try JSONDecoder().decode(T.self, from: data) } catch {
                throw .malformed(file: url.path, reason: LexiconError.describe(error))
            }
        }
        let lexicon = Lexicon(parts: try read("parts.json"), decisions: try read("decisions.json"),
                              speaker: try read("speaker.json"), flags: try read("flags.json"),
                              clauses: try read("clauses.json"), fillers: try read("fillers.json"),
                              numbers: try read("numbers.json"), services: try read("services.json"),
                              pronunciations: try read("pronunciations.json"), implied: try read("implied.json"))
        let unknown = Set(lexicon.parts.parts.keys).subtracting(AnswerPart.allCases.map(\.rawValue))
        if !unknown.isEmpty {
            throw .malformed(file: directory.appendingPathComponent("parts.json").path,
                             reason: "unknown part \(unknown.sorted().joined(separator: ", ")); parts are \(AnswerPart.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return lexicon
    }

    /// Reads `Models/lexicon` from the Models folder `ModelsDirectory` finds.
    public static func loadStandard(environment: [String: String] = ProcessInfo.processInfo.environment) throws(LexiconError) -> Lexicon {
        let lookup = ModelsDirectory.lookup(environment: environment)
        guard let models = lookup.directory else {
            throw .modelsNotFound(searched: ["$REHEARSE_MODELS"] + lookup.searched)
        }
        return try load(from: models.appendingPathComponent("lexicon", isDirectory: true))
    }

    /// The standard lexicon, read once on first use (and its failure, kept so every caller sees
    /// the same error).
    public static let standard: Result<Lexicon, LexiconError> = Result { () throws(LexiconError) in try loadStandard() }
}

/// Why the lexicon could not be read: each case names the file and what is wrong with it.
public enum LexiconError: Error, Sendable, Hashable, CustomStringConvertible {
    case modelsNotFound(searched: [String])
    case unreadable(file: String, reason: String)
    case malformed(file: String, reason: String)

    public var description: String {
        switch self {
        case .modelsNotFound(let searched):
            return "cannot find the Models folder with lexicon/ (looked in \(searched.joined(separator: ", "))); set REHEARSE_MODELS to it"
        case .unreadable(let file, let reason): return "cannot read \(file): \(reason)"
        case .malformed(let file, let reason): return "\(file) is not a valid lexicon file: \(reason)"
        }
    }

    /// A decoding error as a person fixing the JSON needs it: where, and what.
    static func describe(_ error: any Error) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let p = codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return p.isEmpty ? "top level" : String(p.drop { $0 == "." })
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            return (underlying ?? context.debugDescription) + (context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))")
        default:
            return String(describing: error)
        }
    }
}
