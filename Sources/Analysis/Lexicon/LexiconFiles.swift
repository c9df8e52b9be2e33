/// The files of Models/lexicon, one type each, as they are written.
extension Lexicon {
    /// parts.json: cue phrases per part, with weights.
    public struct Parts: Decodable, Sendable, Hashable {
        public var threshold: Int
        /// Part name ("context", "choice", "tradeoff", "result") -> its cue groups, in order.
        public var parts: [String: [CueGroup]]
        /// What got slower, dearer or more work: a trade-off only after the decision.
        public var tradeoffAfterChoice: [CueGroup]
    }

    /// decisions.json: who acts, what counts as a decision, why it was made.
    public struct Decisions: Decodable, Sendable, Hashable {
        public var actionSubjects, actionVerbs, weakActionVerbs, notActions, beVerbs: WordList
        public var impersonalChoices, motionIdioms, reasons, reasonOpeners, alternatives, motives: WordList
        public var costWords, riseWords, fallWords: WordList
        /// "I don't know if they ever finished it": an outcome the speaker says they do not know.
        public var unknownOutcomes: WordList?
        /// "That should cut the throttling by about ninety percent": an outcome still to come.
        public var forecasts: WordList?
        /// "It used to take forty minutes": how things were, before an outcome said first.
        public var formerly: WordList?
        /// "We had GuardDuty and Macie turned on": with "had" (`haveVerbs`), a list of services is
        /// what was used only when they were switched on; otherwise it is the situation.
        public var haveVerbs, switchedOn: WordList?
    }

    /// speaker.json: first person, the I / we count, and what makes an answer a story told.
    public struct Speaker: Decodable, Sendable, Hashable {
        public var firstPerson, hedgingFirstPerson, possessives, possessiveLeads, ownershipI, ownershipWe: WordList
        /// "I" or "we" followed by a verb in the past ("we rolled back", "I took"): something the
        /// speaker did. Regular verbs are read from their "-ed"; `pastVerbs` lists the others.
        public var storySubjects, pastVerbs: WordList
    }

    /// flags.json: phrases behind the decision-quality flags.
    public struct FlagPhrases: Decodable, Sendable, Hashable {
        public var definition, firstPersonDecision, marketing, hedges, serviceListGlue: WordList
    }

    /// clauses.json: clause openers and the words recognizers write for one another.
    public struct Clauses: Decodable, Sendable, Hashable {
        public struct Homophones: Decodable, Sendable, Hashable {
            public var about: String?
            public var words: [String: [String]]
        }
        /// "…filling up we moved…": a subject and its verb start a clause in run-on speech.
        public struct SubjectStarts: Decodable, Sendable, Hashable {
            public var about: String?
            public var subjects, adverbs, verbs, verbSuffixes, notAfter: [String]
            public var contractions: WordList
            public var minTokensBefore: Int
            public var examples, counterExamples: [String]
        }
        /// Short sentence gaps, judged against the speaker's own gaps between words.
        public struct Timing: Decodable, Sendable, Hashable {
            public var about: String?
            public var minGap, relativeGap: Double
            public var notEndingWords, notStartingWords: [String]
        }
        public var openers, pairOpeners: WordList
        public var subjectStarts: SubjectStarts
        public var timing: Timing
        public var homophones: Homophones
    }

    /// fillers.json: hesitations (one list), discourse fillers, and the words that decide
    /// whether "you know", "I mean" and "like" are fillers.
    public struct Fillers: Decodable, Sendable, Hashable {
        public struct Hesitation: Decodable, Sendable, Hashable {
            /// What the report counts ("um").
            public var word: String
            /// Every way it is written ("um", "umm", "mm").
            public var spellings: [String]
            public var examples: [String]?
            public var counterExamples: [String]?
            public init(word: String, spellings: [String]) { self.word = word; self.spellings = spellings }
        }
        public struct YouKnow: Decodable, Sendable, Hashable {
            public var notAfter: [String]
            public var examples, counterExamples: [String]
        }
        public struct IMean: Decodable, Sendable, Hashable {
            public var notAfter, partOfClauseAfter, explainingNext: [String]
            public var examples, counterExamples: [String]
        }
        /// "like blocking a bad IP range": "like" as "such as" before a verb in -ing.
        public struct SuchAs: Decodable, Sendable, Hashable {
            public var suffixes, notWords: [String]
        }
        public struct Like: Decodable, Sendable, Hashable {
            public var copulas: [String]
            public var suchAs: SuchAs
            public var governors, comparisonStarters, pastTenseVerbs, numberStarters, fillerNext, restarts: WordList
            /// "like I said": two-word openings after which "like" means "as".
            public var asConjunction: WordList
            public var examples, counterExamples: [String]
        }
        public var hesitations: [Hesitation]
        public var discourse: [LexiconEntry]
        public var youKnow: YouKnow
        public var iMean: IMean
        public var like: Like
        public var clauseSubjects: WordList
    }

    /// numbers.json: number words and units.
    public struct Numbers: Decodable, Sendable, Hashable {
        public struct Fractions: Decodable, Sendable, Hashable {
            public var words, leads: [String]
            /// Words after a fraction that make it an ordinal ("a third option").
            public var notBefore: [String]
        }
        public struct Floor: Decodable, Sendable, Hashable {
            public var word: String
            public var leads: [String]
            /// What a from…to comparison may end on besides a number ("from thousands a night to none").
            public var fromToEnds: [String]
        }
        /// "within a minute": a lead, an article, a unit of time.
        public struct Durations: Decodable, Sendable, Hashable {
            public var leads, articles, units: [String]
            public var examples, counterExamples: [String]
        }
        public struct Homophones: Decodable, Sendable, Hashable { public var words, notBeforeUnit: [String] }
        /// "down from about forty", "from a few a week to none", "one in fifty".
        public struct Comparisons: Decodable, Sendable, Hashable {
            public var fromLeads, starts, approximators: [String]
            public var examples, counterExamples: [String]
        }
        public var numberWords, units, notUnitsAlone, multipliers, unitsAfterNumberOnly: WordList
        public var fractions: Fractions
        public var floor: Floor
        public var numberHomophones: Homophones
        /// Multiples without a digit ("order of magnitude").
        public var magnitudes: WordList
        public var durations: Durations
        public var comparisons: Comparisons
    }

    /// services.json: AWS services, their spoken and written forms, and how rehearse-lm writes them.
    public struct Services: Decodable, Sendable, Hashable {
        public struct Service: Decodable, Sendable, Hashable {
            public struct BareForm: Decodable, Sendable, Hashable {
                public var form: String
                public var notBefore, notAfter: [String]
            }
            public struct CorpusSpelling: Decodable, Sendable, Hashable {
                /// Tokens as written in training text ("route 53").
                public var written: String
                /// The tokens the dictionary knows ("route fifty three").
                public var spoken: String
            }
            public var name: String
            public var category: String
            public var forms: [String]
            public var corpusSpellings: [CorpusSpelling]?
            /// Forms only typed text has: the recognizer's dictionary lacks a word of them.
            public var writtenOnly: [String]?
            public var examples: [String]?
            public var counterExamples: [String]?
            /// Everyday words that name the service only in context ("with glue", not "glue code").
            public var bareForms: [BareForm]?
            /// A feature interviewers treat as a service ("security groups"): named, but explaining
            /// features is no service dump.
            public var feature: Bool?

            public init(name: String, category: String, forms: [String], examples: [String] = []) {
                self.name = name
                self.category = category
                self.forms = forms
                self.examples = examples
            }
        }
        public var services: [Service]
        public var notRaisedInLanguageModel: WordList
    }

    /// implied.json: what an answer says about a service without naming it ("a bucket" is S3).
    public struct Implied: Decodable, Sendable, Hashable {
        public struct Entry: Decodable, Sendable, Hashable {
            /// The service to name (a catalog name).
            public var service: String
            /// Other catalog services the cues fit just as well ("partition key": Kinesis too).
            public var alsoNamedBy: [String]?
            public var cues: [String]
            public var examples: [String]?
            public var counterExamples: [String]?
        }
        public var about: String?
        /// Phrases in which a cue means something else ("token bucket").
        public var unlessIn: [String]
        public var services: [Entry]
    }

    /// pronunciations.json: what rehearse-lm adds to cmudict.
    public struct Pronunciations: Decodable, Sendable, Hashable {
        public var letters: [String: String]
        public var words: [String: [String]]
        public var spelledAcronyms: [String]
        public var alphanumericTokens: [String]
        public var units: [String: [String]]
        public var umPhones: String
        public var neverWritten: [String]
    }
}
