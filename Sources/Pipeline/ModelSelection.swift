import Analysis
import Foundation
import PocketSphinx
import SpeechCore

/// Which recognizer model to load: the AWS-domain model built into Models/ unless the user
/// names another (`--model debian`, `--model rehearse`, or a folder with a recognizer.json).
public enum ModelSelection {
    public static let names = ["rehearse", "debian"]

    /// The model and, when it is not the one asked for, a note saying why.
    public static func resolve(_ choice: String?, modelsDirectory: URL? = ModelsDirectory.locate())
        throws -> (model: RecognizerModel, note: String?) {
        try resolve(choice, lookup: .init(directory: modelsDirectory, origin: nil, searched: [], notes: []))
    }

    /// As `resolve(_:modelsDirectory:)`, with the locator's notes and search path in the messages.
    public static func resolve(_ choice: String?, lookup: ModelsDirectory.Lookup)
        throws -> (model: RecognizerModel, note: String?) {
        let modelsDirectory = lookup.directory
        let fallback = "using Debian's general en-us model, which misses most AWS names and fillers"
        switch choice?.lowercased() {
        case nil:
            if let dir = modelsDirectory,
               FileManager.default.fileExists(atPath: dir.appendingPathComponent(RecognizerModel.descriptionFile).path) {
                return (try RecognizerModel.rehearseDomain(modelsDirectory: dir), lookup.notes.first)
            }
            let why: String
            if let dir = modelsDirectory {
                why = "\(dir.path) has no \(RecognizerModel.descriptionFile): the AWS-domain model is not built there (in a checkout: `swift run rehearse-lm`)"
            } else if lookup.searched.isEmpty {
                why = "the AWS-domain model is not built (run `swift run rehearse-lm`)"
            } else {
                why = "no Models folder found (looked in \(lookup.searched.joined(separator: ", "))); set REHEARSE_MODELS to one or reinstall"
            }
            return (.debianEnUS, (lookup.notes + [why + "; " + fallback]).joined(separator: "; "))
        case "debian", "stock", "en-us":
            return (.debianEnUS, nil)
        case "rehearse", "domain", "aws":
            guard let dir = modelsDirectory else {
                throw RehearseError.missingData(path: "Models/recognizer.json", what: "AWS-domain model",
                                                reason: "no Models folder found; set REHEARSE_MODELS or run `swift run rehearse-lm`")
            }
            return (try RecognizerModel.rehearseDomain(modelsDirectory: dir), nil)
        default:
            var isDirectory: ObjCBool = false
            guard let path = choice, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RehearseError.missingData(path: choice ?? "", what: "recognizer model",
                                                reason: "not a folder; use \(names.joined(separator: " or ")) or a folder with \(RecognizerModel.descriptionFile)")
            }
            return (try RecognizerModel.directory(URL(fileURLWithPath: path, isDirectory: true)), nil)
        }
    }
}
