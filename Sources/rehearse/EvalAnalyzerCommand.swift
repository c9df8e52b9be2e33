import Analysis
import ArgumentParser
import Foundation
import Pipeline
import Practice
import Reports
import PocketSphinx
import SpeechCore

struct EvalAnalyzer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-analyzer",
        abstract: "Measure the analyzer against a labelled set of answers.",
        discussion: """
        Prints precision, recall and accuracy for each part (context, choice, trade-off, result) \
        and each flag. The labelled set is Tests/Data/analyzer-eval/answers.json.

          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json
          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --half even --misses

        On recognizer output: scripts/synth-labelled.sh renders every answer with flite voices into \
        a folder of <id>.wav; --audio scores those recordings through the whole pipeline instead.

          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --audio .eval/labelled

        Decoding every recording takes minutes. --transcripts keeps what the recognizer heard (timed \
        words, as <id>.heard.json) and reuses it while it came from the same model and settings and \
        is newer than the recording and the model's files; without --audio it scores only the kept \
        transcripts, so tuning the analyzer on recognizer output re-runs the analyzer alone:

          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --audio .eval/labelled --transcripts .eval/heard
          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --transcripts .eval/heard --half even --misses
        """)

    enum Half: String, ExpressibleByArgument, CaseIterable { case all, even, odd }

    @Argument(help: "The labelled answers (JSON).")
    var file: String

    @Option(help: "Which answers: all, or the even/odd-numbered half (the tests use even).")
    var half: Half = .all

    @Flag(help: "List every disagreement with its answer.")
    var misses = false

    @Flag(help: "Print the counts as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Score <id>.wav recordings of the answers in this folder (the real pipeline) instead of the text.", valueName: "dir"))
    var audio: String?

    @Option(help: ArgumentHelp("Keep what the recognizer heard in <dir>/<id>.heard.json and reuse it; alone, score those transcripts.", valueName: "dir"))
    var transcripts: String?

    @OptionGroup var modelOption: ModelOption

    @Option(help: ArgumentHelp("Write each answer's text to <dir>/<id>.txt (for the synthesis script) and stop.", valueName: "dir"))
    var exportTexts: String?

    func run() throws {
        let answers: [LabelledAnswer]
        do { answers = try LabelledEvaluation.load(URL(fileURLWithPath: file)) }
        catch { throw RehearseError.missingData(path: file, what: "labelled set", reason: RehearseError.reason(loading: error)) }
        let chosen = answers.enumerated().filter { half == .all || ($0.offset % 2 == 0) == (half == .even) }.map(\.element)
        if let exportTexts {
            try FileManager.default.createDirectory(atPath: exportTexts, withIntermediateDirectories: true)
            for a in chosen {
                try a.text.write(toFile: exportTexts + "/\(a.id).txt", atomically: true, encoding: .utf8)
            }
            TerminalText.print("wrote \(chosen.count) texts to \(exportTexts)")
            return
        }
        var evaluation = LabelledEvaluation()
        var reports: [String: AnswerReport] = [:]
        let analyzer = try Resources.analyzer(questionID: nil)
        let scored: [(LabelledAnswer, AnswerReport)] = audio != nil || transcripts != nil
            ? try heardWords(chosen, analyzer: analyzer).map { ($0.0, analyzer.analyze(words: $0.1)) }
            : chosen.map { ($0, analyzer.analyze(text: $0.text)) }
        for (answer, report) in scored {
            reports[answer.id] = report
            evaluation.add(answer, report: report)
        }
        if json {
            print(try JSONOutput.string(evaluation.counts))
            return
        }
        TerminalText.print(evaluation.table())
        if misses { printMisses(evaluation.misses, reports: reports) }
    }
}

extension EvalAnalyzer {
    /// Each answer with a disagreement once: the labels it got wrong, the text as written, and
    /// the clauses the analyzer cut (from what the recognizer heard, for recordings) with the
    /// parts it read in each.
    func printMisses(_ misses: [LabelledEvaluation.Miss], reports: [String: AnswerReport]) {
        var order: [String] = []
        for m in misses where !order.contains(m.id) { order.append(m.id) }
        for id in order {
            let mine = misses.filter { $0.id == id }
            TerminalText.print("\n\(id) " + mine.map { "\($0.label) expected \($0.expected)" }.joined(separator: ", "))
            TerminalText.print("  \(mine[0].text)")
            for segment in reports[id]?.segments ?? [] {
                let parts = segment.parts.map(\.rawValue).joined(separator: "+")
                TerminalText.print("    [\(parts.isEmpty ? "-" : parts)] \(segment.text)")
            }
        }
    }

    /// The recognizer's words for each answer: from the kept transcripts where they are current,
    /// otherwise decoded from the recordings (and kept when --transcripts names a folder).
    func heardWords(_ chosen: [LabelledAnswer], analyzer: AnswerAnalyzer) throws -> [(LabelledAnswer, [Word])] {
        let store = transcripts.map { HeardTranscriptStore(directory: $0) }
        guard let audio else {
            let kept = chosen.compactMap { a in store!.load(id: a.id, model: nil, recording: nil).map { (a, $0) } }
            guard !kept.isEmpty else { throw RehearseErrorText("\(transcripts!): no <id>.heard.json transcripts — run once with --audio") }
            return kept
        }
        let present = chosen.filter { FileManager.default.fileExists(atPath: audio + "/\($0.id).wav") }
        guard !present.isEmpty else { throw RehearseErrorText("\(audio): no <id>.wav recordings of the labelled answers — run scripts/synth-labelled.sh") }
        let model: RecognizerModel
        model = try modelOption.resolve()
        var words: [String: [Word]] = [:]
        for a in present {
            words[a.id] = store?.load(id: a.id, model: model, recording: audio + "/\(a.id).wav")
        }
        let toDecode = present.filter { words[$0.id] == nil }
        if !toDecode.isEmpty {
            let bar = ProgressBar(total: toDecode.count, label: "decoding")
            let outcomes = BatchScorer(analyzer: analyzer, model: model)
                .score(toDecode.map { audio + "/\($0.id).wav" }) { done, _, current in bar.update(done: done, current: current) }
            for (answer, outcome) in zip(toDecode, outcomes) {
                guard case .scored(let report) = outcome else { continue }
                let heard = report.transcript.words.map { Word($0.text, start: $0.start, end: $0.end, confidence: $0.confidence) }
                words[answer.id] = heard
                try store?.save(id: answer.id, model: model, words: heard)
            }
        }
        return present.compactMap { a in words[a.id].map { (a, $0) } }
    }
}

/// A ready-made one-line error message.
struct RehearseErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
