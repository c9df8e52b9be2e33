import Foundation

/// When a fact in the bank was last checked, and against which documentation page.
public struct Checked: Codable, Sendable, Hashable {
    public var on: String
    public var source: String
}

/// Sentences a phrase list must and must not match: the bank's own tests (docs/question-bank.md).
public struct PhraseExamples: Codable, Sendable, Hashable {
    public var match: [String] = []
    public var noMatch: [String] = []
    public init(match: [String] = [], noMatch: [String] = []) { self.match = match; self.noMatch = noMatch }
}

/// A wrong belief an answer can state, with the correction the report shows.
public struct Misconception: Codable, Sendable, Hashable {
    /// A wrong claim as what is said about which thing: `says` stated of a `subject`, where the
    /// nearest thing named is that subject and not one of the `others` it is usually contrasted
    /// with. "Security groups are stateless" states it; "security groups are stateful, unlike
    /// NACLs, which are stateless" does not (docs/question-bank.md, "Claims").
    public struct Claim: Codable, Sendable, Hashable {
        public var subject: [String]
        public var says: [String]
        public var others: [String]
        public init(subject: [String], says: [String], others: [String] = []) {
            self.subject = subject; self.says = says; self.others = others
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            subject = try c.decode([String].self, forKey: .subject)
            says = try c.decode([String].self, forKey: .says)
            others = try c.decodeIfPresent([String].self, forKey: .others) ?? []
        }
    }

    public var claim: String
    public var correction: String
    public var phrases: [String]
    /// The claim as subject and predicate, matched however the sentence is worded (optional).
    public var bound: Claim?
    public var examples: PhraseExamples
    public var checked: Checked?

    public init(claim: String, correction: String, phrases: [String], bound: Claim? = nil,
                examples: PhraseExamples = .init(), checked: Checked? = nil) {
        self.claim = claim; self.correction = correction; self.phrases = phrases; self.bound = bound
        self.examples = examples; self.checked = checked
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        claim = try c.decode(String.self, forKey: .claim)
        correction = try c.decode(String.self, forKey: .correction)
        phrases = try c.decode([String].self, forKey: .phrases)
        bound = try c.decodeIfPresent(Claim.self, forKey: .bound)
        examples = try c.decodeIfPresent(PhraseExamples.self, forKey: .examples) ?? .init()
        checked = try c.decodeIfPresent(Checked.self, forKey: .checked)
    }
}

/// One thing a good answer says, the phrasings that count for it, and the wrong claims about it.
public struct KeyPoint: Codable, Sendable, Hashable {
    public var point: String
    public var phrases: [String]
    public var misconceptions: [Misconception]
    public var examples: PhraseExamples
    public var checked: Checked?

    public init(point: String, phrases: [String], misconceptions: [Misconception] = [],
                examples: PhraseExamples = .init(), checked: Checked? = nil) {
        self.point = point; self.phrases = phrases; self.misconceptions = misconceptions
        self.examples = examples; self.checked = checked
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        point = try c.decode(String.self, forKey: .point)
        phrases = try c.decode([String].self, forKey: .phrases)
        misconceptions = try c.decodeIfPresent([Misconception].self, forKey: .misconceptions) ?? []
        examples = try c.decodeIfPresent(PhraseExamples.self, forKey: .examples) ?? .init()
        checked = try c.decodeIfPresent(Checked.self, forKey: .checked)
    }
}

/// A question the interviewer pushes after the first answer, with what a good reply says.
public struct FollowUp: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// "What happens when…"
        case mechanism
        /// "How did you know it worked?"
        case measurement
        /// "Why not X?"
        case alternative
        /// "What would you do differently?"
        case change
        /// "What breaks at ten times the load?"
        case scale
    }
    public struct Options: Codable, Sendable, Hashable {
        public var chosen: String
        public var other: String
    }

    public var text: String
    public var kind: Kind?
    public var keyPoints: [KeyPoint]
    public var options: Options?

    public init(text: String, kind: Kind? = nil, keyPoints: [KeyPoint] = [], options: Options? = nil) {
        self.text = text; self.kind = kind; self.keyPoints = keyPoints; self.options = options
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind)
        keyPoints = try c.decodeIfPresent([KeyPoint].self, forKey: .keyPoints) ?? []
        options = try c.decodeIfPresent(Options.self, forKey: .options)
    }
}

/// A question from the bank (Models/questions/<topic>.json; docs/question-bank.md).
public struct Question: Codable, Sendable, Hashable, Identifiable {
    public enum Role: String, Codable, Sendable, CaseIterable { case beginner, mid, senior }
    public enum Kind: String, Codable, Sendable, CaseIterable { case concept, choice, troubleshooting, design, ownership }
    /// Something shown on screen with the question: a policy, a route table, a bill.
    public struct Artifact: Codable, Sendable, Hashable {
        public var title: String
        public var text: String
    }

    public var id: String
    public var role: Role
    public var topic: String
    public var kind: Kind
    public var prompt: String
    public var targetSeconds: Int
    public var services: [String]
    /// The question is about any AWS work ("tell me about a mistake you made"): its `services`
    /// are examples, and naming any service keeps an answer on the question.
    public var anyService: Bool
    public var artifact: Artifact?
    public var keyPoints: [KeyPoint]
    /// Habits an interviewer marks down (not claims of fact, which are misconceptions).
    public var pitfalls: [String]
    public var followUps: [FollowUp]
    /// What a story told to this question is about ("outage", "downtime", "more reliable" for
    /// "a time you made a system more reliable"): an answer that says none of these phrases is
    /// about something else, however well it is told. Empty: any subject fits ("a mistake
    /// you made"). Matched on stems, as key points are.
    public var subject: [String]
    public var checked: Checked?

    public init(id: String, role: Role, topic: String, kind: Kind, prompt: String, targetSeconds: Int,
                services: [String] = [], anyService: Bool = false, artifact: Artifact? = nil, keyPoints: [KeyPoint] = [], pitfalls: [String] = [],
                followUps: [FollowUp] = [], subject: [String] = [], checked: Checked? = nil) {
        self.id = id; self.role = role; self.topic = topic; self.kind = kind; self.prompt = prompt
        self.targetSeconds = targetSeconds; self.services = services; self.anyService = anyService; self.artifact = artifact
        self.keyPoints = keyPoints; self.pitfalls = pitfalls; self.followUps = followUps; self.subject = subject; self.checked = checked
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        role = try c.decode(Role.self, forKey: .role)
        topic = try c.decode(String.self, forKey: .topic)
        kind = try c.decode(Kind.self, forKey: .kind)
        prompt = try c.decode(String.self, forKey: .prompt)
        targetSeconds = try c.decode(Int.self, forKey: .targetSeconds)
        services = try c.decodeIfPresent([String].self, forKey: .services) ?? []
        anyService = try c.decodeIfPresent(Bool.self, forKey: .anyService) ?? false
        artifact = try c.decodeIfPresent(Artifact.self, forKey: .artifact)
        keyPoints = try c.decodeIfPresent([KeyPoint].self, forKey: .keyPoints) ?? []
        pitfalls = try c.decodeIfPresent([String].self, forKey: .pitfalls) ?? []
        followUps = try c.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        subject = try c.decodeIfPresent([String].self, forKey: .subject) ?? []
        checked = try c.decodeIfPresent(Checked.self, forKey: .checked)
    }

    /// Follow-up `number`, counted from 1 as `rehearse questions --json` lists them.
    public func followUp(_ number: Int) -> FollowUp? {
        number >= 1 && number <= followUps.count ? followUps[number - 1] : nil
    }
}

/// Why the bank could not be read: the file, and where in it.
public struct QuestionBankError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

public struct QuestionBank: Sendable {
    public var questions: [Question]

    public init(questions: [Question]) { self.questions = questions }

    /// Reads a `Models/questions` folder (every `*.json` in it, in name order), or one JSON file.
    public init(contentsOf url: URL) throws(QuestionBankError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw QuestionBankError(file: url.path, reason: "not found")
        }
        let files: [URL]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files = names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
            if files.isEmpty { throw QuestionBankError(file: url.path, reason: "holds no .json question files") }
        } else {
            files = [url]
        }
        var all: [Question] = []
        var seen: [String: String] = [:]
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw QuestionBankError(file: file.path, reason: (error as NSError).localizedDescription)
            }
            let questions: [Question]
            do { questions = try JSONDecoder().decode([Question].self, from: data) } catch {
                throw QuestionBankError(file: file.path, reason: LexiconError.describe(error))
            }
            for q in questions {
                if let other = seen[q.id] {
                    throw QuestionBankError(file: file.path, reason: "question id \"\(q.id)\" is also in \(other)")
                }
                seen[q.id] = file.lastPathComponent
            }
            all += questions
        }
        questions = all
    }

    public func question(id: String) -> Question? { questions.first { $0.id == id } }
    public var topics: [String] { Array(Set(questions.map(\.topic))).sorted() }
}
/// Services and design options that are usual alternatives to each other, and the dimensions
/// that tell them apart (Models/alternatives.json).
public struct AlternativesMap: Codable, Sendable, Hashable {
    public struct Dimension: Codable, Sendable, Hashable {
        public var name: String
        public var explain: String
        public var phrases: [String]
    }
    public struct Pair: Codable, Sendable, Hashable {
        public var options: [String]
        public var dimensions: [Dimension]
        public var followUps: [String]
    }
    public var pairs: [Pair]

    public init(pairs: [Pair] = []) { self.pairs = pairs }

    public init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(AlternativesMap.self, from: Data(contentsOf: url))
    }

    /// The pair of `chosen` and `other` with the dimensions that separate them, if the map has
    /// any (case-insensitive).
    public func separating(_ chosen: String, _ other: String) -> Pair? {
        alternatives(to: chosen).first { $0.other.caseInsensitiveCompare(other) == .orderedSame && !$0.pair.dimensions.isEmpty }?.pair
    }

    /// Pairs that offer an alternative to `option`, with that alternative's name.
    public func alternatives(to option: String) -> [(other: String, pair: Pair)] {
        pairs.compactMap { pair in
            guard pair.options.contains(where: { $0.caseInsensitiveCompare(option) == .orderedSame }) else { return nil }
            guard let other = pair.options.first(where: { $0.caseInsensitiveCompare(option) != .orderedSame }) else { return nil }
            return (other, pair)
        }
    }
}
