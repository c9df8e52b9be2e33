/// The analysis of one answer: the `rehearse score --json` contract (schemaVersion 2,
/// documented in docs/report-schema.md). Optional values encode as JSON null, never vanish.
public struct AnswerReport: Codable, Sendable, Hashable {
    public var schemaVersion = 2
    @NullEncoded public var source: SourceInfo? = nil
    @NullEncoded public var question: QuestionRef? = nil
    public var transcript: TranscriptInfo
    public var pacing: Pacing
    public var fillers: Fillers
    public var structure: Structure
    public var segments: [Segment]
    public var timing: Timing
    public var ownership: Ownership
    public var services: [String]
    public var flags: Flags
    public var evidence: FlagEvidence
    public var followUps: [String]
    /// The two or three fixes worth most, each quoting the speaker.
    public var feedback: [Feedback]
    /// How a follow-up answer did, when the analyzer knew which comparison was asked.
    @NullEncoded public var followUpAnswer: FollowUpAnswer? = nil
    public var score: Score
    public var warnings: [String]
    /// Key points of the question hit and missed; null when no question was given.
    @NullEncoded public var coverage: ContentCoverage? = nil
    /// The rubric the answer was judged by (schemaVersion 2; null in older stored reports).
    @NullEncoded public var rubric: RubricResult? = nil
    /// Set when the answer replies to a bank follow-up.
    @NullEncoded public var followUpOf: FollowUpRef? = nil

    public struct RubricResult: Codable, Sendable, Hashable {
        public var kind: RubricKind
        public var title: String
        /// "question" (the bank question's kind), "follow-up", "option" (`--kind`) or "answer" (inferred).
        public var chosenBy: String
        public var points: Double
        public var max: Double
        public var criteria: [CriterionResult]
        public var faults: [FaultResult]
    }

    public struct CriterionResult: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var points: Double
        public var max: Double
        public var met: Bool
        /// The words that earned it (at most about 25), or null.
        @NullEncoded public var evidence: String? = nil
        @NullEncoded public var start: Double? = nil
        /// One sentence to act on when it is not met.
        public var advice: String
    }

    public struct FaultResult: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var penalty: Double
        public var evidence: String
        public var advice: String
        /// The overall score is held at this, when the fault sets one.
        public var ceiling: Int? = nil
    }

    /// The bank follow-up an answer replies to.
    public struct FollowUpRef: Codable, Sendable, Hashable {
        public var questionID: String
        /// From 1, as `rehearse questions --json` lists them.
        public var number: Int
        public var text: String
        @NullEncoded public var kind: FollowUp.Kind? = nil
        /// The history attempt of the first answer, when it is known.
        @NullEncoded public var firstAttemptID: Int64? = nil
    }

    /// Services the answer describes without naming them ("a bucket": S3); empty when none.
    @EmptyIfMissing public var impliedServices: [ImpliedService] = []

    /// A service the answer implies: the words that describe it, and the name to say instead.
    public struct ImpliedService: Codable, Sendable, Hashable {
        /// The catalog name to say ("S3").
        public var service: String
        /// The speaker's words that describe it ("bucket").
        public var evidence: String
        /// Other services the same words fit ("partition key": Kinesis as well as DynamoDB).
        public var alternatives: [String]

        public init(service: String, evidence: String, alternatives: [String] = []) {
            self.service = service; self.evidence = evidence; self.alternatives = alternatives
        }

        /// The one sentence to act on.
        public var advice: String {
            let name = ([service] + alternatives).joined(separator: " or ")
            return "You described \(name) (\"\(evidence)\") without naming it: say \(name) by name, so the interviewer hears you know the service."
        }
    }

    public struct SourceInfo: Codable, Sendable, Hashable {
        public var path: String
        public var durationSeconds: Double
        public var sampleRate: Int
        public var channels: Int
        public var format: String
        public var recognizer: String
        public var decodeSeconds: Double
        /// Dereverberation before recognition; nil when it was off (`--no-dereverb`), for a
        /// typed answer, and in reports from before it existed.
        @NullEncoded public var dereverberation: DereverbInfo? = nil
        public init(path: String, durationSeconds: Double, sampleRate: Int, channels: Int, format: String,
                    recognizer: String, decodeSeconds: Double) {
            self.path = path; self.durationSeconds = durationSeconds; self.sampleRate = sampleRate
            self.channels = channels; self.format = format; self.recognizer = recognizer; self.decodeSeconds = decodeSeconds
        }
    }

    public struct DereverbInfo: Codable, Sendable, Hashable {
        /// Utterances decoded through it; 0 when the room measured dry and the audio was
        /// decoded as recorded.
        public var utterances: Int
        /// The room's decay time as measured from the speech offsets (seconds for 60 dB);
        /// null when too few offsets were heard to tell.
        @NullEncoded public var decaySeconds: Double? = nil
        /// Those utterances were decoded with the acoustic model's transform for reverberant
        /// rooms (`Models/rooms/`); false when none was dereverberated, or a voice profile or
        /// a model without the transform was used. Null in reports from before it existed.
        @NullEncoded public var roomModel: Bool? = nil
        public init(utterances: Int, decaySeconds: Double?, roomModel: Bool? = nil) {
            self.utterances = utterances
            self.decaySeconds = decaySeconds
            self.roomModel = roomModel
        }
    }

    public struct QuestionRef: Codable, Sendable, Hashable {
        public var id: String
        public var prompt: String
    }

    public struct TranscriptInfo: Codable, Sendable, Hashable {
        public var text: String
        public var words: [TranscriptWord]
    }

    public struct TranscriptWord: Codable, Sendable, Hashable {
        public var text: String
        @NullEncoded public var start: Double? = nil
        @NullEncoded public var end: Double? = nil
        @NullEncoded public var confidence: Double? = nil
        public var isFiller: Bool
    }

    public struct Pacing: Codable, Sendable, Hashable {
        /// Words per minute over the speech span, fillers excluded; null for text without times.
        @NullEncoded public var wordsPerMinute: Double? = nil
        /// Speech span minus pauses of 0.3 s or more.
        @NullEncoded public var speakingSeconds: Double? = nil
        /// First word start to last word end.
        @NullEncoded public var speechSpanSeconds: Double? = nil
        public var wordCount: Int
        public var pauses: [Pause]
        public var longPauseCount: Int
    }

    public struct Pause: Codable, Sendable, Hashable {
        public var start: Double
        public var end: Double
        public var seconds: Double
        public var long: Bool
    }

    public struct Fillers: Codable, Sendable, Hashable {
        public var count: Int
        @NullEncoded public var perMinute: Double? = nil
        public var per100Words: Double
        public var byWord: [String: Int]
        public var items: [FillerItem]
    }

    public struct FillerItem: Codable, Sendable, Hashable {
        public var text: String
        @NullEncoded public var start: Double? = nil
        @NullEncoded public var end: Double? = nil
        /// How it was found: "lm" (a word in the recognizer's transcript), "kws" (the
        /// keyword-spotting pass), "lm+kws" (both); null for typed text.
        @NullEncoded public var source: String? = nil
    }

    public struct Structure: Codable, Sendable, Hashable {
        public var context: PartFinding
        public var choice: PartFinding
        public var tradeoff: PartFinding
        public var result: PartFinding

        public subscript(part: AnswerPart) -> PartFinding {
            get {
                switch part {
                case .context: return context
                case .choice: return choice
                case .tradeoff: return tradeoff
                case .result: return result
                }
            }
            set {
                switch part {
                case .context: context = newValue
                case .choice: choice = newValue
                case .tradeoff: tradeoff = newValue
                case .result: result = newValue
                }
            }
        }
        public var presentCount: Int { AnswerPart.allCases.filter { self[$0].present }.count }
    }

    public struct PartFinding: Codable, Sendable, Hashable {
        public var present: Bool
        /// The user's own words that show the part (the strongest clause), empty when absent.
        public var evidence: String
        /// The cue phrases that matched.
        public var cues: [String]
        @NullEncoded public var start: Double? = nil
        @NullEncoded public var end: Double? = nil
        public static let absent = PartFinding(present: false, evidence: "", cues: [], start: nil, end: nil)
    }

    /// A clause of the answer and the part it was read as (null: none), for timelines.
    public struct Segment: Codable, Sendable, Hashable {
        public var text: String
        @NullEncoded public var part: AnswerPart? = nil
        /// Every part the clause shows (a clause can name a choice and its result at once).
        public var parts: [AnswerPart]
        @NullEncoded public var start: Double? = nil
        @NullEncoded public var end: Double? = nil
    }

    /// Per-part timing for recordings.
    public struct Timing: Codable, Sendable, Hashable {
        /// Seconds from the first word to the first clause that names the decision.
        @NullEncoded public var timeToDecisionSeconds: Double? = nil
        /// Keyed by part name; only parts that were heard.
        public var parts: [String: PartTime]
        /// Context took more than half the answer.
        public var longPreamble: Bool
    }

    public struct PartTime: Codable, Sendable, Hashable {
        public var start: Double
        public var end: Double
        /// Time spent in clauses of this part.
        public var seconds: Double
        /// `seconds` over the answer's speech span.
        public var share: Double
    }

    /// "I" against "we": interviewers asking what you owned listen for "I".
    public struct Ownership: Codable, Sendable, Hashable {
        public var iCount: Int
        public var weCount: Int
        /// Raised on ownership questions when "we" outnumbers "I" two to one.
        public var mostlyWe: Bool
    }

    public struct Feedback: Codable, Sendable, Hashable {
        /// Short name of what to fix: "trade-off", "result", "service dump", …
        public var topic: String
        /// The speaker's own words the fix is about (empty when the fix is something missing).
        public var quote: String
        /// What a stronger sentence would add.
        public var suggestion: String
    }

    public struct FollowUpAnswer: Codable, Sendable, Hashable {
        public var chosen: String
        public var other: String
        /// Separating dimensions the answer named ("ordering", "replay").
        public var dimensionsNamed: [String]
        /// Dimensions it could have used.
        public var dimensionsAvailable: [String]
        public var namesRealDifference: Bool
    }

    public struct Flags: Codable, Sendable, Hashable {
        public var serviceDump: Bool
        public var definitionOnly: Bool
        public var volunteeredDownside: Bool
        public var measurableResult: Bool
        public var marketingLanguage: Bool
        public var hedging: Bool
        public var noSpeech: Bool
        public var longPreamble: Bool
        public var mostlyWe: Bool
    }

    /// The words behind each raised flag.
    public struct FlagEvidence: Codable, Sendable, Hashable {
        public var serviceDump: String?
        public var definitionOnly: String?
        public var volunteeredDownside: String?
        public var measurableResult: String?
        public var marketingLanguage: [String]
        public var hedging: [String]
    }

    public struct Score: Codable, Sendable, Hashable {
        public var overall: Int
        public var parts: [String: ScorePart]

        /// The order reports list the parts in; "question" is there only for a bank question.
        public static let partOrder = ["question", "rubric", "structure", "substance", "fillers", "pace", "pauses"]
    }

    public struct ScorePart: Codable, Sendable, Hashable {
        public var points: Double
        public var max: Double
        /// Whether this part could be measured (pace and pauses need audio).
        public var measured: Bool
        public var note: String
    }
}
