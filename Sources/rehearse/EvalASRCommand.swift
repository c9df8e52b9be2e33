import ArgumentParser
import Foundation
import Pipeline
import Practice
import Reports
import PocketSphinx
import SpeechCore
import SpeechEvaluation

struct EvalASR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-asr",
        abstract: "Measure how well the recognizer hears a synthesized answer corpus.",
        discussion: """
        Runs every recording in MANIFEST (written by scripts/synth-asr-corpus.sh) through the \
        real pipeline and prints, per voice and condition: word error rate (fillers included), \
        recall of AWS service names, filler precision and recall, words-per-minute error, \
        recall of long pauses, the real-time factor (CPU and wall clock), how many recordings were \
        dereverberated, the threads used and the run's wall time.

        Examples:
          scripts/synth-asr-corpus.sh && rehearse eval-asr Audio/asr-eval/manifest.json
          rehearse eval-asr Audio/asr-eval/manifest.json --model debian --tts-voice flite-slt-0.92
          rehearse eval-asr manifest.json --voice alex          # with an enrolled voice (`rehearse voices`)
          scripts/synth-asr-corpus.sh --realistic -o /tmp/real && rehearse eval-asr /tmp/real/manifest.json --jobs 2
          rehearse eval-asr /tmp/real/manifest.json --condition reverb-fan --no-dereverb
        """)

    @Argument(help: ArgumentHelp("manifest.json from scripts/synth-asr-corpus.sh.", valueName: "manifest"))
    var manifest: String

    @OptionGroup var modelOption: ModelOption

    // `--voice` is the enrolled voice profile (ModelOption), as on score and practice.
    @Option(name: .customLong("tts-voice"), help: ArgumentHelp("Only these synthetic voices of the manifest (repeatable).", valueName: "voice"))
    var voice: [String] = []

    @Option(help: ArgumentHelp("Only these conditions (repeatable): clean, noisy, stereo44k; in a --realistic rendering clean, reverb-light, reverb-medium, reverb-strong, fan, reverb-fan.", valueName: "condition"))
    var condition: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Only the first n answers of each voice (1 to 1000000).", valueName: "answers"))
    var limit: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Leave out the first n answers of each voice, e.g. the ones a setting was tuned on (0 to 1000000).", valueName: "answers"))
    var skip = 0

    @Option(help: ArgumentHelp("Summarise the recordings in an earlier --json output instead of decoding again.", valueName: "file"))
    var results: String?

    @Flag(help: "With --results: run the current analyzer again over the stored words (an analyzer change, measured without decoding).")
    var reanalyse = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Threads, 1 to 256 (RTF is per thread; use 1 for a clean timing).", valueName: "threads"))
    var jobs = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("Recognizers decoding each recording side by side, 1 to 256, as `rehearse score` does for one long recording (RTF is then the whole process's CPU; use --jobs 1).", valueName: "threads"))
    var decodeThreads = 1

    @Flag(help: "Print every recording's scores and the summaries as JSON.")
    var json = false

    func validate() throws {
        try NumberOption.check(jobs, "--jobs", NumberOption.threads, unit: "threads")
        try NumberOption.check(limit, "--limit", NumberOption.listLength, unit: "answers")
        try NumberOption.check(skip, "--skip", 0...NumberOption.listLength.upperBound, unit: "answers")
        try NumberOption.check(decodeThreads, "--decode-threads", NumberOption.threads, unit: "threads")
        if reanalyse && results == nil { throw ValidationError("--reanalyse needs --results FILE") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: manifest)
        let loaded: EvaluationManifest
        do { loaded = try EvaluationManifest.load(url) }
        catch { throw RehearseError.missingData(path: manifest, what: "evaluation manifest", reason: RehearseError.reason(loading: error)) }
        var recordings = loaded.recordings
        if !voice.isEmpty { recordings = recordings.filter { voice.contains($0.voice) } }
        if !condition.isEmpty { recordings = recordings.filter { condition.contains($0.condition) } }
        let ids = Set(Array(Set(recordings.map(\.id))).sorted().dropFirst(skip).prefix(limit ?? .max))
        recordings = recordings.filter { ids.contains($0.id) }
        guard !recordings.isEmpty else { throw RehearseError.missingData(path: manifest, what: "recordings", reason: "none match the filters") }

        var result: Evaluation.Result
        if let results {
            struct Saved: Decodable { var result: Evaluation.Result }
            do { result = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: URL(fileURLWithPath: results))).result }
            catch { throw RehearseError.missingData(path: results, what: "earlier eval-asr --json output", reason: RehearseError.reason(loading: error)) }
            let wanted = Set(recordings.map(\.key))
            result.recordings = result.recordings.filter { wanted.contains($0.key) }
            guard !result.recordings.isEmpty else { throw RehearseError.missingData(path: results, what: "recordings", reason: "none match the filters") }
            if reanalyse { result = result.reanalysed(manifest: recordings) }
        } else {
            let model: RecognizerModel
            model = try modelOption.resolve()
            let bar = ProgressBar(total: recordings.count, label: "decoding")
            result = try Evaluation(model: model, workers: jobs, decodeThreads: decodeThreads)
                .run(recordings, in: url.deletingLastPathComponent()) { done, _, path in bar.update(done: done, current: path) }
        }
        for failure in result.recordings.compactMap(\.error) { StandardError.print("rehearse: \(failure)") }
        if json {
            struct Output: Encodable {
                var result: Evaluation.Result
                var summaries: [Row]
                struct Row: Encodable { var voice: String; var condition: String; var summary: ScoreSummary }
            }
            print(try JSONOutput.string(Output(result: result, summaries: result.summaries.map { .init(voice: $0.voice, condition: $0.condition, summary: $0.summary) })))
        } else {
            print(result.table())
        }
    }
}
