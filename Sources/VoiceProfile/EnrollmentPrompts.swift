import Foundation

/// The sentences a person reads to enroll their voice: Models/enrollment/prompts.json, read in
/// order (`--count N` takes the first N).
public struct EnrollmentPrompt: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    public init(id: String, text: String) { self.id = id; self.text = text }
    public var words: [String] { text.split(separator: " ").map(String.init) }
}

public enum EnrollmentPrompts {
    public static let relativePath = "enrollment/prompts.json"

    private struct File: Decodable { var prompts: [EnrollmentPrompt] }

    public static func load(modelsDirectory: URL) throws(VoiceError) -> [EnrollmentPrompt] {
        let url = modelsDirectory.appendingPathComponent(relativePath)
        let prompts: [EnrollmentPrompt]
        do { prompts = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).prompts }
        catch { throw .promptsUnreadable(path: url.path, reason: "\(error)") }
        guard !prompts.isEmpty else { throw .promptsUnreadable(path: url.path, reason: "no sentences") }
        return prompts
    }

    /// Every word of every prompt must have a pronunciation, or bw would skip the take without
    /// failing. Returns the first word missing from `dictionary` (a PocketSphinx .dict).
    public static func checkWords(_ prompts: [EnrollmentPrompt], dictionary: String) throws(VoiceError) {
        let known = Pronunciations.words(in: dictionary)
        for prompt in prompts {
            for word in prompt.words where !known.contains(word) {
                throw .wordNotInDictionary(word: word, promptID: prompt.id)
            }
        }
    }
}

/// Reading a PocketSphinx dictionary ("word PH ONES", alternatives as "word(2)").
enum Pronunciations {
    static func words(in dictionary: String) -> Set<String> {
        Set(entries(in: dictionary, keeping: nil).map(\.word))
    }

    /// The lines of `dictionary` whose word (without its "(2)") is in `keeping` (all when nil).
    static func entries(in dictionary: String, keeping: Set<String>?) -> [(word: String, line: String)] {
        guard let text = try? String(contentsOfFile: dictionary, encoding: .utf8) else { return [] }
        var out: [(String, String)] = []
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { continue }
            var word = line[..<space]
            if word.hasSuffix(")"), let open = word.lastIndex(of: "(") { word = word[..<open] }
            let w = String(word)
            if keeping == nil || keeping!.contains(w) { out.append((w, String(line))) }
        }
        return out
    }
}
