import Analysis
import ArgumentParser
import Capture
import Foundation
import History
import Pipeline
import Practice
import Reports
import PocketSphinx
import SpeechCore

struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer interview questions out loud: ask, record, score, follow up.",
        discussion: """
        Keys: Enter stops a take (and then answers the follow-up), r retries, n moves to the next question, q quits. Every take is kept under $XDG_DATA_HOME/rehearse/takes (default ~/.local/share/rehearse/takes).

        Without a terminal on stdin it records one answer until --silence after speech, --max or a signal, then prints the report (with --json: the `score --json` report plus the question and the take).

        Examples:
          rehearse practice --role senior
          rehearse practice --topic vpc --device hw:1,0 --max 120
          rehearse practice --question vpc-mid-private-outbound --json < /dev/null
        """)

    @Option(help: ArgumentHelp("Only questions for this level.", valueName: "role"))
    var role: RoleOption?

    @Option(help: ArgumentHelp("Only questions on this topic.", valueName: "topic"))
    var topic: String?

    @Option(help: ArgumentHelp("Practise this question (see `rehearse questions`).", valueName: "id"))
    var question: String?

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var modelOption: ModelOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a take after this much silence following speech (0.1 to 600).", valueName: "seconds"))
    var silence = 2.5

    @Flag(help: "Don't ask the follow-up question after each answer.")
    var noFollowUp = false

    @Flag(help: "Print the report as JSON (when stdin is not a terminal).")
    var json = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed for the question order, to repeat a session (0 to 18446744073709551615).", valueName: "n"))
    var seed: UInt64?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds of count-in before each take (0 to 60).", valueName: "seconds"))
    var countIn = 3

    @Flag(help: "Don't save the takes' reports to the history.")
    var noSave = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Coaching cues under the meter while you answer, one at a time for a few seconds.",
        discussion: LiveCoaching.helpText))
    var cues = true

    func validate() throws {
        try NumberOption.check(silence, "--silence", NumberOption.silenceSeconds, unit: "seconds")
        try NumberOption.check(countIn, "--count-in", 0...60, unit: "seconds")
    }

    func run() throws {
        let bank: QuestionBank
        let alternatives: AlternativesMap
        let recognizer: any IncrementalTranscribing
        let backend: any RecognizerBackend
        let model: RecognizerModel
        model = try modelOption.resolve()
        let models = ModelsDirectory.locate()
        bank = try Resources.questionBank(in: models)
        alternatives = try Resources.analyzer(questionID: nil).alternatives
        if let question, bank.question(id: question) == nil {
            throw RehearseError.unknownQuestion(id: question, known: bank.questions.count)
        }
        backend = PipelineConfiguration(model: model).recognizerBackend
        recognizer = try backend.makeRecognizer()

        // Takes go to the data folder's takes/ (0700): a folder that cannot hold them stops here.
        let takes: TakeStore
        takes = try TakeStore()
        for note in try takes.prepare() { StandardError.line("rehearse: note: \(note)") }

        // The history orders the questions (least practised, then weakest, first) and keeps the takes.
        var history: (any AttemptStoring)?
        if !noSave {
            do { history = try HistoryStore.openForWriting() }
            catch { StandardError.line("rehearse: practising without history: \(error)") }
        }
        var records: [String: QuestionPicker.Record] = [:]
        if let summaries = try? history?.summaries(topic: nil, role: nil) {
            for (id, attempts) in Dictionary(grouping: summaries.filter { $0.questionId != nil }, by: { $0.questionId! }) {
                records[id] = .init(attempts: attempts.count,
                                    meanScore: Double(attempts.map(\.score).reduce(0, +)) / Double(attempts.count))
            }
        }

        let picker: QuestionPicker
        if let question {
            picker = QuestionPicker(bank: QuestionBank(questions: bank.questions.filter { $0.id == question }))
        } else {
            picker = QuestionPicker(bank: bank, role: role.flatMap { Question.Role(rawValue: $0.rawValue) },
                                    topic: topic, seed: seed, history: records)
            if picker.remaining.isEmpty {
                throw ValidationError("no questions match --role \(role?.rawValue ?? "any") --topic \(topic ?? "any"); topics: \(bank.topics.joined(separator: ", "))")
            }
        }

        StopSignal.install()
        var options = PracticeSession.Options(capture: capture.settings(silenceSeconds: silence),
                                              noiseReduction: backend.noiseReduction, dereverb: backend.dereverb)
        options.followUp = !noFollowUp
        options.hearsRooms = backend.hearsRooms
        options.json = json
        options.countInSeconds = countIn
        options.cues = cues
        let session = PracticeSession(options: options, alternatives: alternatives, recognizer: recognizer,
                                      modelName: backend.name, store: takes, history: history, keys: KeyInput())
        let status: Int32
        status = try session.run(picker: picker)
        if status != 0 { throw ExitCode(status) }
    }
}
