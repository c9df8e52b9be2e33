import Analysis
import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports
import PocketSphinx
import SpeechCore

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a recorded answer, a typed transcript, or every recording in a folder.",
        discussion: """
        Recordings: WAV (8/16/24/32-bit PCM or float), FLAC, Ogg/Vorbis, AIFF; any rate, any channel count. \
        A .txt or .md file is analysed as a typed transcript (no pace or pause figures). \
        A folder scores every recording in it on all cores, with a progress bar on stderr; \
        one recording shows on stderr how far into it the recognizer is (in a terminal only).

        Examples:
          rehearse score my-answer.wav
          rehearse score my-answer.wav --json | jq .score
          rehearse score notes.txt
          rehearse score answers/
          rehearse score why-not-kinesis.wav --compare SQS,Kinesis
          rehearse score my-answer.wav --no-save

        Every scored answer is saved to the history (see `rehearse history`) unless --no-save is given.
        """)

    @Argument(help: ArgumentHelp("A recording, a .txt transcript, or a folder of recordings.", valueName: "path"))
    var path: String

    @Flag(help: "Print the report as JSON (schemaVersion 2, see docs/report-schema.md).")
    var json = false

    @Option(help: ArgumentHelp("The id of the question being answered (see `rehearse questions`): the report then lists its key points and scores how many were covered.", valueName: "id"))
    var question: String?

    @Option(help: ArgumentHelp("Score the answer to \"why CHOSEN and not OTHER?\": did it name a real difference?",
                               valueName: "chosen,other"))
    var compare: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Score the answer to this follow-up of --question (numbered from 1 as `rehearse questions --json` lists them), judged as a follow-up answer: direct, its own points, short.", valueName: "n"))
    var followUp: Int?

    @Option(help: ArgumentHelp("A text file with the first answer, so a follow-up answer that retells it is named (with --follow-up).", valueName: "file"))
    var firstAnswer: String?

    @Option(help: ArgumentHelp("Judge by this rubric instead of the question's kind (or the kind the answer reads as): concept, troubleshooting, design, choice or ownership.", valueName: "kind"))
    var kind: KindOption?

    @OptionGroup var modelOption: ModelOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Threads, 1 to 256: recordings of a folder scored at once, or parts of one long recording decoded side by side (default: one per core).", valueName: "threads"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Don't save the attempt to the history.")
    var noSave = false

    func validate() throws {
        try NumberOption.check(jobs, "--jobs", NumberOption.threads, unit: "threads")
        try NumberOption.check(followUp, "--follow-up", 1...99, unit: "(the follow-up's number)")
        if followUp != nil && question == nil { throw ValidationError("--follow-up needs --question ID: the follow-up is one of that question's") }
        if firstAnswer != nil && followUp == nil { throw ValidationError("--first-answer goes with --follow-up N") }
        if let compare, compare.split(separator: ",").count != 2 {
            throw ValidationError("--compare takes two options separated by a comma, e.g. --compare SQS,Kinesis")
        }
    }

    func run() throws {
        var analyzer: AnswerAnalyzer
        analyzer = try Resources.analyzer(questionID: question)
        if let pair = compare?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let options = (ServiceCatalog.canonicalName(for: pair[0]) ?? pair[0],
                           ServiceCatalog.canonicalName(for: pair[1]) ?? pair[1])
            guard analyzer.alternatives.separating(options.0, options.1) != nil else {
                let known = analyzer.alternatives.pairs.prefix(3).map { $0.options.joined(separator: ",") }.joined(separator: "; ")
                throw ValidationError("--compare: Models/alternatives.json lists nothing that separates \(options.0) and \(options.1) (it has \(analyzer.alternatives.pairs.count) pairs, e.g. \(known)); add the pair there, or leave out --compare")
            }
            analyzer.followUpTo = options
        }
        if let followUp, let question, let q = analyzer.question {
            guard let f = q.followUp(followUp) else {
                throw ValidationError("question \(question) has \(q.followUps.count) follow-up(s); --follow-up takes 1 to \(q.followUps.count) (see `rehearse questions --json`)")
            }
            analyzer.followUp = (followUp, f)
        }
        if let firstAnswer {
            do { analyzer.firstAnswer = try String(contentsOfFile: firstAnswer, encoding: .utf8) }
            catch { throw RehearseError.notFound(path: firstAnswer) }
        }
        if let kind { analyzer.kind = RubricKind(kind.kind) }
        let style = Style.forStandardOutput()

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RehearseError.notFound(path: path)
        }
        // A typed transcript needs no recognizer, so a broken model folder must not stop it.
        let model: RecognizerModel
        if !isDirectory.boolValue && ScoringPipeline.isTranscript(path) {
            model = .debianEnUS
        } else {
            model = try modelOption.resolve()
        }
        // Open the history first: a damaged database should stop us before minutes of decoding.
        let recorder: AttemptRecorder?
        do { recorder = noSave ? nil : AttemptRecorder(store: try HistoryStore.openForWriting(), question: analyzer.question) }
        catch { throw RehearseError.notSaved(reason: "\(error)") }
        if !isDirectory.boolValue {
            let report: AnswerReport
            do {
                // A long recording takes a while (about a fifth of its length): show how far it is;
                // the bar is gone before the report prints.
                let bar = ProgressBar(label: "transcribing")
                defer { bar.clear() }
                let name = URL(fileURLWithPath: path).lastPathComponent
                let configuration = PipelineConfiguration(model: model, decodeThreads: jobs)
                report = try ScoringPipeline(analyzer: analyzer, configuration: configuration).score(path: path) { done, total in
                    bar.update(seconds: done, of: total, name: name)
                }
            }
            if json { print(try JSONOutput.string(report)) } else { TerminalText.print(TerminalReport(style: style).render(report)) }
            do { try recorder?.save([report]) } catch { throw RehearseError.notSaved(reason: "\(error)") }
            return
        }

        let files: [String]
        do { files = try BatchScorer.recordings(in: path) } catch { throw RehearseError.notFound(path: path) }
        guard !files.isEmpty else { throw RehearseError.noRecordings(directory: path) }
        let bar = ProgressBar(total: files.count, label: "scoring")
        bar.update(done: 0, current: files[0])
        let outcomes = BatchScorer(analyzer: analyzer, model: model, workers: jobs)
            .score(files) { done, _, current in bar.update(done: done, current: current) }
        try printBatch(outcomes, style: style)
        let reports = outcomes.compactMap { if case .scored(let r) = $0 { return r } else { return nil } }
        do { try recorder?.save(reports) } catch { throw RehearseError.notSaved(reason: "\(error)") }
        if outcomes.contains(where: { if case .failed = $0 { return true } else { return false } }) {
            throw ExitCode(1)
        }
    }

    private func printBatch(_ outcomes: [BatchScorer.Outcome], style: Style) throws {
        if json {
            let items: [JSONOutput.BatchItem] = outcomes.map {
                switch $0 {
                case .scored(let r): return .init(report: r, error: nil, path: r.source?.path ?? "")
                case .failed(let p, let m): return .init(report: nil, error: m, path: p)
                }
            }
            print(try JSONOutput.string(items))
            return
        }
        let renderer = TerminalReport(style: style)
        var summary: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .scored(let r):
                TerminalText.print(renderer.render(r))
                print(style.dim(String(repeating: "─", count: 80)))
                let name = URL(fileURLWithPath: r.source?.path ?? "").lastPathComponent
                let wpm = r.pacing.wordsPerMinute.map { "\(Int($0.rounded())) wpm" } ?? "—"
                summary.append("\(String(r.score.overall).leftPad(5))  \(wpm.leftPad(8))  \(String(r.fillers.count).leftPad(7))  \(r.structure.presentCount)/4    \(TerminalText.field(name))")
            case .failed(let p, let m):
                StandardError.line("rehearse: \(m)")
                summary.append("  err  " + style.red(TerminalText.field(URL(fileURLWithPath: p).lastPathComponent)))
            }
        }
        print(style.bold("score      pace  fillers  parts  file"))
        summary.forEach { print($0) }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
