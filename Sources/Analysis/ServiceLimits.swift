import Foundation

/// AWS quotas and defaults as figures (Models/limits.json): how long a Lambda invocation can run,
/// how long SQS keeps a message, how big a DynamoDB item can be. A candidate who gives one of them
/// as a limit with the wrong figure ("Lambda can run for up to thirty minutes") is told the right
/// one, whatever the question, the way the common wrong beliefs are (`CommonMisconceptions`).
///
/// A figure is read as a limit only when the words around it say so ("up to", "at most", "the
/// maximum", "by default", "can't run longer than"), and never when they say someone set it ("we
/// set the timeout to thirty seconds") or report it as a belief or the past ("people think", "it
/// used to be"). Of the limits whose subject and measure are named near the figure, the nearest
/// one is checked; a figure within `tolerance` of any accepted value is right.
public struct ServiceLimits: Sendable {
    public struct Limit: Codable, Sendable, Hashable {
        /// What the figure is: "how long one Lambda invocation can run". Shown as the point.
        public var about: String
        /// The thing it is a limit of, any of these words: "lambda", "lambda function".
        public var subject: [String]
        /// What is measured: "run", "timeout". A count's measure follows the number ("eight mfa
        /// devices"). Empty when the subject has only one such figure ("an express workflow").
        public var measure: [String]
        /// A unit family of the file's `units`, or "count" for a bare number before its measure.
        public var unit: String
        /// Every right figure, written as a person would type it: "15 minutes", "3 seconds". Empty
        /// when there is no such limit ("a standard queue's messages a second"): any figure given
        /// as one is wrong.
        public var accept: [String]
        /// Of `accept`, the figures that are the default, where the default is not the limit
        /// ("three seconds" of a Lambda timeout that can go to fifteen minutes). A figure given as
        /// the default (one of the file's `defaultCues` in its clause) must be one of these, so
        /// "Kinesis keeps records a year by default" is wrong though a year is allowed.
        public var byDefault: [String]?
        /// The figure is a fixed fact whenever subject and measure are named beside it ("a two
        /// minute warning"), so no limit word is needed.
        public var always: Bool?
        /// How far from an accepted value a figure may be and still be right (a share of it).
        public var tolerance: Double?
        public var correction: String
        public var examples: PhraseExamples
        public var checked: Checked?
    }

    /// The file as written.
    public struct File: Codable, Sendable {
        public var about: String?
        /// Unit family → unit word → its size in the family's base unit.
        public var units: [String: [String: Double]]
        /// Words that make a figure a limit when said near it ("at most", "maximum", "by default").
        public var limitCues: [String]
        /// Words that make "up to" a limit rather than a setting or a measurement: a capability
        /// ("can", "lets", "keeps").
        public var upToNeeds: [String]
        /// Words that make a figure someone's setting or someone else's belief, not a limit.
        public var notALimit: [String]
        /// Words that end a clause: a measure on the far side of one is another figure's.
        public var clauseBreaks: [String]
        /// Words that give a figure as the default ("by default", "defaults to"), checked against
        /// a limit's `byDefault` when said in the figure's clause.
        public var defaultCues: [String]?
        /// The small words that say how a figure is meant.
        public var figureWords: FigureWords
        public var limits: [Limit]
    }

    /// Words around a figure that change what it says (limits.json `figureWords`).
    public struct FigureWords: Codable, Sendable {
        public var about: String?
        /// A figure after one of these in its sentence is denied, not given ("it's not fifteen
        /// minutes"); so is one after any word ending in "n't".
        public var negators: [String]
        /// Denials that turn a comparison into the limit: "can't run longer than fifteen minutes".
        public var capNegators: [String]
        /// Words right before a figure that compare with it ("longer than", "over", "under").
        public var comparing: [String]
        /// Words that open a range ("between five and ten"): a figure in one is not a limit.
        public var ranges: [String]
        /// Words skipped to find the word that leads a figure ("about", "only", "roughly").
        public var approximators: [String]
        public init(negators: [String], capNegators: [String], comparing: [String], ranges: [String], approximators: [String]) {
            self.negators = negators; self.capNegators = capNegators; self.comparing = comparing
            self.ranges = ranges; self.approximators = approximators
        }
    }

    public let file: File
    private let compiled: [Compiled]
    private let limitCues: [[String]]
    private let upToNeeds: [[String]]
    private let notALimit: [[String]]
    private let unitSizes: [String: (family: String, size: Double)]
    private let clauseBreaks: Set<String>
    private let defaultCues: [[String]]
    private let negators: Set<String>, capNegators: Set<String>, comparing: Set<String>
    private let ranges: Set<String>, approximators: Set<String>

    private struct Compiled: Sendable {
        var limit: Limit
        var subject: [[String]]
        var measure: [[String]]
        var accepted: [Double]
        var defaults: [Double]?
    }

    /// Why a limit cannot be used as written ("accept \"fifteen\" has no unit"); empty when all can.
    public let problems: [String]

    public init(_ file: File) {
        self.file = file
        var sizes: [String: (family: String, size: Double)] = [:]
        for (family, units) in file.units { for (word, size) in units { sizes[word] = (family, size) } }
        unitSizes = sizes
        limitCues = file.limitCues.map(Self.split)
        upToNeeds = file.upToNeeds.map(Self.split)
        notALimit = file.notALimit.map(Self.split)
        clauseBreaks = Set(file.clauseBreaks)
        defaultCues = (file.defaultCues ?? []).map(Self.split)
        negators = Set(file.figureWords.negators)
        capNegators = Set(file.figureWords.capNegators)
        comparing = Set(file.figureWords.comparing)
        ranges = Set(file.figureWords.ranges)
        approximators = Set(file.figureWords.approximators)
        var problems: [String] = []
        var compiled: [Compiled] = []
        for limit in file.limits {
            if limit.unit != "count", file.units[limit.unit] == nil {
                problems.append("\(limit.about): unit family \"\(limit.unit)\" is not in units")
            }
            func values(_ list: [String], _ field: String) -> [Double] {
                list.compactMap { written in
                    let words = Tokenizer.tokens(from: Tokenizer.words(fromText: written)).map(\.text)
                    if let figure = Self.figures(in: words, units: sizes).first,
                       limit.unit == "count" ? figure.family == nil : figure.family == limit.unit {
                        return figure.value
                    }
                    problems.append("\(limit.about): \(field) \"\(written)\" is not a figure in \(limit.unit)")
                    return nil
                }
            }
            let accepted = values(limit.accept, "accept")
            let defaults = limit.byDefault.map { values($0, "byDefault") }
            for written in limit.byDefault ?? [] where !limit.accept.contains(written) {
                problems.append("\(limit.about): byDefault \"\(written)\" is not in accept")
            }
            compiled.append(Compiled(limit: limit, subject: limit.subject.map(Self.split),
                                     measure: limit.measure.map(Self.split), accepted: accepted, defaults: defaults))
        }
        self.compiled = compiled
        self.problems = problems
    }

    public init(contentsOf url: URL) throws(QuestionBankError) {
        do { self.init(try JSONDecoder().decode(File.self, from: Data(contentsOf: url))) } catch let error as QuestionBankError {
            throw error
        } catch {
            throw QuestionBankError(file: url.path, reason: LexiconError.describe(error))
        }
    }

    /// Models/limits.json from the Models folder `ModelsDirectory` finds, read once; none when
    /// the folder has no such file.
    public static let standard: Result<ServiceLimits, QuestionBankError> = Result { () throws(QuestionBankError) in
        guard let models = ModelsDirectory.locate() else { return ServiceLimits.none }
        let url = models.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return ServiceLimits.none }
        return try ServiceLimits(contentsOf: url)
    }

    public static let none = ServiceLimits(File(units: [:], limitCues: [], upToNeeds: [], notALimit: [], clauseBreaks: [],
                                                figureWords: .init(negators: [], capNegators: [], comparing: [], ranges: [], approximators: []),
                                                limits: []))
    public static let fileName = "limits.json"

    static func split(_ phrase: String) -> [String] {
        Tokenizer.tokens(from: Tokenizer.words(fromText: phrase)).map(\.text)
    }

    // MARK: Figures

    /// A figure said in words: where it is, its value in its family's base unit, and the family
    /// (nil for a bare number).
    struct Figure: Hashable {
        var range: ClosedRange<Int>
        var value: Double
        var family: String?
    }

    /// Every figure in `words`: a number, and the unit right after it when there is one.
    static func figures(in words: [String], units: [String: (family: String, size: Double)]) -> [Figure] {
        var out: [Figure] = []
        var i = 0
        while i < words.count {
            // "up to a year", "a hundred": an article stands for one, except in a rate after a
            // figure ("one megabyte a second", "a thousand reads a second").
            if words[i] == "a" || words[i] == "an", i + 1 < words.count, units[words[i + 1]] != nil,
               words[max(0, i - 3)..<i].contains(where: SpokenDigits.isNumberWord) {
                i += 1; continue
            }
            guard let (value, end) = SpokenDigits.value(at: i, in: words, articleBefore: { units[$0] != nil }) else { i += 1; continue }
            if end < words.count, let unit = units[words[end]] {
                out.append(Figure(range: i...end, value: value * unit.size, family: unit.family))
                i = end + 1
            } else {
                out.append(Figure(range: i...(end - 1), value: value, family: nil))
                i = end
            }
        }
        return out
    }

    // MARK: Finding a wrong figure

    /// A limit the text gives with a wrong figure: the words, and which limit.
    struct Statement {
        var range: ClosedRange<Int>
        var limit: Limit
    }

    private static func occurrences(_ phrase: [String], in words: [String], within r: Range<Int>) -> [Int] {
        guard !phrase.isEmpty, r.count >= phrase.count else { return [] }
        return (r.lowerBound...(r.upperBound - phrase.count)).filter { Array(words[$0..<$0 + phrase.count]) == phrase }
    }

    private static func has(_ phrases: [[String]], in words: [String], within r: Range<Int>) -> Bool {
        phrases.contains { !occurrences($0, in: words, within: r).isEmpty }
    }

    func statements(in words: [String], sentenceEnd: [Bool]) -> [Statement] {
        guard !compiled.isEmpty else { return [] }
        var out: [Statement] = []
        for figure in Self.figures(in: words, units: unitSizes) {
            // The sentence around the figure, and a window of it.
            var lo = figure.range.lowerBound
            while lo > 0, !sentenceEnd[lo - 1], figure.range.lowerBound - lo < 14 { lo -= 1 }
            var hi = figure.range.upperBound
            while hi + 1 < words.count, !sentenceEnd[hi], hi - figure.range.upperBound < 6 { hi += 1 }
            let before = lo..<figure.range.lowerBound
            let window = lo..<(hi + 1)
            // The subject may be named further back in the sentence.
            var far = lo
            while far > 0, !sentenceEnd[far - 1], figure.range.lowerBound - far < 30 { far -= 1 }
            let subjectWindow = far..<(hi + 1)
            // The words just before the figure, past "about" and the like.
            var k = figure.range.lowerBound - 1
            while k >= lo, approximators.contains(words[k]) { k -= 1 }
            let lead = k >= lo ? words[k] : ""
            if ranges.contains(lead) || (k - 1 >= lo && ranges.contains(words[k - 1])) { continue }
            let negated = before.contains { negators.contains(words[$0]) || words[$0].hasSuffix("n't") }
            // "can't run longer than fifteen minutes" and "no more than" give the limit; "longer than
            // an hour", "hasn't run more than a day" and "objects under a megabyte" do not.
            let capped = before.contains { capNegators.contains(words[$0]) }
                || (0..<max(0, before.count - 1)).contains { words[lo + $0] == "can" && words[lo + $0 + 1] == "not" }
                || (lead == "than" && k - 2 >= lo && words[k - 2] == "no")
            let atLeast = lead == "least" && k - 1 >= lo && words[k - 1] == "at"
            if comparing.contains(lead) || (lead == "to" && k - 1 >= lo && words[k - 1] == "more") {
                guard capped else { continue }
            } else if negated {
                continue
            }
            if Self.has(notALimit, in: words, within: window) { continue }
            var isLimit = Self.has(limitCues, in: words, within: window)
                || comparing.contains(lead)   // only a capped comparison gets here
            let upTo = lead == "to" && k - 1 >= lo && words[k - 1] == "up"
            if !isLimit, upTo {
                isLimit = Self.has(upToNeeds, in: words, within: lo..<k)
            }
            // The limits named here; the nearest subject and measure decide which one is meant.
            var best: (distance: Int, limit: Compiled)?
            for c in compiled {
                if c.limit.unit == "count" ? figure.family != nil : figure.family != c.limit.unit { continue }
                // How far a phrase said at `start` is from the figure; a measure across "and" or
                // "while" belongs to another clause's figure, so it counts as further away.
                func distance(_ start: Int, _ count: Int, clauses: Bool) -> Int {
                    let end = start + count - 1
                    guard end < figure.range.lowerBound || start > figure.range.upperBound else { return 0 }
                    let between = end < figure.range.lowerBound ? (end + 1)..<figure.range.lowerBound : (figure.range.upperBound + 1)..<start
                    return between.count + 1 + (clauses && between.contains { clauseBreaks.contains(words[$0]) } ? 8 : 0)
                }
                func nearest(_ phrases: [[String]], within r: Range<Int>, clauses: Bool) -> Int? {
                    phrases.flatMap { p in Self.occurrences(p, in: words, within: r).map { distance($0, p.count, clauses: clauses) } }.min()
                }
                guard let s = nearest(c.subject, within: subjectWindow, clauses: false),
                      let m = c.measure.isEmpty ? 0 : nearest(c.measure, within: window, clauses: true) else { continue }
                // A count's measure is what is counted: it comes right after the number.
                if c.limit.unit == "count" {
                    guard c.measure.contains(where: { p in
                        let at = figure.range.upperBound + 1
                        return at + p.count <= words.count && Array(words[at..<at + p.count]) == p
                    }) else { continue }
                }
                // The measure said nearest the figure decides; then the nearest subject.
                let d = m * 100 + s
                if best == nil || d < best!.distance { best = (d, c) }
            }
            let asDefault = !upTo && !["most", "maximum", "max"].contains(lead) && givenAsDefault(figure, in: words)
            guard let chosen = best?.limit, isLimit || asDefault || chosen.limit.always == true else { continue }
            // "at least a hundred and twenty eight kilobytes" is a minimum: only a minimum's figure.
            if atLeast, !chosen.measure.contains(["at", "least"]) { continue }
            let tolerance = chosen.limit.tolerance ?? 0.1
            let right = asDefault ? chosen.defaults ?? chosen.accepted : chosen.accepted
            if right.contains(where: { abs(figure.value - $0) <= tolerance * $0 }) { continue }
            out.append(Statement(range: figure.range, limit: chosen.limit))
        }
        return out
    }

    /// Whether the figure is given as the default: a default cue ending at most four words before
    /// it ("defaults to thirty seconds", "the default timeout is three seconds") or starting at
    /// most two words after it ("four days by default"), in its clause (no clause break and no
    /// other number between). A figure led as a maximum ("up to a year by default") is not asked.
    private func givenAsDefault(_ figure: Figure, in words: [String]) -> Bool {
        func clean(_ r: Range<Int>) -> Bool {
            !r.contains { clauseBreaks.contains(words[$0]) || SpokenDigits.isNumberWord(words[$0]) }
        }
        for cue in defaultCues {
            let before = max(0, figure.range.lowerBound - 4 - cue.count)..<figure.range.lowerBound
            for start in Self.occurrences(cue, in: words, within: before) where clean((start + cue.count)..<figure.range.lowerBound) {
                return true
            }
            let after = (figure.range.upperBound + 1)..<min(words.count, figure.range.upperBound + 3 + cue.count)
            for start in Self.occurrences(cue, in: words, within: after) where clean((figure.range.upperBound + 1)..<start) {
                return true
            }
        }
        return false
    }

    /// Whether a typed sentence gives a limit with a wrong figure (the examples, `questions --check`).
    public func wrongFigure(in sentence: String) -> Bool {
        let tokens = Tokenizer.tokens(from: Tokenizer.words(fromText: sentence))
        return !statements(in: tokens.map(\.text), sentenceEnd: tokens.map(\.sentenceEnd)).isEmpty
    }

    /// Examples that do not behave as written, and files that cannot be used: one line each.
    public func lint() -> [String] {
        var out = problems
        for c in compiled {
            if c.limit.examples.match.isEmpty || c.limit.examples.noMatch.isEmpty {
                out.append("\(c.limit.about): needs examples that give a wrong figure and ones that do not")
            }
            for s in c.limit.examples.match where !wrongFigure(in: s) { out.append("\(c.limit.about): not caught: \"\(s)\"") }
            for s in c.limit.examples.noMatch where wrongFigure(in: s) { out.append("\(c.limit.about): caught wrongly: \"\(s)\"") }
        }
        return out
    }
}

extension ContentCoverage {
    /// This coverage with every limit given a wrong figure added as a wrong claim, unless a
    /// claim already found covers the same words.
    func adding(_ limits: ServiceLimits, text: KeyPointMatcher.Text) -> ContentCoverage {
        var out = self
        for s in limits.statements(in: text.words, sentenceEnd: text.sentenceEnd)
        where !out.misconceptions.contains(where: { $0.range?.overlaps(s.range) == true }) {
            let said = text.words[s.range].joined(separator: " ")
            out.misconceptions.append(.init(text: text, range: s.range, claim: "\(s.limit.about.prefix(1).uppercased())\(s.limit.about.dropFirst()): \(said).",
                                            correction: s.limit.correction, point: s.limit.about, common: true))
        }
        return out
    }
}
