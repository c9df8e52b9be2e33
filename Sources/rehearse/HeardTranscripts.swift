import Analysis
import Foundation

/// What the recognizer heard for one recording, kept as `<id>.heard.json` so that tuning the
/// analyzer re-runs only the analyzer. The words keep their times: clause splitting reads pauses.
struct HeardTranscript: Codable {
    var recognizer: String
    var words: [Word]
}

/// A folder of heard transcripts, one per labelled answer.
struct HeardTranscriptStore {
    var directory: String

    func path(for id: String) -> String { directory + "/\(id).heard.json" }

    /// The cached words for `id`, or nil when there are none, they came from another recognizer
    /// model, or `recording` (when given) is newer than them.
    func load(id: String, recognizer: String?, recording: String?) -> [Word]? {
        let fm = FileManager.default
        let cached = path(for: id)
        guard let data = fm.contents(atPath: cached),
              let heard = try? JSONDecoder().decode(HeardTranscript.self, from: data) else { return nil }
        if let recognizer, heard.recognizer != recognizer { return nil }
        if let recording {
            func modified(_ p: String) -> Date? { (try? fm.attributesOfItem(atPath: p))?[.modificationDate] as? Date }
            guard let heardDate = modified(cached), let audioDate = modified(recording), heardDate >= audioDate else { return nil }
        }
        return heard.words
    }

    func save(id: String, recognizer: String, words: [Word]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(HeardTranscript(recognizer: recognizer, words: words))
            .write(to: URL(fileURLWithPath: path(for: id)), options: .atomic)
    }
}
