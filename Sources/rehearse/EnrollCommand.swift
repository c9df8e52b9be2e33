import Analysis
import ArgumentParser
import Capture
import Foundation
import History
import Pipeline
import PocketSphinx
import Practice
import Reports
import VoiceProfile

struct Enroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enroll your voice: read sentences aloud so the recognizer adapts to your voice, microphone and room.",
        discussion: """
        Shows one sentence at a time and records it; a take that is not heard as that sentence (another sentence, no speech, or too little sound for its words) is asked again. Then the acoustic model is adapted with sphinxtrain (MLLR, MAP or both, whichever does best on takes held out from the adaptation; the unadapted model is kept when even the best is clearly worse on them). The new voice becomes the one scoring uses (`rehearse voices`). Ctrl-C keeps the finished takes; run the same command to go on.

        Examples:
          rehearse enroll --name alex
          rehearse enroll --name alex --device hw:1,0 --count 20
          rehearse enroll --prompts --json
          rehearse enroll --from ~/recordings --name alex      # <id>.wav for each sentence id
        """)

    @Option(help: ArgumentHelp("Name of the voice (letters, digits, - and _).", valueName: "name"))
    var name = "default"

    @Option(help: ArgumentHelp("ALSA capture device (see `rehearse devices`).", valueName: "name"))
    var device = "default"

    @Option(parsing: .unconditional, help: ArgumentHelp("Sentences to read (10 to all of them; 40 by default, about 2.5 minutes).", valueName: "n"))
    var count: Int?

    @Flag(help: "Print the sentences, in order, instead of enrolling.")
    var prompts = false

    @Flag(help: "With --prompts: a JSON array of {\"id\", \"text\"}.")
    var json = false

    @Option(help: ArgumentHelp("Adapt from recordings made elsewhere: DIR/<id>.wav for each sentence id (`--prompts`).", valueName: "dir"))
    var from: String?

    static let defaultCount = 40

    func validate() throws {
        if json && !prompts { throw ValidationError("--json goes with --prompts") }
        if prompts && from != nil { throw ValidationError("--prompts and --from do not go together") }
        try VoiceStore.checkName(name)
        // The most sentences there are; 60 when the file cannot be read here (run says why).
        let available = ModelsDirectory.locate().flatMap { try? EnrollmentPrompts.load(modelsDirectory: $0).count } ?? 60
        try NumberOption.check(count, "--count", Enrollment.minimumTakes...max(Enrollment.minimumTakes, available), unit: "sentences")
    }

    func run() throws {
        let lookup = ModelsDirectory.lookup()
        guard let models = lookup.directory else {
            throw RehearseError.missingData(path: EnrollmentPrompts.relativePath, what: "enrollment sentences",
                                            reason: "no Models folder found; set REHEARSE_MODELS")
        }
        let all = try EnrollmentPrompts.load(modelsDirectory: models)
        if prompts {
            let chosen = Array(all.prefix(count ?? all.count))
            if json { print(try JSONOutput.string(chosen)) }
            else { for p in chosen { print("\(p.id)\t\(p.text)") } }
            return
        }
        // The tools first: without sphinxtrain nothing is recorded.
        let tools = try SphinxTrain.locate()
        let selection = try ModelSelection.resolve(nil, lookup: lookup)
        if let note = selection.note { StandardError.print("rehearse: note: \(note)") }
        try EnrollmentPrompts.checkWords(all, dictionary: selection.model.dictionary)
        let store = VoiceStore(dataFolder: try DataFolder.resolve())
        let enrollment = Enrollment(store: store, name: name, baseModel: selection.model, tools: tools)
        let record: VoiceProfileRecord
        if let from {
            let chosen = count.map { Array(all.prefix($0)) } ?? all
            let result = try enrollment.enrollFromFolder(URL(fileURLWithPath: from, isDirectory: true), prompts: chosen) {
                StandardError.print($0)
            }
            record = result.record
        } else {
            StopSignal.install()
            let session = EnrollmentSession(
                options: .init(capture: CaptureSettings(device: device), count: count ?? Self.defaultCount),
                enrollment: enrollment, prompts: all)
            guard let finished = try session.run() else { throw ExitCode(130) }
            record = finished
        }
        try store.use(name)
        print(VoicesText.summary(record))
        print("Voice \"\(name)\" is now the one scoring uses (`--voice none` scores without it; `rehearse voices` lists voices).")
    }
}
