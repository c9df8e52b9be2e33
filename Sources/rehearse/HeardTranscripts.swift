import Analysis
import Foundation
import PocketSphinx
import SpeechCore

/// What the recognizer heard for one recording, kept as `<id>.heard.json` so that tuning the
/// analyzer re-runs only the analyzer. The words keep their times: clause splitting reads pauses.
struct HeardTranscript: Codable {
    /// The model's short name, for people reading the file.
    var recognizer: String
    /// The model and its settings; nil in hand-written transcripts.
    var model: RecognizerModel?
    var words: [Word]
}

/// A folder of heard transcripts, one per labelled answer.
struct HeardTranscriptStore {
    var directory: String

    func path(for id: String) -> String { directory + "/\(id).heard.json" }

    /// The cached words for `id`, or nil when there are none. With `model` and `recording` given,
    /// also nil when the words came from another model or other settings, or when the recording
    /// or one of the model's files is newer than them (a rebuilt language model hears differently).
    func load(id: String, model: RecognizerModel?, recording: String?) -> [Word]? {
        let fm = FileManager.default
        let cached = path(for: id)
        guard let data = fm.contents(atPath: cached),
              let heard = try? JSONDecoder().decode(HeardTranscript.self, from: data) else { return nil }
        guard let model, let recording else { return heard.words }
        guard heard.model == model else { return nil }
        func modified(_ p: String) -> Date? { (try? fm.attributesOfItem(atPath: p))?[.modificationDate] as? Date }
        guard let heardDate = modified(cached) else { return nil }
        let inputs = [recording, model.languageModel, model.dictionary, model.generalLanguageModel, model.staticLanguageModel, model.fillerKeywords]
        for input in inputs.compactMap({ $0 }) where fm.fileExists(atPath: input) {
            guard let date = modified(input), date <= heardDate else { return nil }
        }
        return heard.words
    }

    func save(id: String, model: RecognizerModel, words: [Word]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(HeardTranscript(recognizer: model.name, model: model, words: words))
            .write(to: URL(fileURLWithPath: path(for: id)), options: .atomic)
    }
}
