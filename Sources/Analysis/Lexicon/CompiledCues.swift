import Foundation

/// A lexicon made ready for the rules: phrases split into tokens once, word lists as sets.
/// Built from one `Lexicon`; the analyzer passes it to every stage.
struct CompiledCues: Sendable {
    let threshold: Int
    let parts: [AnswerPart: [([String], Int)]]
    let consequences: [([String], Int)]
    let homophones: PhraseMatcher.Homophones

    // Flags.
    let definition, reasons, firstPersonDecision, marketing, hedges: [[String]]
    let serviceListGlue: Set<String>

    // Decisions and the speaker.
    let actionSubjects, actionVerbs, weakActionVerbs, notActions, beVerbs: Set<String>
    let motionIdioms, costWords, riseWords, fallWords: Set<String>
    let impersonalChoices, reasonOpeners, alternatives, motives, hedgingFirstPerson, unknownOutcomes, forecasts, formerly, switchedOn: [[String]]
    let haveVerbs: Set<String>
    let firstPerson, possessives, possessiveLeads, ownershipI, ownershipWe, storySubjects, pastVerbs: Set<String>

    // Clauses.
    let openers, pairOpeners: Set<String>
    let subjectStarts: SubjectStartWords
    let clauseTiming: Lexicon.Clauses.Timing
    let notEndingWords, notStartingWords: Set<String>

    let fillers: FillerWords
    let numbers: NumberWords
    let services: ServiceIndex
    let implied: ImpliedCues

    /// The standard lexicon compiled, or an empty one when it could not be read (the analyzer then
    /// warns with `Lexicon.standard`'s error).
    static let standard = CompiledCues((try? Lexicon.standard.get()) ?? .empty)

    init(_ lexicon: Lexicon) {
        func tokens(_ list: WordList) -> [[String]] { list.phrases.map(PhraseMatcher.split) }
        func set(_ list: WordList) -> Set<String> { Set(list.phrases) }
        func weighted(_ groups: [CueGroup]) -> [([String], Int)] {
            groups.flatMap { g in g.phrases.map { (PhraseMatcher.split($0.phrase), g.weight) } }
        }
        threshold = lexicon.parts.threshold
        var parts: [AnswerPart: [([String], Int)]] = [:]
        for part in AnswerPart.allCases { parts[part] = weighted(lexicon.parts.parts[part.rawValue] ?? []) }
        self.parts = parts
        consequences = weighted(lexicon.parts.tradeoffAfterChoice)
        homophones = lexicon.clauses.homophones.words.mapValues(Set.init)

        let f = lexicon.flags
        definition = tokens(f.definition); firstPersonDecision = tokens(f.firstPersonDecision)
        marketing = tokens(f.marketing); hedges = tokens(f.hedges); serviceListGlue = set(f.serviceListGlue)

        let d = lexicon.decisions
        actionSubjects = set(d.actionSubjects); actionVerbs = set(d.actionVerbs); weakActionVerbs = set(d.weakActionVerbs)
        notActions = set(d.notActions); beVerbs = set(d.beVerbs); motionIdioms = set(d.motionIdioms)
        costWords = set(d.costWords); riseWords = set(d.riseWords); fallWords = set(d.fallWords)
        impersonalChoices = tokens(d.impersonalChoices); reasonOpeners = tokens(d.reasonOpeners)
        alternatives = tokens(d.alternatives); motives = tokens(d.motives); reasons = tokens(d.reasons)
        unknownOutcomes = d.unknownOutcomes.map(tokens) ?? []; forecasts = d.forecasts.map(tokens) ?? []; formerly = d.formerly.map(tokens) ?? []
        switchedOn = d.switchedOn.map(tokens) ?? []; haveVerbs = d.haveVerbs.map(set) ?? []

        let s = lexicon.speaker
        hedgingFirstPerson = tokens(s.hedgingFirstPerson); firstPerson = set(s.firstPerson)
        possessives = set(s.possessives); possessiveLeads = set(s.possessiveLeads)
        ownershipI = set(s.ownershipI); ownershipWe = set(s.ownershipWe)
        storySubjects = set(s.storySubjects); pastVerbs = set(s.pastVerbs)

        openers = set(lexicon.clauses.openers); pairOpeners = set(lexicon.clauses.pairOpeners)
        subjectStarts = SubjectStartWords(lexicon.clauses.subjectStarts)
        clauseTiming = lexicon.clauses.timing; notEndingWords = Set(lexicon.clauses.timing.notEndingWords)
        notStartingWords = Set(lexicon.clauses.timing.notStartingWords)
        fillers = FillerWords(lexicon.fillers)
        numbers = NumberWords(lexicon.numbers)
        services = ServiceIndex(lexicon.services)
        implied = ImpliedCues(lexicon.implied)
    }

    /// A verb in the past: one of speaker.json's irregular `pastVerbs`, or a regular "-ed" ("rolled",
    /// not "need" or "speed").
    func isPastVerb(_ token: String) -> Bool {
        pastVerbs.contains(token) || (token.count > 4 && token.hasSuffix("ed") && !token.hasSuffix("eed"))
    }

    /// Sum of weights of the cues of `part` found in `tokens`, each cue counted once, and the
    /// best-weighted cue (for evidence).
    func score(_ part: AnswerPart, _ tokens: [String]) -> (score: Int, cues: [String]) {
        score(parts[part] ?? [], tokens)
    }

    /// A trade-off said after the decision: its own cues plus the plain consequences.
    func tradeoffAfterChoice(_ tokens: [String]) -> (score: Int, cues: [String]) {
        score((parts[.tradeoff] ?? []) + consequences, tokens)
    }

    func score(_ list: [([String], Int)], _ tokens: [String]) -> (score: Int, cues: [String]) {
        var total = 0
        var cues: [String] = []
        for (phrase, weight) in list where contains(phrase, in: tokens) {
            // A shorter cue inside a longer one already counted adds nothing ("trade off" vs "the trade").
            let joined = phrase.joined(separator: " ")
            if cues.contains(where: { $0.contains(joined) || joined.contains($0) }) { continue }
            total += weight
            cues.append(joined)
        }
        return (total, cues)
    }

    func matches(_ list: [[String]], _ tokens: [String]) -> [String] {
        list.filter { contains($0, in: tokens) }.map { $0.joined(separator: " ") }
    }

    func contains(_ phrase: [String], in tokens: [String]) -> Bool {
        PhraseMatcher.contains(phrase, in: tokens, homophones: homophones)
    }

    func occurrences(of phrase: [String], in tokens: [String]) -> [Int] {
        PhraseMatcher.occurrences(of: phrase, in: tokens, homophones: homophones)
    }
}

/// The filler lists as sets.
struct FillerWords: Sendable {
    /// Spelling -> the word the report counts ("umm" -> "um").
    let hesitations: [String: String]
    let discourse: Set<String>
    let youKnowNotAfter, iMeanNotAfter, iMeanPartOfClauseAfter, iMeanExplainingNext: Set<String>
    let clauseSubjects: Set<String>
    let likeCopulas, likeGovernors, comparisonStarters, pastTenseVerbs, numberStarters, likeFillerNext, restarts: Set<String>
    /// "i said", "we discussed": after "like", it means "as".
    let likeAsConjunction: Set<String>
    let suchAsSuffixes: [String]
    let suchAsNotWords: Set<String>

    init(_ f: Lexicon.Fillers) {
        var hesitations: [String: String] = [:]
        for h in f.hesitations { for s in h.spellings { hesitations[s] = h.word } }
        self.hesitations = hesitations
        discourse = Set(f.discourse.map(\.phrase))
        youKnowNotAfter = Set(f.youKnow.notAfter)
        iMeanNotAfter = Set(f.iMean.notAfter); iMeanPartOfClauseAfter = Set(f.iMean.partOfClauseAfter)
        iMeanExplainingNext = Set(f.iMean.explainingNext)
        clauseSubjects = Set(f.clauseSubjects.phrases)
        likeCopulas = Set(f.like.copulas); likeGovernors = Set(f.like.governors.phrases)
        comparisonStarters = Set(f.like.comparisonStarters.phrases); pastTenseVerbs = Set(f.like.pastTenseVerbs.phrases)
        numberStarters = Set(f.like.numberStarters.phrases); likeFillerNext = Set(f.like.fillerNext.phrases)
        restarts = Set(f.like.restarts.phrases); likeAsConjunction = Set(f.like.asConjunction.phrases)
        suchAsSuffixes = f.like.suchAs.suffixes; suchAsNotWords = Set(f.like.suchAs.notWords)
    }
}

/// clauses.json's subject-and-verb starts as sets.
struct SubjectStartWords: Sendable {
    let subjects, adverbs, verbs, notAfter, contractions: Set<String>
    let verbSuffixes: [String]
    let minTokensBefore: Int

    init(_ s: Lexicon.Clauses.SubjectStarts) {
        subjects = Set(s.subjects); adverbs = Set(s.adverbs); verbs = Set(s.verbs); notAfter = Set(s.notAfter)
        contractions = Set(s.contractions.phrases); verbSuffixes = s.verbSuffixes; minTokensBefore = s.minTokensBefore
    }

    func isVerb(_ word: String) -> Bool {
        verbs.contains(word) || verbSuffixes.contains { word.hasSuffix($0) && word.count >= $0.count + 3 }
    }
}

/// The number lists as sets.
struct NumberWords: Sendable {
    let numberWords, units, notUnitsAlone, multipliers, unitsAfterNumberOnly: Set<String>
    let fractions, fractionLeads, fractionNotBefore, floorLeads, fromToEnds, homophones, homophonesNotBeforeUnit: Set<String>
    let floor: String
    let magnitudes, durationArticles: [[String]]
    let durationLeads, durationUnits: Set<String>
    let fromLeads, comparisonStarts, approximators: Set<String>

    init(_ n: Lexicon.Numbers) {
        numberWords = Set(n.numberWords.phrases); units = Set(n.units.phrases); notUnitsAlone = Set(n.notUnitsAlone.phrases)
        multipliers = Set(n.multipliers.phrases); unitsAfterNumberOnly = Set(n.unitsAfterNumberOnly.phrases)
        fractions = Set(n.fractions.words); fractionLeads = Set(n.fractions.leads); fractionNotBefore = Set(n.fractions.notBefore)
        floor = n.floor.word; floorLeads = Set(n.floor.leads); fromToEnds = Set(n.floor.fromToEnds)
        magnitudes = n.magnitudes.phrases.map(PhraseMatcher.split)
        durationArticles = n.durations.articles.map(PhraseMatcher.split).sorted { $0.count > $1.count }
        durationLeads = Set(n.durations.leads); durationUnits = Set(n.durations.units)
        homophones = Set(n.numberHomophones.words); homophonesNotBeforeUnit = Set(n.numberHomophones.notBeforeUnit)
        fromLeads = Set(n.comparisons.fromLeads); comparisonStarts = Set(n.comparisons.starts)
        approximators = Set(n.comparisons.approximators)
    }
}

/// implied.json's cues split into tokens, longest first.
struct ImpliedCues: Sendable {
    let unlessIn: [[String]]
    let cues: [(tokens: [String], entry: Lexicon.Implied.Entry)]

    init(_ i: Lexicon.Implied) {
        unlessIn = i.unlessIn.map(PhraseMatcher.split)
        cues = i.services.flatMap { e in e.cues.map { (PhraseMatcher.split($0), e) } }.sorted { $0.tokens.count > $1.tokens.count }
    }
}

/// Names of several words looked up by their first word, longest form first, so a text is read
/// the way a listener reads it: "s3 glacier" is Glacier, not S3 then a stray word. The service
/// catalog reads tokens with it; the key-point matcher reads stems.
struct NameTable: Sendable {
    private var byFirst: [String: [(words: [String], name: String)]] = [:]

    init(_ entries: [(words: [String], name: String)]) {
        for entry in entries {
            guard let first = entry.words.first else { continue }
            byFirst[first, default: []].append(entry)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.words.count > $1.words.count } }
    }

    var isEmpty: Bool { byFirst.isEmpty }

    /// The longest form that starts at `words[i]` and ends before `end`: its length and name.
    func longest(at i: Int, in words: [String], before end: Int) -> (count: Int, name: String)? {
        for form in byFirst[words[i]] ?? [] where i + form.words.count <= end {
            if words[i..<i + form.words.count].elementsEqual(form.words) { return (form.words.count, form.name) }
        }
        return nil
    }
}

/// Services by the first token of each form, longest form first.
struct ServiceIndex: Sendable {
    let names: [String]
    /// Features named like services ("Security Groups"), which no service dump counts.
    let features: Set<String>
    let forms: [(name: String, forms: [String])]
    let table: NameTable
    /// One-word everyday forms ("glue") and the neighbours that make them the everyday word.
    let bare: [String: (name: String, notBefore: Set<String>, notAfter: Set<String>)]

    init(_ s: Lexicon.Services) {
        names = s.services.map(\.name)
        features = Set(s.services.filter { $0.feature == true }.map(\.name))
        forms = s.services.map { ($0.name, $0.forms) }
        table = NameTable(s.services.flatMap { service in
            service.forms.map { (words: $0.split(separator: " ").flatMap { Tokenizer.split(String($0)) }, name: service.name) }
        })
        var bare: [String: (name: String, notBefore: Set<String>, notAfter: Set<String>)] = [:]
        for service in s.services {
            for b in service.bareForms ?? [] { bare[b.form] = (service.name, Set(b.notBefore), Set(b.notAfter)) }
        }
        self.bare = bare
    }
}

extension Lexicon {
    /// A lexicon with no words: what the analyzer falls back to, with a warning, when the
    /// standard one cannot be read.
    public static let empty = Lexicon(
        parts: .init(threshold: 2, parts: [:], tradeoffAfterChoice: []),
        decisions: .init(actionSubjects: .init([]), actionVerbs: .init([]), weakActionVerbs: .init([]), notActions: .init([]),
                         beVerbs: .init([]), impersonalChoices: .init([]), motionIdioms: .init([]), reasons: .init([]),
                         reasonOpeners: .init([]), alternatives: .init([]), motives: .init([]), costWords: .init([]),
                         riseWords: .init([]), fallWords: .init([])),
        speaker: .init(firstPerson: .init([]), hedgingFirstPerson: .init([]), possessives: .init([]),
                       possessiveLeads: .init([]), ownershipI: .init([]), ownershipWe: .init([]),
                       storySubjects: .init([]), pastVerbs: .init([])),
        flags: .init(definition: .init([]), firstPersonDecision: .init([]), marketing: .init([]), hedges: .init([]),
                     serviceListGlue: .init([])),
        clauses: .init(openers: .init([]), pairOpeners: .init([]),
                       subjectStarts: .init(subjects: [], adverbs: [], verbs: [], verbSuffixes: [], notAfter: [],
                                            contractions: .init([]), minTokensBefore: 4, examples: [], counterExamples: []),
                       timing: .init(minGap: 0.06, relativeGap: 3, notEndingWords: [], notStartingWords: []), homophones: .init(words: [:])),
        fillers: .init(hesitations: [], discourse: [], youKnow: .init(notAfter: [], examples: [], counterExamples: []),
                       iMean: .init(notAfter: [], partOfClauseAfter: [], explainingNext: [], examples: [], counterExamples: []),
                       like: .init(copulas: [], suchAs: .init(suffixes: [], notWords: []), governors: .init([]), comparisonStarters: .init([]), pastTenseVerbs: .init([]),
                                   numberStarters: .init([]), fillerNext: .init([]), restarts: .init([]), asConjunction: .init([]), examples: [],
                                   counterExamples: []),
                       clauseSubjects: .init([])),
        numbers: .init(numberWords: .init([]), units: .init([]), notUnitsAlone: .init([]), multipliers: .init([]),
                       unitsAfterNumberOnly: .init([]), fractions: .init(words: [], leads: [], notBefore: []),
                       floor: .init(word: "", leads: [], fromToEnds: []), numberHomophones: .init(words: [], notBeforeUnit: []),
                       magnitudes: .init([]), durations: .init(leads: [], articles: [], units: [], examples: [], counterExamples: []),
                       comparisons: .init(fromLeads: [], starts: [], approximators: [], examples: [], counterExamples: [])),
        services: .init(services: [], notRaisedInLanguageModel: .init([])),
        pronunciations: .init(letters: [:], words: [:], spelledAcronyms: [], alphanumericTokens: [], units: [:],
                              umPhones: "", neverWritten: []),
        implied: .init(unlessIn: [], services: []))
}
