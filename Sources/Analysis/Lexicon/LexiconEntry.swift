/// One phrase of a lexicon list: written as a bare string, or as an object that also carries the
/// text it must match (`examples`), must not match (`counterExamples`), a note, and, for a cue
/// that knowingly counts for more than one part, those parts.
public struct LexiconEntry: Decodable, Sendable, Hashable {
    public var phrase: String
    public var parts: [String]?
    public var examples: [String]
    public var counterExamples: [String]
    public var note: String?

    public init(_ phrase: String, parts: [String]? = nil, examples: [String] = [], counterExamples: [String] = []) {
        self.phrase = phrase
        self.parts = parts
        self.examples = examples
        self.counterExamples = counterExamples
    }

    private enum Keys: String, CodingKey { case phrase, word, parts, examples, counterExamples, note }

    public init(from decoder: any Decoder) throws {
        if let bare = try? decoder.singleValueContainer().decode(String.self) {
            self.init(bare)
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(try c.decodeIfPresent(String.self, forKey: .phrase) ?? c.decode(String.self, forKey: .word),
                  parts: try c.decodeIfPresent([String].self, forKey: .parts),
                  examples: try c.decodeIfPresent([String].self, forKey: .examples) ?? [],
                  counterExamples: try c.decodeIfPresent([String].self, forKey: .counterExamples) ?? [])
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// A list of words or phrases: a bare JSON array, or `{"about": …, "words"|"phrases": […]}`.
public struct WordList: Decodable, Sendable, Hashable {
    public var about: String?
    public var entries: [LexiconEntry]
    public var phrases: [String] { entries.map(\.phrase) }

    public init(_ phrases: [String], about: String? = nil) {
        self.entries = phrases.map { LexiconEntry($0) }
        self.about = about
    }

    private enum Keys: String, CodingKey { case about, words, phrases }

    public init(from decoder: any Decoder) throws {
        if let list = try? decoder.singleValueContainer().decode([LexiconEntry].self) {
            entries = list
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        about = try c.decodeIfPresent(String.self, forKey: .about)
        entries = try c.decodeIfPresent([LexiconEntry].self, forKey: .words) ?? c.decode([LexiconEntry].self, forKey: .phrases)
    }
}

/// Cues of one weight, in order.
public struct CueGroup: Decodable, Sendable, Hashable {
    public var weight: Int
    public var note: String?
    public var phrases: [LexiconEntry]

    public init(weight: Int, phrases: [LexiconEntry], note: String? = nil) {
        self.weight = weight
        self.phrases = phrases
        self.note = note
    }
}
