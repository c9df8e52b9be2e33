/// Finds the bank's phrases in an answer the way docs/question-bank.md promises: on stems, in
/// order with a few other words allowed between, within one sentence, and aware of negation
/// ("security groups are not stateless" states no misconception). The words it treats as
/// negation, and how far it looks, are data (`Models/rubrics.json`, "matching").
public struct KeyPointMatcher: Sendable {
    public struct Rules: Codable, Sendable, Hashable {
        /// Other words allowed between two words of a phrase.
        public var maxGap: Int
        /// How many words before a match a negation still reaches.
        public var negationWindow: Int
        /// The same for misconceptions: wider, because "I wouldn't put a single database on Spot"
        /// must not be read as advice to, and calling a right answer wrong costs far more.
        public var misconceptionNegationWindow: Int?
        public var negators: [String]
        /// Words that reject what follows them, counted as negation for misconceptions only:
        /// "use a role instead of root access keys" recommends no root keys. Several words are
        /// matched as a sequence starting at the candidate word.
        public var misconceptionNegators: [String]?
        /// Of those, the ones that also reject a claim when they come before the name it is
        /// about ("instead of assuming the global database replicates synchronously"), within
        /// `misconceptionNegationWindow` words. Not "wrong" ("if it goes wrong on RDS, …").
        public var rejectersBeforeName: [String]?
        /// Words that start a new clause, which such a rejection does not reach past ("rather
        /// than a Compute one, since Compute Savings Plans don't cover Fargate" states the claim),
        /// and past which a name after a claim is not its subject when the claim's own clause
        /// names something before it.
        public var clauseBreaks: [String]?
        /// Openings of a new clause ("and it", "but the") that a negation before them does not
        /// reach past, for a claim: "nothing to run, and it bills by the hour" states it.
        public var negationEnds: [String]?
        /// Words right after a claim that make it conditional, so not the absolute wrong belief:
        /// "it is enough only when nothing denies".
        public var claimQualifiers: [String]?
        /// Words that make what follows them hypothetical, when they come right before a claim
        /// or before a pronoun right before it: "if it lists the bucket too, add ListBucket"
        /// states nothing about GetObject.
        public var hypotheticals: [String]?
        /// Openings of a clause about what the speaker does ("and I'd", "then we"): a name after
        /// one, past a claim, is what the person acts on, not what the claim is about ("sessions
        /// capped at an hour, and I'd watch CloudTrail for AssumeRole calls").
        public var personClauses: [String]?
        /// Words that point back to something named before them ("it", "they", "which"): a claim
        /// right after one is about what was named earlier, and a hypothetical reaches past one.
        public var pronouns: [String]?
        /// Verbs a denial hangs on right after a name: "NACLs are not", "they do not".
        public var auxiliaries: [String]?
        /// Words that open a relative clause ("which", "that"): one after a claim that denies
        /// it to a name denies it to that name ("…through the peer, which peering won't carry").
        public var relativePronouns: [String]?
        /// Two-word openings that look like negation but are not ("not only").
        public var notNegation: [String]
        /// Key points only: a phrase whose words are all said within its span, in another order,
        /// still counts ("no state file to host and lock" for "lock the state"). These words are
        /// left out of that test ("the", "to"…); misconceptions are always matched in order.
        public var anyOrderSkips: [String]?
        /// A phrase with one of these words is matched in order only: "four oh three" is not
        /// "three oh four", and "a million a day" is not "a day … a million".
        public var inOrderOnly: [String]?
        /// Key points only, when no phrase matched: one sentence that says at least `minWords`
        /// and `minShare` of the point's own content words (not the prompt's, not `anyOrderSkips`,
        /// not generic) makes the point in other words.
        public var pointWords: PointWords?
        public struct PointWords: Codable, Sendable, Hashable {
            public var minWords: Int
            public var minShare: Double
            /// A long point is made with this many of its words at most.
            public var maxWords: Int?
            /// How many sentences in a row may share the words (people split a point in two).
            public var sentences: Int?
            /// The same test over the point's words and its phrases' words together: one sentence
            /// with this many of them, at least one from a phrase, makes the point ("a customer
            /// emailed support three hours in" for "support ticket", "hours before" and "customers
            /// reported"). Nil: not tried.
            public var withPhraseWords: Int?
            /// How many of them must come from the phrases (default 1).
            public var fromPhrases: Int?
            /// Words that carry no topic ("what", "was", "before"), left out of that test.
            public var functionWords: [String]?
        }
        /// One-word phrases too common to be evidence of a key point (the bank lint rejects them).
        public var genericWords: [String]
        /// Things that are not services but have names of several words, each with the ways it is
        /// said ("task role", "task execution role"). With the service catalog's names
        /// (Models/lexicon/services.json) they keep a name in a phrase from matching inside a
        /// longer name of another thing: see `splitsName`.
        public var names: [Name]?
        public struct Name: Codable, Sendable, Hashable {
            public var name: String
            public var forms: [String]
        }
    }

    /// The answer (or a sentence) made ready for matching.
    struct Text {
        var stems: [String]
        /// True where a sentence ends after the token (typed punctuation).
        var sentenceEnd: [Bool]
        /// True where a typed comma (or any phrase break) follows the token; none in speech.
        var phraseEnd: [Bool]
        var start: [Double?]
        var words: [String]

        /// Each sentence's token range, in order (the last runs to the end).
        var sentences: [ClosedRange<Int>] {
            var out: [ClosedRange<Int>] = [], start = 0
            for i in stems.indices where sentenceEnd[i] || i == stems.count - 1 {
                out.append(start...i)
                start = i + 1
            }
            return out
        }
    }

    struct Match: Hashable {
        var range: ClosedRange<Int>
        var negated: Bool
    }

    let rules: Rules
    private let negators: Set<String>
    private let notNegation: Set<[String]>
    private let rejecters: [[String]]
    private let nameRejecters: [[String]]
    private let clauseBreaks: Set<String>
    private let qualifiers: [[String]]
    private let hypotheticals: Set<String>
    private let personClauses: [[String]]
    private let pronouns: Set<String>
    private let auxiliaries: Set<String>
    private let relativePronouns: Set<String>
    private let negationEnds: [[String]]
    /// Stems left out of an any-order match, stems that keep a phrase in order, and stems that
    /// are not a point's own words (prepared once from the rules).
    private let anyOrderSkips: Set<String>
    private let inOrderOnly: Set<String>
    let notPointWords: Set<String>
    /// Every name known, the catalog's services and `Rules.names`, as stems.
    private let nameForms: NameTable

    /// A name said in a run of stems: where, and which thing it names.
    struct NameSpan: Hashable {
        var range: ClosedRange<Int>
        var name: String
    }

    public init(rules: Rules) {
        self.init(rules: rules, services: CompiledCues.standard.services.forms)
    }

    /// `services`: the catalog's names and their forms (the standard lexicon's unless a test says).
    init(rules: Rules, services: [(name: String, forms: [String])]) {
        self.rules = rules
        negators = Set(rules.negators)
        notNegation = Set(rules.notNegation.map { $0.split(separator: " ").map(String.init) })
        rejecters = (rules.misconceptionNegators ?? []).map { $0.split(separator: " ").map(String.init) }
        nameRejecters = (rules.rejectersBeforeName ?? []).map { $0.split(separator: " ").map(String.init) }
        clauseBreaks = Set(rules.clauseBreaks ?? [])
        qualifiers = (rules.claimQualifiers ?? []).map { $0.split(separator: " ").map(String.init) }
        hypotheticals = Set(rules.hypotheticals ?? [])
        personClauses = (rules.personClauses ?? []).map { $0.split(separator: " ").map(String.init) }
        pronouns = Set(rules.pronouns ?? [])
        auxiliaries = Set(rules.auxiliaries ?? [])
        relativePronouns = Set(rules.relativePronouns ?? [])
        negationEnds = (rules.negationEnds ?? []).map { $0.split(separator: " ").map(String.init) }
        anyOrderSkips = Set((rules.anyOrderSkips ?? []).map(Self.stem))
        inOrderOnly = Set((rules.inOrderOnly ?? []).map(Self.stem))
        notPointWords = Set(((rules.anyOrderSkips ?? []) + rules.genericWords + rules.negators).map(Self.stem))
        nameForms = NameTable((services + (rules.names ?? []).map { ($0.name, $0.forms) }).flatMap { name, forms in
            forms.map { (words: Self.compile($0), name: name) }
        })
    }

    // MARK: Names

    /// The names said in `stems[range]`, read as the catalog reads services: left to right, the
    /// longest form first ("task execution role" is one name, not "task" then "execution role").
    func names(in stems: [String], _ range: ClosedRange<Int>) -> [NameSpan] {
        var out: [NameSpan] = []
        var i = range.lowerBound
        while i <= range.upperBound {
            if let form = nameForms.longest(at: i, in: stems, before: range.upperBound + 1) {
                out.append(NameSpan(range: i...(i + form.count - 1), name: form.name))
                i += form.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether a name of several words in a phrase (`name`, found at `positions` in `text`,
    /// sorted) was matched across other words that make, with its own, the name of another
    /// thing: "task role" across "task execution role", "aws managed key" across "aws customer
    /// managed key". Words between that name nothing, or the same thing ("vpc interface
    /// endpoint" for "vpc endpoint"), do not split it.
    func splitsName(_ name: String, at positions: [Int], in text: Text) -> Bool {
        guard let first = positions.first, let last = positions.last, last - first + 1 > positions.count else { return false }
        // Read from the sentence's start, so the reading is the one the whole sentence gets.
        var start = first
        while start > 0, !text.sentenceEnd[start - 1] { start -= 1 }
        var end = last
        while end < text.stems.count - 1, !text.sentenceEnd[end] { end += 1 }
        let own = Set(positions)
        return names(in: text.stems, start...end).contains { said in
            said.name != name && said.range.contains { own.contains($0) }
                && said.range.contains { $0 > first && $0 < last && !own.contains($0) }
        }
    }

    /// Whether any name of several words in `phrase` (compiled) is split where `positions`
    /// (one per phrase word, in the phrase's order; -1 for a word not looked for) found it.
    private func splitsAName(_ phrase: [String], at positions: [Int], in text: Text) -> Bool {
        guard !nameForms.isEmpty, !phrase.isEmpty else { return false }
        return names(in: phrase, 0...(phrase.count - 1)).contains { n in
            let found = Set(n.range.map { positions[$0] }.filter { $0 >= 0 }).sorted()
            return found.count > 1 && splitsName(n.name, at: found, in: text)
        }
    }

    // MARK: Preparing text

    static func text(_ tokens: [Token]) -> Text {
        Text(stems: tokens.map { stem($0.text) }, sentenceEnd: tokens.map(\.sentenceEnd),
             phraseEnd: tokens.map(\.breakAfter), start: tokens.map(\.start), words: tokens.map(\.text))
    }

    /// Plain text as the analyzer would see it typed (fillers are not removed: callers that care pass tokens).
    static func text(_ plain: String) -> Text {
        text(Tokenizer.tokens(from: Tokenizer.words(fromText: plain)))
    }

    static func compile(_ phrase: String) -> [String] {
        Tokenizer.split(phrase).map(stem)
    }

    /// A light suffix stemmer: the same on both sides is what matters, not linguistics.
    /// "allows", "allowed", "allowing" → "allow"; "denies", "denied" → "deny"; "stopped" → "stop".
    static func stem(_ word: String) -> String {
        var s = word
        if s.hasSuffix("'s") { s.removeLast(2) }
        // Three-letter plurals of abbreviations: "ids", "azs", "sgs", "ips".
        if s.count == 3, s.hasSuffix("s"), !["has", "was", "his", "its", "yes", "bus", "gas"].contains(s),
           s.allSatisfy(\.isLetter) { return String(s.dropLast()) }
        guard s.count > 3, s.allSatisfy({ $0.isLetter || $0 == "'" }) else { return s }
        func hasVowel(_ t: Substring) -> Bool { t.contains { "aeiouy".contains($0) } }
        func undouble(_ t: String) -> String {
            guard t.count > 2, let last = t.last, t.dropLast().last == last, !"lsz".contains(last),
                  !"aeiou".contains(last) else { return t }
            return String(t.dropLast())
        }
        if s.hasSuffix("ies") || s.hasSuffix("ied"), s.count > 4 {
            s = String(s.dropLast(3)) + "y"
        } else if s.hasSuffix("ing"), s.count > 5, hasVowel(s.dropLast(3)) {
            s = undouble(String(s.dropLast(3)))
        } else if s.hasSuffix("ed"), !s.hasSuffix("eed"), s.count > 4, hasVowel(s.dropLast(2)) {
            s = undouble(String(s.dropLast(2)))
        } else if s.hasSuffix("es"), ["ch", "sh", "ss", "x", "z"].contains(where: { s.dropLast(2).hasSuffix($0) }) {
            s = String(s.dropLast(2))
        } else if s.hasSuffix("s"), !s.hasSuffix("ss"), !s.hasSuffix("us"), !s.hasSuffix("is") {
            s = String(s.dropLast())
        }
        if s.count > 3, s.hasSuffix("e") { s.removeLast() }
        return s
    }

    // MARK: Matching

    /// Every place `phrase` (compiled) occurs in `text`, each as the positions of its words, in
    /// order of where they start.
    func occurrences(_ phrase: [String], in text: Text) -> [[Int]] {
        guard let first = phrase.first else { return [] }
        var out: [[Int]] = []
        for i in text.stems.indices where text.stems[i] == first {
            var positions = [i]
            var at = i
            for word in phrase.dropFirst() {
                let limit = min(text.stems.count - 1, at + 1 + rules.maxGap)
                guard at + 1 <= limit,
                      let next = (at + 1...limit).first(where: { text.stems[$0] == word }),
                      !(at..<next).contains(where: { text.sentenceEnd[$0] }) else { positions = []; break }
                positions.append(next)
                at = next
            }
            if !positions.isEmpty, !splitsAName(phrase, at: positions, in: text) { out.append(positions) }
        }
        return out
    }

    /// The first match of `phrase` (compiled) in `text`, preferring one that is not negated.
    func find(_ phrase: [String], in text: Text, negationWindow: Int? = nil, misconception: Bool = false) -> Match? {
        var negatedMatch: Match?
        for positions in occurrences(phrase, in: text) {
            let match = Match(range: positions[0]...positions.last!,
                              negated: negated(positions, in: text, window: negationWindow ?? rules.negationWindow,
                                               misconception: misconception))
            if !match.negated { return match }
            negatedMatch = negatedMatch ?? match
        }
        return negatedMatch
    }

    /// `phrase` said with its words in any order within the span an in-order match may take
    /// (`anyOrderSkips` left out), inside one sentence, preferring a match not negated.
    func findAnyOrder(_ phrase: [String], in text: Text) -> Match? {
        guard rules.anyOrderSkips != nil, !phrase.contains(where: inOrderOnly.contains) else { return nil }
        let content = Set(phrase.filter { !anyOrderSkips.contains($0) })
        guard content.count >= 2 else { return nil }
        let span = phrase.count + rules.maxGap * (phrase.count - 1)
        var negatedMatch: Match?
        for i in text.stems.indices where content.contains(text.stems[i]) {
            var seen: [String: Int] = [:]
            var k = i
            while k < text.stems.count, k < i + span {
                if content.contains(text.stems[k]), seen[text.stems[k]] == nil { seen[text.stems[k]] = k }
                if seen.count == content.count || text.sentenceEnd[k] { break }
                k += 1
            }
            guard seen.count == content.count,
                  !splitsAName(phrase, at: phrase.map { seen[$0] ?? -1 }, in: text) else { continue }
            let positions = seen.values.sorted()
            let match = Match(range: positions[0]...positions.last!, negated: negated(positions, in: text, window: rules.negationWindow))
            if !match.negated { return match }
            negatedMatch = negatedMatch ?? match
        }
        return negatedMatch
    }

    /// `text` with the sentences that say the prompt back masked out: a sentence of at least
    /// `echoMinimumWords` content words, `echoShare` of them the prompt's ("the release process
    /// has to catch a bad version and roll it back automatically"). Indices stay the same.
    func withoutEchoes(of prompt: Text, in text: Text) -> Text {
        let promptStems = Set(prompt.stems)
        return Self.masking(text) { saysBack(text.stems[$0], prompt: promptStems) }
    }

    /// `text` with the sentences `masked` picks replaced by `echoMask`, indices kept.
    private static func masking(_ text: Text, where masked: (ClosedRange<Int>) -> Bool) -> Text {
        var out = text
        for sentence in text.sentences where masked(sentence) {
            for j in sentence { out.stems[j] = echoMask }
        }
        return out
    }

    /// Whether a run of stems says the prompt back: at least `echoMinimumWords` content words,
    /// `echoShare` of them the prompt's.
    func saysBack(_ stems: ArraySlice<String>, prompt: Set<String>) -> Bool {
        let content = stems.filter { $0.count > 2 && !notPointWords.contains($0) }
        return content.count >= Self.echoMinimumWords
            && Double(content.filter(prompt.contains).count) / Double(content.count) >= Self.echoShare
    }

    /// `text` with the sentences that retell `first` (the first answer, when this one answers a
    /// follow-up) masked out: `share` or more of a sentence's three-word runs are the first
    /// answer's. Indices stay the same.
    func withoutRetelling(of first: [String], in text: Text, share: Double) -> Text {
        let theirs = Set(Self.threeWordRuns(first.map(Self.stem)))
        return Self.masking(text) { sentence in
            let mine = Self.threeWordRuns(Array(text.stems[sentence]))
            return !mine.isEmpty && Double(mine.filter(theirs.contains).count) / Double(mine.count) >= share
        }
    }

    /// Every run of three words in a row: what "retelling" is counted in.
    static func threeWordRuns(_ s: [String]) -> [[String]] {
        s.count < 3 ? [] : (0...(s.count - 3)).map { Array(s[$0..<$0 + 3]) }
    }

    static let echoMinimumWords = 4
    static let echoShare = 0.6
    static let echoMask = "_echo_"

    /// The point's own words said in one sentence, or in `PointWords.sentences` in a row (see
    /// `Rules.pointWords`): where, or nil.
    func pointWordsMatch(_ point: String, in text: Text, prompt: Text?) -> Match? {
        guard let rule = rules.pointWords else { return nil }
        let promptStems = Set(prompt?.stems ?? [])
        let content = Set(Self.compile(point).filter {
            $0.count > 2 && !notPointWords.contains($0) && !promptStems.contains($0) && !($0.first?.isNumber ?? false)
        })
        let need = min(rule.maxWords ?? Int.max, max(rule.minWords, Int((rule.minShare * Double(content.count)).rounded(.up))))
        guard content.count >= rule.minWords else { return nil }
        let sentences = text.sentences
        let span = max(1, rule.sentences ?? 1)
        for k in sentences.indices {
            let window = sentences[k].lowerBound...sentences[min(sentences.count - 1, k + span - 1)].upperBound
            let said = window.filter { content.contains(text.stems[$0]) }
            guard Set(said.map { text.stems[$0] }).count >= need, let first = said.first, let last = said.last,
                  !negated([first], in: text, window: rules.negationWindow) else { continue }
            return Match(range: first...last, negated: false)
        }
        return nil
    }

    /// The point made in other words drawn from its phrases too (`PointWords.withPhraseWords`):
    /// one sentence with that many distinct content words of the point and its phrases, one
    /// of them a phrase's, none of them the prompt's; where, or nil.
    func phraseWordsMatch(_ point: String, phrases: [String], in text: Text, prompt: Text?) -> Match? {
        guard let rule = rules.pointWords, let need = rule.withPhraseWords else { return nil }
        let skip = notPointWords.union(Set(prompt?.stems ?? [])).union((rule.functionWords ?? []).map(Self.stem))
        func content(_ s: String) -> Set<String> {
            Set(Self.compile(s).filter { $0.count > 2 && !skip.contains($0) && !($0.first?.isNumber ?? false) })
        }
        let fromPhrases = phrases.reduce(into: Set<String>()) { $0.formUnion(content($1)) }
        let vocabulary = content(point).union(fromPhrases)
        guard vocabulary.count >= need, !fromPhrases.isEmpty else { return nil }
        for sentence in text.sentences {
            let said = sentence.filter { vocabulary.contains(text.stems[$0]) }
            let distinct = Set(said.map { text.stems[$0] })
            guard distinct.count >= need, distinct.intersection(fromPhrases).count >= (rule.fromPhrases ?? 1), let first = said.first, let last = said.last,
                  !negated([first], in: text, window: rules.negationWindow) else { continue }
            return Match(range: first...last, negated: false)
        }
        return nil
    }

    /// One of `hypotheticals` right before the claim starting at `start`, or before a pronoun
    /// right before it, in its sentence.
    private func hypothetical(before start: Int, in text: Text) -> Bool {
        guard !hypotheticals.isEmpty else { return false }
        for back in 1...2 {
            let k = start - back
            guard k >= 0, !text.sentenceEnd[k] else { return false }
            if hypotheticals.contains(text.words[k]) { return true }
            if !pronouns.contains(text.words[k]) { return false }
        }
        return false
    }

    /// A qualifier ("only when", "unless") within the three words after a claim.
    private func qualified(after end: Int, in text: Text) -> Bool {
        for k in (end + 1)..<min(text.words.count, end + 4) {
            if text.sentenceEnd[k - 1] { return false }
            if Self.startsOne(of: qualifiers, at: k, in: text) { return true }
        }
        return false
    }

    /// Where `claim` is stated: a `says` phrase, not negated, whose nearest named thing in its
    /// sentence is one of the claim's subjects rather than one of the others. With nothing named
    /// in its sentence, the last thing named in the sentence before stands in ("They are
    /// stateless."). With nothing named in either, the question asked stands in: "set it to half
    /// the function timeout" answers "how would you choose the visibility timeout?". A `says`
    /// phrase inside a name ("read" in "read replica") does not count.
    func statement(of claim: Misconception.Claim, in text: Text, asked: Text? = nil) -> Match? {
        let window = rules.misconceptionNegationWindow ?? rules.negationWindow
        var found: [(words: [Int], subject: Bool)] = []
        for (names, isSubject) in [(claim.subject, true), (claim.others, false)] {
            for name in names {
                for p in occurrences(Self.compile(name), in: text) { found.append((p, isSubject)) }
            }
        }
        // The longer name said is the one meant, as the catalog reads services: a subject said
        // inside one of the others ("nat" in "nat instance"), or found around one ("task role"
        // around the "execution role" of "task execution role"), names that other, not the
        // subject; and the reverse. Only a name said as one run of words wins so.
        func yields(_ a: (words: [Int], subject: Bool)) -> Bool {
            let span = a.words[0]...a.words.last!, own = Set(a.words)
            return found.contains { b in
                guard b.subject != a.subject, b.words.last! - b.words[0] + 1 == b.words.count else { return false }
                let whole = b.words[0]...b.words.last!
                if whole != span, whole.contains(span.lowerBound), whole.contains(span.upperBound) { return true }
                return whole.contains { own.contains($0) } && whole.contains { span.contains($0) && !own.contains($0) }
            }
        }
        let mentions: [(range: ClosedRange<Int>, subject: Bool)] = found.filter { !yields($0) }.map { ($0.words[0]...$0.words.last!, $0.subject) }
        // What the question names: a subject there (and none of the others) is what an answer
        // that names nothing is about.
        let askedAbout = asked.map { q in
            claim.subject.contains { !occurrences(Self.compile($0), in: q).isEmpty }
                && !claim.others.contains { !occurrences(Self.compile($0), in: q).isEmpty }
        } ?? false
        guard askedAbout || mentions.contains(where: \.subject) else { return nil }
        var sentence = [Int](), n = 0
        for i in text.stems.indices { sentence.append(n); if text.sentenceEnd[i] { n += 1 } }
        var best: Match?
        for phrase in claim.says {
            for positions in occurrences(Self.compile(phrase), in: text) {
                let says = positions[0]...positions.last!
                if mentions.contains(where: { $0.range.overlaps(says) }) { continue }
                if negated(positions, in: text, window: window, misconception: true) { continue }
                if qualified(after: says.upperBound, in: text) { continue }
                let here = sentence[says.lowerBound]
                if hypothetical(before: says.lowerBound, in: text) { continue }
                func distance(_ r: ClosedRange<Int>) -> Int {
                    r.upperBound < says.lowerBound ? says.lowerBound - r.upperBound : r.lowerBound - says.upperBound
                }
                // "…and it pushes a copy to every subscriber, or SQS queues": a pronoun just before
                // the claim points back, so only what was named before it can be its subject.
                let pointsBack = (max(0, says.lowerBound - 3)..<says.lowerBound).contains {
                    sentence[$0] == here && pronouns.contains(text.words[$0])
                }
                // "Security groups are stateful, network ACLs are not": a name after the claim
                // that is denied it ("are not", "don't") is the contrast, not what the claim is about.
                // ("X, not Y" is a different shape: there "not" comes before the name it denies.)
                func deniedAfter(_ r: ClosedRange<Int>) -> Bool {
                    guard r.lowerBound > says.upperBound, r.upperBound + 1 < text.words.count else { return false }
                    let next = text.words[r.upperBound + 1]
                    if next.hasSuffix("n't") { return sentence[r.upperBound + 1] == here }
                    return r.upperBound + 2 < text.words.count && auxiliaries.contains(next)
                        && sentence[r.upperBound + 2] == here && negates(at: r.upperBound + 2, in: text, misconception: false)
                }
                // "A five oh three means the targets are overloaded, and a five oh two means …": with a
                // name before the claim in its own clause, a name after it past a clause break
                // ("and", "while") belongs to the next clause.
                func breakBetween(_ a: Int, _ b: Int) -> Bool { (a..<b).contains { clauseBreaks.contains(text.words[$0]) } }
                // A typed comma right before a name opens that name's own clause: "Lambda is billed
                // while it waits, Step Functions bills per transition".
                func afterComma(_ r: ClosedRange<Int>) -> Bool { r.lowerBound > 0 && text.phraseEnd[r.lowerBound - 1] }
                // "Strongly consistent reads cost double, and you can't use them on a GSI": a subject
                // after the claim with a negator before it in its own clause is denied the claim.
                func negatedBefore(_ r: ClosedRange<Int>) -> Bool {
                    r.lowerBound > says.upperBound
                        && inClause(before: r.lowerBound, in: text, window: r.lowerBound - says.upperBound - 1, phrase: true) {
                            negates(at: $0, in: text, misconception: false)
                        }
                }
                // "…the call is really transitive, through the peer, which peering won't carry": a
                // relative clause after the claim denies it to its subject.
                if mentions.contains(where: {
                    $0.subject && sentence[$0.range.lowerBound] == here && $0.range.lowerBound > 0
                        && relativePronouns.contains(text.words[$0.range.lowerBound - 1]) && deniedAfter($0.range)
                }) { continue }
                // "Sessions capped at an hour, and I'd watch CloudTrail for AssumeRole calls".
                func personBetween(_ r: ClosedRange<Int>) -> Bool {
                    r.lowerBound > says.upperBound
                        && (says.upperBound + 1..<r.lowerBound).contains { Self.startsOne(of: personClauses, at: $0, in: text) }
                }
                let namedBefore = mentions.contains {
                    sentence[$0.range.lowerBound] == here && $0.range.upperBound < says.lowerBound
                        && !breakBetween($0.range.upperBound + 1, says.lowerBound)
                }
                let same = mentions.filter {
                    sentence[$0.range.lowerBound] == here && (!pointsBack || $0.range.upperBound < says.lowerBound)
                        && !deniedAfter($0.range) && !($0.subject && negatedBefore($0.range)) && !personBetween($0.range)
                        && !(namedBefore && $0.range.lowerBound > says.upperBound
                             && (breakBetween(says.upperBound + 1, $0.range.lowerBound) || afterComma($0.range)))
                }
                let nearest: (range: ClosedRange<Int>, subject: Bool)?
                if same.isEmpty {
                    nearest = mentions.filter { sentence[$0.range.lowerBound] == here - 1 }
                        .max { $0.range.upperBound < $1.range.upperBound }
                } else {
                    // Nearest wins; at equal distance the one named before the claim.
                    nearest = same.min { a, b in
                        let (da, db) = (distance(a.range), distance(b.range))
                        return da != db ? da < db : a.range.lowerBound < b.range.lowerBound
                    }
                }
                if nearest == nil, askedAbout, !mentions.contains(where: { sentence[$0.range.lowerBound] == here }) {
                    if says.lowerBound < best?.range.lowerBound ?? Int.max { best = Match(range: says, negated: false) }
                    continue
                }
                guard let nearest, nearest.subject else { continue }
                let range = min(nearest.range.lowerBound, says.lowerBound)...max(nearest.range.upperBound, says.upperBound)
                // "Security groups never keep state": a negator between the name and the claim.
                // Not one in an earlier clause: "Athena is SQL on S3, nothing to run, and it bills by the hour".
                if nearest.range.upperBound < says.lowerBound,
                   (nearest.range.upperBound + 1..<says.lowerBound).contains(where: {
                       negates(at: $0, in: text, misconception: true)
                           && !($0 + 1..<says.lowerBound).contains { Self.startsOne(of: negationEnds, at: $0, in: text) } }) { continue }
                // "Instead of assuming the global database replicates synchronously": a rejection
                // just before the name reaches the claim made about it.
                if nearest.range.upperBound < says.lowerBound, rejected(before: nearest.range.lowerBound, in: text, window: window) { continue }
                // "A one minute RPO rules out backup and restore": a rejection between the claim and a
                // name said after it.
                if nearest.range.lowerBound > says.upperBound,
                   rejected(before: nearest.range.lowerBound, in: text, window: nearest.range.lowerBound - says.upperBound - 1) { continue }
                if range.lowerBound < best?.range.lowerBound ?? Int.max { best = Match(range: range, negated: false) }
            }
        }
        return best
    }

    /// A negator in the words between the phrase's own words, or in the few words before it
    /// (not reaching back past a sentence end).
    private func negated(_ positions: [Int], in text: Text, window: Int, misconception: Bool = false) -> Bool {
        let own = Set(positions)
        var candidates = (positions[0]...positions.last!).filter { !own.contains($0) }
        var k = positions[0] - 1
        while k >= 0, k >= positions[0] - window, !text.sentenceEnd[k] {
            candidates.append(k)
            // A claim's negation is in its own clause: "nothing to run, and it bills by the hour".
            if misconception, Self.startsOne(of: negationEnds, at: k, in: text) { break }
            k -= 1
        }
        return candidates.contains { negates(at: $0, in: text, misconception: misconception) }
    }

    /// One of `rejectersBeforeName` in the `window` words before `start`, within its sentence
    /// and clause.
    private func rejected(before start: Int, in text: Text, window: Int) -> Bool {
        inClause(before: start, in: text, window: window) { Self.startsOne(of: nameRejecters, at: $0, in: text) }
    }

    /// Whether a word in the `window` words before `start`, within its sentence and clause (and,
    /// with `phrase`, not past a typed comma), passes `test`.
    private func inClause(before start: Int, in text: Text, window: Int, phrase: Bool = false, _ test: (Int) -> Bool) -> Bool {
        var k = start - 1
        while k >= 0, k >= start - window, !text.sentenceEnd[k], !clauseBreaks.contains(text.words[k]), !(phrase && text.phraseEnd[k]) {
            if test(k) { return true }
            k -= 1
        }
        return false
    }

    /// Whether one of `phrases` (each a run of words) starts at word `k`.
    private static func startsOne(of phrases: [[String]], at k: Int, in text: Text) -> Bool {
        phrases.contains { r in k + r.count <= text.words.count && Array(text.words[k..<k + r.count]) == r }
    }

    /// Whether the word at `k` negates (or, for a misconception, rejects) what follows it.
    private func negates(at k: Int, in text: Text, misconception: Bool) -> Bool {
        let w = text.words[k]
        if misconception, Self.startsOne(of: rejecters, at: k, in: text) { return true }
        guard negators.contains(w) || w.hasSuffix("n't") else { return false }
        return !(k + 1 < text.words.count && notNegation.contains([w, text.words[k + 1]]))
    }

    /// The phrase that matches earliest in the answer without negation (or with it, when
    /// `negatedCounts`), skipping phrases the prompt says: the phrase and where.
    func firstMatch(of phrases: [String], in text: Text, except prompt: Text? = nil,
                    misconception: Bool = false, negatedCounts: Bool = false) -> (phrase: String, match: Match)? {
        let window = misconception ? rules.misconceptionNegationWindow ?? rules.negationWindow : rules.negationWindow
        var best: (phrase: String, match: Match)?
        for phrase in phrases {
            let compiled = Self.compile(phrase)
            if let prompt, find(compiled, in: prompt).map({ !$0.negated }) == true { continue }
            if let prompt, !misconception, findAnyOrder(compiled, in: prompt).map({ !$0.negated }) == true { continue }
            var found = find(compiled, in: text, negationWindow: window, misconception: misconception)
            if !misconception, found.map({ !$0.negated }) != true, let loose = findAnyOrder(compiled, in: text) { found = loose }
            if let m = found, negatedCounts || !m.negated, m.range.lowerBound < best?.match.range.lowerBound ?? Int.max {
                best = (phrase, m)
            }
        }
        return best
    }

    /// Where an answer states a misconception, by its phrases or its claim: the earliest.
    func statement(of m: Misconception, in text: Text, asked: Text? = nil) -> Match? {
        let byPhrase = firstMatch(of: m.phrases, in: text, misconception: true)?.match
        let byClaim = m.bound.flatMap { statement(of: $0, in: text, asked: asked) }
        return [byPhrase, byClaim].compactMap { $0 }.min { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a sentence counts for `phrases` (what the bank's examples check).
    public func matches(_ phrases: [String], sentence: String, misconception: Bool = false) -> Bool {
        firstMatch(of: phrases, in: Self.text(sentence), misconception: misconception) != nil
    }

    /// Whether a sentence states the misconception (what its examples check).
    public func states(_ m: Misconception, sentence: String) -> Bool {
        statement(of: m, in: Self.text(sentence)) != nil
    }
}
