import Foundation

/// The files PocketSphinx needs: an acoustic model directory, a language model and a
/// pronunciation dictionary.
public struct RecognizerModel: Sendable, Hashable, Codable {
    public var acousticModel: String
    public var languageModel: String
    public var dictionary: String
    /// A short name shown in reports, e.g. "en-us (Debian)".
    public var name: String

    public init(acousticModel: String, languageModel: String, dictionary: String, name: String) {
        self.acousticModel = acousticModel
        self.languageModel = languageModel
        self.dictionary = dictionary
        self.name = name
    }

    public static let debianDirectory = "/usr/share/pocketsphinx/model/en-us"

    /// Debian's stock model from the pocketsphinx-en-us package.
    public static let debianEnUS = RecognizerModel(
        acousticModel: debianDirectory + "/en-us",
        languageModel: debianDirectory + "/en-us.lm.bin",
        dictionary: debianDirectory + "/cmudict-en-us.dict",
        name: "en-us (Debian)")

    /// Fails with a clear message naming the first missing file.
    public func validate() throws(SpeechError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: acousticModel + "/mdef") {
            throw .modelMissing(path: acousticModel, what: "acoustic model")
        }
        if !fm.fileExists(atPath: languageModel) { throw .modelMissing(path: languageModel, what: "language model") }
        if !fm.fileExists(atPath: dictionary) { throw .modelMissing(path: dictionary, what: "pronunciation dictionary") }
    }
}
