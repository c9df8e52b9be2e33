import Foundation

/// What each kind of question needs (Models/rubrics.json; docs/rubrics.md): criteria worth points,
/// faults that cost points, and the key-point matching rules. This file reads it; the checks a
/// criterion can name are `RubricBook.Check`.
public struct RubricBook: Codable, Sendable, Hashable {
    /// The rule a criterion or fault applies. Each reads the fields noted.
    public enum Check: String, Codable, Sendable {
        /// Any of `cues` (`need` distinct ones for full points).
        case cues
        /// One of `cues` with one of `sources` in the same clause ("check the duration metric").
        case cuesWithSource
        /// At most `factor` × the question's target length.
        case concise
        /// A part of the decision story (`part`) is there.
        case part
        /// `need` services named, none of them without a reason.
        case reasonedServices
        /// A pick (`cues`) over a named alternative (`contrast`, or two services named).
        case namedAlternative
        /// The question's key points (`need` for full points); `cues` when there is no question.
        case keyPoints
        /// The result has a number.
        case measuredResult
        /// The speaker says "I", not only "we".
        case firstPerson
        /// A follow-up's point made in the first `words` words; half when it is made later and the
        /// first sentence neither deflects (`cues`) nor retells the first answer (`factor`).
        case direct
        /// The follow-up's key points (`need` for full points).
        case followUpPoints
        /// Not a retelling of the first answer: less than `factor` of its three-word runs in it.
        case notRestating
        /// A follow-up answer within `seconds` (recordings) or `words` (typed).
        case short
        /// Faults: an analyzer flag (`flag`).
        case flag
        /// Faults: one of `cues` said before `criterion` was met (a fix before any look).
        case cuesBeforeCriterion
        /// Faults: `minServices` or more services named with fewer reasons (`cues`) than a third of them.
        case serviceList
        /// Faults: services listed without reasons (a run of four with only "and", "or" between).
        case bareServices
        /// Faults: fewer than `minConcrete` concrete things (services, numbers, the question's key
        /// points): an answer that could be about anything. Holds the score at `ceiling`.
        case nothingConcrete
        /// Faults: `need` or more of `cues` said ("depending on", "you could", "each has its
        /// benefits"): options weighed aloud and none taken.
        case cueCount
        /// Faults: `need` or more hedges ("probably", "I think", "maybe"), and at least one in
        /// every `words` words: facts guessed at rather than known. Holds the score at `ceiling`.
        case hedges
        /// Faults: `need` or more sentences that each guess at a cause (`cues`: "probably", "maybe",
        /// "sometimes") and make a change for it (`actions`: "restart", "redeploy", "bump") without
        /// anything that would show the cause (`looks`: "logs", "metric", "confirm"): fixes tried
        /// in turn instead of a diagnosis. A right answer says what it would see before it changes
        /// anything, so at most one of its sentences reads like that.
        case guessAndFix
        /// Faults: `criterion` was judged (its prompt asks for it) and earned nothing: for a
        /// concept question that asks "when would you use it", a definition without the when.
        case missedCriterion
        /// Faults: fewer than `need` things the speaker says they did, told in the past ("we
        /// rolled back", "I took"; `OwnershipAnalysis.storyEvents`): how a service works, or what
        /// one would do, told where a story was asked for.
        case noStory
    }

    public struct Criterion: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var points: Double
        public var check: Check
        public var need: Int?
        public var cues: [String]?
        public var sources: [String]?
        public var part: AnswerPart?
        public var factor: Double?
        public var words: Int?
        public var seconds: [Double]?
        public var contrast: [String]?
        /// The criterion counts only when the prompt asks for it ("when would you…").
        public var onlyIfPromptHas: [String]?
        /// Half the points at most while this criterion (judged earlier) earned nothing: what separates
        /// two options, or when to switch, means little before one of them is picked.
        public var halfWithout: String?
        /// namedAlternative: words that keep an answer's short first clause from being a pick
        /// ("Glue is…" defines; "Glue to start" picks).
        public var notInLead: [String]?
        public var advice: String
    }

    public struct Fault: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var check: Check
        public var flag: String?
        public var cues: [String]?
        public var criterion: String?
        public var minServices: Int?
        public var minConcrete: Int?
        public var need: Int?
        /// hedges: one hedge in this many words at least, so a long answer needs more.
        public var words: Int?
        /// Not a fault when any of these criteria is met: "defines both without choosing" cannot
        /// stand beside "picks one over a named alternative".
        public var unlessMet: [String]?
        /// cueCount: not a fault when any of these is said: a story that weighs options aloud
        /// ("some wanted to roll back, others to fix forward") is fine once it says which was taken.
        public var unlessSaid: [String]?
        /// nothingConcrete: whether the question's key points count as concrete (true when absent).
        /// A story's points ("the context you had then") can be met in words that name nothing.
        public var pointsAreConcrete: Bool?
        /// guessAndFix: changes made for a guessed cause, and what would show the cause (besides
        /// the cues of the fault's `criterion`, read with them when the book loads).
        public var actions: [String]?
        public var looks: [String]?
        /// A list in the book's `cueLists` whose cues this fault reads as well as its own.
        public var cueList: String?
        /// The highest overall score an answer with this fault can get.
        public var ceiling: Int?
        public var penalty: Double
        public var advice: String
    }

    public struct Rubric: Codable, Sendable, Hashable {
        public var title: String
        public var criteria: [Criterion]
        public var faults: [Fault]
        public var maxPoints: Double { criteria.reduce(0) { $0 + $1.points } }
    }

    public var matching: KeyPointMatcher.Rules
    /// Cue lists several rubrics share, named by a fault's `cueList`.
    public var cueLists: [String: [String]]?
    public var misconceptionCeiling: Int
    public var offQuestionCeiling: Int
    public var rubrics: [String: Rubric]

    public func rubric(_ kind: RubricKind) -> Rubric? { rubrics[kind.rawValue] }

    public init(contentsOf url: URL) throws(QuestionBankError) {
        do { self = try JSONDecoder().decode(RubricBook.self, from: Data(contentsOf: url)) } catch {
            throw QuestionBankError(file: url.path, reason: LexiconError.describe(error))
        }
        for kind in RubricKind.allCases where rubrics[kind.rawValue] == nil {
            throw QuestionBankError(file: url.path, reason: "no rubric for \"\(kind.rawValue)\"")
        }
        for (kind, rubric) in rubrics {
            for (i, fault) in rubric.faults.enumerated() {
                // What would show a cause is also what confirms one: a guessAndFix fault reads its
                // `criterion`'s cues as looks.
                if fault.check == .guessAndFix, let id = fault.criterion {
                    guard let criterion = rubric.criteria.first(where: { $0.id == id }) else {
                        throw QuestionBankError(file: url.path, reason: "\(kind) fault \"\(fault.id)\" names criterion \"\(id)\", which the rubric does not have")
                    }
                    rubrics[kind]?.faults[i].looks = (fault.looks ?? []) + (criterion.cues ?? [])
                }
                guard let name = fault.cueList else { continue }
                guard let list = cueLists?[name] else {
                    throw QuestionBankError(file: url.path, reason: "\(kind) fault \"\(fault.id)\" names cue list \"\(name)\", which cueLists does not have")
                }
                rubrics[kind]?.faults[i].cues = (fault.cues ?? []) + list
            }
        }
    }

    /// Models/rubrics.json from the Models folder `ModelsDirectory` finds, read once.
    public static let standard: Result<RubricBook, QuestionBankError> = Result { () throws(QuestionBankError) in
        guard let models = ModelsDirectory.locate() else {
            throw QuestionBankError(file: "Models/rubrics.json", reason: "the Models folder was not found; set REHEARSE_MODELS to it")
        }
        return try RubricBook(contentsOf: models.appendingPathComponent("rubrics.json"))
    }
}

/// Which rubric judged an answer: one per question kind, and one for answers to follow-ups.
public enum RubricKind: String, Codable, Sendable, CaseIterable {
    case concept, troubleshooting, design, choice, ownership, followUp

    public init(_ kind: Question.Kind) {
        switch kind {
        case .concept: self = .concept
        case .troubleshooting: self = .troubleshooting
        case .design: self = .design
        case .choice: self = .choice
        case .ownership: self = .ownership
        }
    }
}

/// Everything a rubric check may read about one answer.
struct RubricInput {
    var text: KeyPointMatcher.Text
    var clauses: [Clause]
    var structure: AnswerReport.Structure
    var flags: AnswerReport.Flags
    var evidence: AnswerReport.FlagEvidence
    var services: [String]
    var ownership: AnswerReport.Ownership
    var speakingSeconds: Double?
    var targetSeconds: Int?
    /// For follow-ups: how the answer covered the follow-up's own points, and the first question's.
    var followUpCoverage: ContentCoverage?
    var questionCoverage: ContentCoverage?
    /// The stems of the question's prompt, when there is one.
    var promptStems: Set<String>?
    /// For "why X and not Y": whether the separating dimension was named.
    var separatingDimension: Bool?
    /// Where the first separating dimension was named (a word index of `text`).
    var separatingDimensionAt: Int? = nil
    /// The first answer's words, when a follow-up answer is judged with it.
    var firstAnswer: [String]?
    /// Services listed without reasons (`FlagDetector.Output.bareServices`).
    var bareServices: String? = nil
    /// Distinct services and numbers said.
    var namedThings: Int = 0
    /// Distinct services, numbers and the question's key points said.
    var concrete: Int { namedThings + (questionCoverage?.hit.count ?? 0) }
    /// Things the speaker says they did, in the past (`OwnershipAnalysis.storyEvents`).
    var storyEvents: Int = 0
}

enum RubricJudge {
    /// The longest evidence quoted for one criterion.
    static let evidenceWords = 25

    static func judge(_ kind: RubricKind, chosenBy: String, book: RubricBook, input: RubricInput) -> AnswerReport.RubricResult? {
        guard let rubric = book.rubric(kind) else { return nil }
        let matcher = KeyPointMatcher(rules: book.matching)
        var results: [AnswerReport.CriterionResult] = []
        var firstEvidence: [String: Int] = [:]
        for c in rubric.criteria {
            if let wanted = c.onlyIfPromptHas, let promptStems = input.promptStems,
               !wanted.contains(where: { promptStems.contains(KeyPointMatcher.stem($0)) }) { continue }
            var (share, at) = measure(c, input: input, matcher: matcher)
            if let other = c.halfWithout, results.contains(where: { $0.id == other && $0.points == 0 }) { share = min(share, 0.5) }
            if let at { firstEvidence[c.id] = at }
            let points = (c.points * share * 10).rounded() / 10
            results.append(.init(id: c.id, title: c.title, points: points, max: c.points, met: share >= 1,
                                 evidence: at.map { quote(around: $0, input) } ?? fallbackEvidence(c, input),
                                 start: at.flatMap { input.text.start[$0] }, advice: c.advice))
        }
        var faults: [AnswerReport.FaultResult] = []
        let met = Set(results.filter(\.met).map(\.id))
        for f in rubric.faults where !(f.unlessMet ?? []).contains(where: met.contains) {
            if let evidence = fault(f, input: input, matcher: matcher, firstEvidence: firstEvidence, judged: results) {
                faults.append(.init(id: f.id, title: f.title, penalty: f.penalty, evidence: evidence, advice: f.advice,
                                    ceiling: f.ceiling))
            }
        }
        let earned = results.reduce(0) { $0 + $1.points } - faults.reduce(0) { $0 + $1.penalty }
        return .init(kind: kind, title: rubric.title, chosenBy: chosenBy, points: max(0, (earned * 10).rounded() / 10),
                     max: results.reduce(0) { $0 + $1.max }, criteria: results, faults: faults)
    }

    /// "Glue to start." "OpenTelemetry, with the AWS distro.": an answer that opens on the option
    /// it picks, in a few words that define nothing (no "is", "are"), naming a service, and does
    /// not go on listing services without reasons.
    /// Returns where it starts.
    static func leadingPick(_ input: RubricInput, _ c: RubricBook.Criterion) -> Int? {
        guard input.bareServices == nil, let first = input.clauses.first else { return nil }
        let words = first.tokens
        guard words.count <= (c.words ?? 6), words.contains(ServiceCatalog.placeholder),
              !words.contains(where: { (c.notInLead ?? []).contains($0) }) else { return nil }
        return first.tokenRange.lowerBound
    }

    /// Cue hits outside clauses that only say the question back (`KeyPointMatcher.withoutEchoes`):
    /// "the release process has to catch a bad version" names no requirement when the prompt said it.
    static func own(_ hits: [Int], _ input: RubricInput, _ matcher: KeyPointMatcher) -> [Int] {
        guard let promptStems = input.promptStems, !hits.isEmpty else { return hits }
        return hits.filter { hit in
            guard let clause = clause(of: hit, input) else { return true }
            return !matcher.saysBack(input.text.stems[clause.tokenRange], prompt: promptStems)
        }
    }

    /// Whether the clause of a pick's cue, or the few words after it, names an option: a service,
    /// or one of the prompt's own content words ("provisioned", "on-demand", "Fargate").
    static func namesOption(near token: Int, _ input: RubricInput, _ matcher: KeyPointMatcher) -> Bool {
        let clause = clause(of: token, input)
        if let clause, clause.tokens.contains(ServiceCatalog.placeholder) { return true }
        guard let promptStems = input.promptStems else { return clause == nil }
        let options = promptStems.subtracting(matcher.notPointWords)
            .subtracting(optionStopStems).filter { $0.count > 2 }
        let end = min(input.text.stems.count, max(clause?.tokenRange.upperBound ?? 0, token + 8))
        return input.text.stems[token..<end].contains { options.contains($0) }
    }

    /// Prompt words that are not options ("would you use X or Y, and why?").
    private static let optionStopStems: Set<String> = Set(["would", "why", "how", "what", "when", "which", "where",
        "your", "their", "want", "wants", "need", "needs", "between", "pick", "choose", "make", "case",
        "should", "could", "team", "teams", "company", "do", "does", "you", "they", "them", "this", "these"]
        .map(KeyPointMatcher.stem))

    /// The share of a criterion's points earned (0…1), and the token where its evidence starts.
    private static func measure(_ c: RubricBook.Criterion, input: RubricInput, matcher: KeyPointMatcher) -> (Double, Int?) {
        let need = Double(max(1, c.need ?? 1))
        switch c.check {
        case .cues:
            let hits = own(cueHits(c.cues ?? [], input.text, matcher), input, matcher)
            return (min(1, Double(hits.count) / need), hits.first)
        case .cuesWithSource:
            let sources = cueHits(c.sources ?? [], input.text, matcher)
            let cues = own(cueHits(c.cues ?? [], input.text, matcher), input, matcher)
            let paired = cues.first { cue in
                let clause = clauseRange(of: cue, input)
                return sources.contains { clause.contains($0) || abs($0 - cue) <= 6 }
            }
            if let paired { return (1, paired) }
            return (sources.isEmpty ? 0 : 0.5, sources.first)
        case .concise:
            let target = Double(input.targetSeconds ?? 90)
            let words = Double(input.text.stems.count)
            let limit = (c.factor ?? 1.5) * target * 2.5
            return (words == 0 ? 0 : words <= limit ? 1 : max(0, 1 - (words - limit) / limit), nil)
        case .part:
            guard let part = c.part else { return (0, nil) }
            if input.structure[part].present { return (1, nil) }
            // Said in so many words even where the part detector did not hear a part ("Trade-off: no ordering").
            let said = own(cueHits(c.cues ?? [], input.text, matcher), input, matcher)
            return (said.isEmpty ? 0 : 1, said.first)
        case .reasonedServices:
            let n = Double(input.services.count)
            if input.bareServices != nil { return (min(0.5, n / need / 2), nil) }
            return (min(1, n / need), nil)
        case .namedAlternative:
            // "The default is four days" has a pick's word and picks nothing: a pick names an option.
            let picks = own(cueHits(c.cues ?? [], input.text, matcher), input, matcher).filter { namesOption(near: $0, input, matcher) }
            let contrast = !cueHits(c.contrast ?? [], input.text, matcher).isEmpty || input.services.count >= 2
            let lead = picks.isEmpty && !input.structure.choice.present ? leadingPick(input, c) : nil
            guard !picks.isEmpty || input.structure.choice.present || lead != nil else { return (0, nil) }
            return (contrast ? 1 : 0.5, picks.first ?? lead)
        case .keyPoints:
            if let coverage = input.questionCoverage, coverage.total > 0 {
                return (min(1, Double(coverage.hit.count) / min(need, Double(coverage.total))),
                        coverage.hit.compactMap(\.tokenIndex).min())
            }
            let hits = cueHits(c.cues ?? [], input.text, matcher)
            return (hits.isEmpty ? 0 : 1, hits.first)
        case .measuredResult:
            return (input.flags.measurableResult ? 1 : input.structure.result.present ? 0.5 : 0, nil)
        case .firstPerson:
            return (input.ownership.iCount > 0 ? 1 : input.ownership.weCount > 0 ? 0.5 : 0, nil)
        case .direct:
            let window = c.words ?? 30
            if let hit = input.followUpCoverage?.hit.compactMap(\.tokenIndex).min(), hit < window { return (1, hit) }
            if input.separatingDimension == true, let at = input.separatingDimensionAt, at < window { return (0.5, at) }
            if let coverage = input.followUpCoverage, !coverage.hit.isEmpty, coverage.misconceptions.isEmpty,
               opensWithAnswer(input, deflections: c.cues ?? [], share: c.factor ?? 0.3, matcher: matcher) { return (0.5, 0) }
            return (0, nil)
        case .followUpPoints:
            if let coverage = input.followUpCoverage, coverage.total > 0 {
                guard coverage.misconceptions.isEmpty else { return (0, nil) }
                let needed = min(need, Double(coverage.total))
                return (min(1, Double(coverage.hit.count) / needed), coverage.hit.compactMap(\.tokenIndex).min())
            }
            if let dimension = input.separatingDimension { return (dimension ? 1 : 0, nil) }
            return (0, nil)
        case .notRestating:
            return (restating(input, share: c.factor ?? 0.3) ? 0 : input.text.stems.isEmpty ? 0 : 1, nil)
        case .short:
            if let seconds = input.speakingSeconds, let range = c.seconds, range.count == 2 {
                return (seconds >= range[0] && seconds <= range[1] ? 1 : 0, nil)
            }
            let words = input.text.stems.count
            return (words > 0 && words <= (c.words ?? 140) ? 1 : 0, nil)
        case .flag, .cuesBeforeCriterion, .serviceList, .bareServices, .nothingConcrete, .cueCount, .missedCriterion, .hedges, .noStory,
             .guessAndFix:
            return (0, nil)
        }
    }

    private static func fault(_ f: RubricBook.Fault, input: RubricInput, matcher: KeyPointMatcher,
                              firstEvidence: [String: Int], judged: [AnswerReport.CriterionResult]) -> String? {
        switch f.check {
        case .flag:
            switch f.flag {
            case "serviceDump": return input.flags.serviceDump ? input.evidence.serviceDump ?? input.services.joined(separator: ", ") : nil
            case "definitionOnly": return input.flags.definitionOnly ? input.evidence.definitionOnly ?? "" : nil
            case "hedging": return input.flags.hedging ? input.evidence.hedging.prefix(3).joined(separator: "; ") : nil
            case "marketingLanguage": return input.flags.marketingLanguage ? input.evidence.marketingLanguage.joined(separator: ", ") : nil
            default: return nil
            }
        case .serviceList:
            let named = input.services.count
            guard named >= (f.minServices ?? 6) else { return nil }
            let reasons = cueHits(f.cues ?? [], input.text, matcher).count
            return reasons * 3 < named ? input.services.joined(separator: ", ") : nil
        case .bareServices:
            return input.bareServices
        case .missedCriterion:
            guard let c = judged.first(where: { $0.id == f.criterion }), c.points == 0 else { return nil }
            return "the question asks: \(c.title.lowercased())"
        case .cueCount:
            let hits = cueHits(f.cues ?? [], input.text, matcher)
            guard hits.count >= (f.need ?? 2), cueHits(f.unlessSaid ?? [], input.text, matcher).isEmpty else { return nil }
            return hits.prefix(3).map { quote(around: $0, input) }.joined(separator: " … ")
        case .hedges:
            let hedges = input.evidence.hedging
            let perWords = f.words.map { input.text.stems.count / max(1, $0) } ?? 0
            guard hedges.count >= max(f.need ?? 3, perWords) else { return nil }
            return hedges.prefix(4).joined(separator: ", ")
        case .nothingConcrete:
            let concrete = f.pointsAreConcrete == false ? input.namedThings : input.concrete
            guard input.text.stems.count > 0, concrete < (f.minConcrete ?? 2) else { return nil }
            return concrete == 0 ? (f.pointsAreConcrete == false ? "no service or number named" : "no service, number or point of the question named")
                : "one concrete thing in \(input.text.stems.count) words"
        case .noStory:
            guard input.text.stems.count > 0, input.storyEvents < (f.need ?? 2) else { return nil }
            return input.storyEvents == 0 ? "nothing you did, told in the past" : "one thing you did, told in the past"
        case .guessAndFix:
            let guesses = Set(cueHits(f.cues ?? [], input.text, matcher)), actions = Set(cueHits(f.actions ?? [], input.text, matcher))
            let looks = Set(cueHits(f.looks ?? [], input.text, matcher))
            // A look counts before the change it leads to: "I'd bump the memory and see if that stops it" tries.
            let blind = input.text.sentences.filter { s in
                guard s.contains(where: guesses.contains), let change = s.first(where: actions.contains) else { return false }
                return !s.contains { looks.contains($0) && $0 < change }
            }
            guard blind.count >= (f.need ?? 2), let first = blind.first?.first(where: actions.contains) else { return nil }
            return quote(around: first, input)
        case .cuesBeforeCriterion:
            guard let first = cueHits(f.cues ?? [], input.text, matcher).first else { return nil }
            if let look = f.criterion.flatMap({ firstEvidence[$0] }), look < first { return nil }
            return quote(around: first, input)
        default:
            return nil
        }
    }

    /// The first token of each distinct cue occurrence, in order (negation does not matter for cues).
    static func cueHits(_ cues: [String], _ text: KeyPointMatcher.Text, _ matcher: KeyPointMatcher) -> [Int] {
        var starts = Set<Int>()
        for cue in cues {
            let phrase = KeyPointMatcher.compile(cue)
            guard !phrase.isEmpty else { continue }
            starts.formUnion(PhraseMatcher.occurrences(of: phrase, in: text.stems, homophones: [:]))
        }
        return starts.sorted()
    }

    /// Whether the first sentence could be the answer, for an answer that makes a follow-up point
    /// later: it neither points back to the first answer nor deflects (`deflections`: "as I said",
    /// "good question"), nor retells the first answer (`share` of its three-word runs). "Because
    /// a mandate gets compliance on paper and risk in production" answers "why not mandate the
    /// cut?" in words no key point lists.
    static func opensWithAnswer(_ input: RubricInput, deflections: [String], share: Double, matcher: KeyPointMatcher) -> Bool {
        guard let first = input.text.sentences.first else { return false }
        if cueHits(deflections, input.text, matcher).contains(where: first.contains) { return false }
        return !retells(Array(input.text.stems[first]), first: input.firstAnswer, share: share)
    }

    /// The share of three-word runs shared with the first answer that makes a retelling (the
    /// follow-up rubric's `notRestating` factor).
    static func restateShare(_ book: RubricBook) -> Double {
        book.rubric(.followUp)?.criteria.first { $0.check == .notRestating }?.factor ?? 0.3
    }

    /// A retelling: enough of its three-word runs are in the first answer. (Earning the first
    /// question's points and none of the follow-up's is not enough: a right answer in words the
    /// follow-up's phrases did not foresee looks the same.)
    static func restating(_ input: RubricInput, share: Double) -> Bool {
        retells(input.text.stems, first: input.firstAnswer, share: share)
    }

    /// Whether `share` or more of the distinct three-word runs of `stems` are `first`'s.
    private static func retells(_ stems: [String], first: [String]?, share: Double) -> Bool {
        guard let first, !first.isEmpty else { return false }
        let mine = Set(KeyPointMatcher.threeWordRuns(stems))
        let theirs = Set(KeyPointMatcher.threeWordRuns(first.map(KeyPointMatcher.stem)))
        return !mine.isEmpty && Double(mine.intersection(theirs).count) / Double(mine.count) >= share
    }

    private static func clause(of token: Int, _ input: RubricInput) -> Clause? {
        input.clauses.first { $0.tokenRange.contains(token) }
    }

    private static func clauseRange(of token: Int, _ input: RubricInput) -> Range<Int> {
        clause(of: token, input)?.tokenRange ?? token..<(token + 1)
    }

    /// The clause around a token, at most `evidenceWords` long, centred on it when the clause is longer.
    static func quote(around token: Int, _ input: RubricInput) -> String {
        let range = clauseRange(of: token, input)
        var lo = range.lowerBound, hi = range.upperBound
        if hi - lo > evidenceWords {
            lo = max(range.lowerBound, token - evidenceWords / 3)
            hi = min(range.upperBound, lo + evidenceWords)
        }
        return input.text.words[lo..<hi].joined(separator: " ")
    }

    private static func fallbackEvidence(_ c: RubricBook.Criterion, _ input: RubricInput) -> String? {
        switch c.check {
        case .part: return c.part.flatMap { input.structure[$0].present ? input.structure[$0].evidence : nil }
        case .measuredResult: return input.structure.result.present ? input.structure.result.evidence : nil
        case .reasonedServices: return input.services.isEmpty ? nil : input.services.joined(separator: ", ")
        default: return nil
        }
    }

    /// The kind an answer reads as, when no question says: a story, a diagnosis, a comparison, an
    /// explanation, or (by default) a design.
    static func infer(book: RubricBook, input: RubricInput) -> RubricKind {
        let matcher = KeyPointMatcher(rules: book.matching)
        func met(_ kind: RubricKind, _ id: String) -> Double {
            guard let c = book.rubric(kind)?.criteria.first(where: { $0.id == id }) else { return 0 }
            return measure(c, input: input, matcher: matcher).0
        }
        // A look, then ranked causes: a diagnosis, even when it ends with a fix that reads like a result.
        if met(.troubleshooting, "lookFirst") >= 1 && met(.troubleshooting, "hypotheses") >= 1 { return .troubleshooting }
        let story = input.structure.presentCount
        if story >= 3 || (story >= 2 && input.ownership.iCount + input.ownership.weCount > 0 && input.structure.result.present) {
            return .ownership
        }
        if met(.choice, "pick") >= 1 && met(.choice, "whenSwitch") >= 1 { return .choice }
        if input.flags.definitionOnly || (met(.concept, "explains") >= 1 && input.services.count <= 2) { return .concept }
        if input.services.count >= 3 || met(.design, "requirements") >= 1 { return .design }
        return .ownership
    }
}
