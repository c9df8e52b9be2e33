import Analysis
import Capture
import Pipeline
import Reports
import Foundation
import History
import SpeechCore

/// The practice loop: ask a question, count in, record, show the report, push the follow-up,
/// and let the speaker retry (r), move on (n) or quit (q). Without a terminal on stdin it
/// records one answer (until silence, --max or a signal) and prints its report.
public final class PracticeSession {
    public struct Options: Sendable {
        public var capture: CaptureSettings
        public var followUp = true
        public var json = false
        public var countInSeconds = 3
        /// Coaching cues under the meter while a take records (terminal only, never with --json).
        public var cues = true
        /// Steady-noise filtering before decoding (nil: decode as recorded); the model's
        /// `noiseFilterConfiguration` says which.
        public var noiseReduction: NoiseFilter.Configuration?
        /// Dereverberation where the room measures reverberant (nil: never).
        public var dereverb: Dereverberation.Configuration?
        /// The recognizer hears dereverberated utterances with its reverberant-room model
        /// (`RecognizerBackend.hearsRooms`); the report says so.
        public var hearsRooms = false

        public init(capture: CaptureSettings, noiseReduction: NoiseFilter.Configuration?,
                    dereverb: Dereverberation.Configuration? = nil) {
            self.dereverb = dereverb
            self.capture = capture
            self.noiseReduction = noiseReduction
        }
    }

    /// One take's outcome as `practice --json` prints it: the `score --json` report plus the
    /// question asked and how the take went.
    public struct TakeReport: Encodable {
        public var report: AnswerReport
        public var askedQuestion: Question
        public var take: TakeInfo

        public struct TakeInfo: Codable, Sendable {
            public var path: String
            public var isFollowUp: Bool
            public var prompt: String
            public var stopReason: StopReason
            public var durationSeconds: Double
            public var speechEndSeconds: Double?
            public var overruns: Int
            public var suspends: Int
            /// From the end of recording to the report being ready.
            public var reportSeconds: Double
        }

        // The report's own keys at the top level keep the `score --json` contract intact.
        private enum ExtraKeys: String, CodingKey { case askedQuestion, take }
        public func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var c = encoder.container(keyedBy: ExtraKeys.self)
            try c.encode(askedQuestion, forKey: .askedQuestion)
            try c.encode(take, forKey: .take)
        }
    }

    private let options: Options
    private let alternatives: AlternativesMap
    private let recorder: LiveTakeRecorder
    private let modelName: String
    private let store: TakeStore
    private let keys: KeyInput?
    private let style: Style
    private let history: (any AttemptStoring)?
    /// Each question's latest take in this session, to compare a retry against when the
    /// history is off (--no-save) or could not be read.
    private var lastAttempts: [String: Attempt] = [:]

    public init(options: Options, alternatives: AlternativesMap, recognizer: any IncrementalTranscribing, modelName: String,
                store: TakeStore, history: (any AttemptStoring)? = nil, keys: KeyInput?) {
        self.history = history
        self.options = options
        self.alternatives = alternatives
        self.recorder = LiveTakeRecorder(settings: options.capture, recognizer: recognizer, noiseReduction: options.noiseReduction,
                                         dereverb: options.dereverb)
        self.modelName = modelName
        self.store = store
        self.keys = keys
        self.style = Style.forStandardOutput()
    }

    /// Runs until the questions run out, q, or a signal. Returns the process exit status.
    public func run(picker: QuestionPicker) throws -> Int32 {
        var picker = picker
        guard let first = picker.next() else { return 0 }
        guard let keys else {
            let result = try take(question: first, prompt: first.prompt, isFollowUp: false)
            if !options.json, let changes = sinceLast(result) { TerminalText.print(changes + "\n") }
            if options.json { print(try Self.json(result)) } else { TerminalText.print(TerminalReport(style: style).render(result.report)) }
            fflush(nil)  // the report is out before the history is touched
            save(result)
            return 0
        }

        var question: Question? = first
        var number = 1
        while let q = question {
            var prompt = q.prompt
            var isFollowUp = false
            var comparison: (chosen: String, other: String)?
            /// The follow-up being answered (from 1), the first answer's words and its history row.
            var answering: (number: Int, firstAnswer: String, firstAttempt: Int64?)?
            var next: Question?? = nil  // nil: keep going on this question
            while next == nil {
                show(question: q, prompt: prompt, number: number, isFollowUp: isFollowUp)
                guard countIn(keys) else { return 0 }
                let result = try take(question: q, prompt: prompt, isFollowUp: isFollowUp, comparison: comparison, answering: answering)
                if let changes = sinceLast(result) { TerminalText.print(changes + "\n") }
                TerminalText.print(TerminalReport(style: style).render(result.report))
                // Two lines: the path alone can fill a terminal row.
                print(style.dim("Saved \(TerminalText.field(result.take.path))"))
                print(style.dim("  stopped on \(result.take.stopReason.phrase); report \(String(format: "%.2f", result.take.reportSeconds)) s after the take ended"))
                save(result)
                if StopSignal.pending != nil { return 130 }
                if result.take.stopReason == .key { return 0 }

                // The bank's follow-ups carry the points a good reply makes, so practice asks one
                // of them: the first the report pushes, else the question's first.
                let pushed = result.report.followUps.compactMap { text in q.followUps.firstIndex { $0.text == text } }.first
                let followUpIndex = pushed ?? (q.followUps.isEmpty ? nil : 0)
                let followUp = followUpIndex.map { q.followUps[$0].text }
                let offerFollowUp = options.followUp && !isFollowUp && followUp != nil
                print("")
                print(offerFollowUp
                      ? style.bold("[Enter]") + " answer the follow-up   " + style.bold("[r]") + " retry   " + style.bold("[n]") + " next question   " + style.bold("[q]") + " quit"
                      : style.bold("[Enter/n]") + " next question   " + style.bold("[r]") + " retry   " + style.bold("[q]") + " quit")
                keys.drain()
                switch keys.wait() {
                case "\n" where offerFollowUp:
                    isFollowUp = true
                    prompt = followUp!
                    answering = (followUpIndex! + 1, result.report.transcript.text, lastAttempts[q.id]?.id)
                    comparison = q.followUps[followUpIndex!].options == nil
                        ? Self.comparison(asked: prompt, services: result.report.services, alternatives: alternatives) : nil
                case "\n", "n":
                    next = .some(picker.next())
                case "r":
                    continue
                default:
                    return 0
                }
            }
            question = next!
            number += 1
        }
        print(style.dim("No more questions match; that's the set."))
        return 0
    }

    private func show(question q: Question, prompt: String, number: Int, isFollowUp: Bool) {
        print("")
        let heading = isFollowUp ? "Follow-up" : "Question \(number)"
        print(style.bold(heading) + style.dim("  \(q.role.rawValue) · \(q.topic) · \(q.kind.rawValue) · aim for \(RecordingDisplay.clock(Double(q.targetSeconds)))  [\(q.id)]"))
        TerminalText.print(TerminalReport(style: style).wrap("  " + style.cyan(TerminalText.field(prompt)), indent: 2))
        print("")
    }

    /// "3… 2… 1…" on stderr; q or a signal during it quits.
    private func countIn(_ keys: KeyInput) -> Bool {
        keys.drain()
        for n in stride(from: options.countInSeconds, to: 0, by: -1) {
            FileHandle.standardError.write(Data("\r\u{1B}[KRecording in \(n)…".utf8))
            let until = Date().addingTimeInterval(1)
            while Date() < until {
                if StopSignal.pending != nil || keys.poll() == "q" {
                    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
                    return false
                }
                usleep(20_000)
            }
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        return true
    }

    /// When the follow-up asks "why X rather than Y" about a service the answer chose, the
    /// analyzer judges whether the reply names a real difference between the two.
    static func comparison(asked: String, services: [String], alternatives: AlternativesMap) -> (chosen: String, other: String)? {
        for chosen in services {
            for (other, _) in alternatives.alternatives(to: chosen) where asked.localizedCaseInsensitiveContains(other) {
                return (chosen, other)
            }
        }
        return nil
    }

    private func take(question q: Question, prompt: String, isFollowUp: Bool,
                      comparison: (chosen: String, other: String)? = nil,
                      answering: (number: Int, firstAnswer: String, firstAttempt: Int64?)? = nil) throws -> TakeReport {
        let path = try store.reserveTakePath(questionID: q.id, suffix: isFollowUp ? "follow-up" : nil)
        // Without --max, a take may run to twice the question's target length.
        let maxSeconds = options.capture.maxSeconds ?? Double(max(60, q.targetSeconds * 2))
        // A follow-up answer is judged by the follow-up rubric against that follow-up's points,
        // beside the first answer (so a retelling is named), as `score --follow-up N` does.
        var analyzer = AnswerAnalyzer(question: q, alternatives: alternatives, followUpTo: comparison)
        if isFollowUp, let answering, let followUp = q.followUp(answering.number) {
            analyzer.followUp = (answering.number, followUp)
            analyzer.firstAnswer = answering.firstAnswer
        }
        let mode = RecordingDisplay.Mode.forStandardError()
        // The live line is for someone watching a terminal; --json is for a script.
        let coaching = options.json || mode == .quiet ? nil
            : LiveCoaching(analyzer: analyzer, targetSeconds: q.targetSeconds, showCues: options.cues)
        let display = RecordingDisplay(targetSeconds: q.targetSeconds,
                                       hint: keys == nil ? "Ctrl-C stops" : "Enter stops, q stops and quits",
                                       mode: mode, coaching: coaching)
        // With cues on, a pause in the first half of the target is met with "take your time".
        let rules = LiveCoach.Rules()
        let patience = coaching?.showCues == true
            ? Patience(untilSeconds: Double(q.targetSeconds) * rules.midAnswerFraction, silenceSeconds: Self.thinkingPauseSeconds)
            : nil
        let live: LiveTake
        do {
            live = try self.recorder.record(to: path, display: display, maxSeconds: maxSeconds, patience: patience,
                                            creation: .reserved) { [keys] in
                if StopSignal.pending != nil { return .signal }
                switch keys?.poll() {
                case "\n": return .enter
                case "q": return .key  // stop, show the report, then quit
                default: return nil
                }
            }
        } catch {
            // Nothing was recorded (the device would not open): give the reserved name back.
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue == 0 {
                try? FileManager.default.removeItem(atPath: path)
            }
            throw error
        }
        let assembler = ReportAssembler(analyzer: analyzer, modelName: modelName, hearsRooms: options.hearsRooms)
        var report = LiveTakeRecorder.report(for: live, assembler: assembler)
        report.followUpOf?.firstAttemptID = answering?.firstAttempt
        var asked = q
        if isFollowUp {
            // The history keeps follow-up answers apart from first answers to the question.
            asked.id = q.id + "-follow-up"
            asked.prompt = prompt
        }
        let o = live.outcome
        let info = TakeReport.TakeInfo(
            path: path, isFollowUp: isFollowUp, prompt: prompt, stopReason: o.stopReason,
            durationSeconds: (o.durationSeconds * 100).rounded() / 100,
            speechEndSeconds: o.speechEndSeconds.map { ($0 * 100).rounded() / 100 },
            overruns: o.overruns, suspends: o.suspends,
            reportSeconds: (Date().timeIntervalSince(o.stoppedAt) * 1000).rounded() / 1000)
        return TakeReport(report: report, askedQuestion: asked, take: info)
    }

    /// What changed since the previous attempt at the same question (a retry, or an attempt
    /// in an earlier session from the history); nil on a first attempt.
    private func sinceLast(_ result: TakeReport) -> String? {
        let id = result.askedQuestion.id
        var previous = lastAttempts[id]
        if let history, let latest = try? history.summaries(topic: result.askedQuestion.topic, role: nil)
            .last(where: { $0.questionId == id }), latest.id != previous?.id,
            latest.createdAt >= previous?.createdAt ?? .distantPast {
            previous = (try? history.attempt(id: latest.id)) ?? previous
        }
        guard let previous else { return nil }
        return CompareReport(style: style).sinceLast(previous, Attempt(report: result.report, question: result.askedQuestion))
    }

    /// Saves a take's report to the history, after it is on the screen so the save never
    /// delays it. A take that cannot be saved is still worth its report: say so and carry on.
    private func save(_ result: TakeReport) {
        let attempt = Attempt(report: result.report, question: result.askedQuestion)
        lastAttempts[result.askedQuestion.id] = attempt
        guard let history else { return }
        do { lastAttempts[result.askedQuestion.id] = try history.save(attempt) }
        catch { StandardError.line("rehearse: the take was not saved to the history: \(error)") }
    }

    /// Quiet that ends a take in the first half of its target when cues are on.
    public static let thinkingPauseSeconds = 8.0

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
