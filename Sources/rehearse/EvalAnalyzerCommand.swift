import Analysis
import ArgumentParser
import Foundation
import RehearseKit
import Speech

struct EvalAnalyzer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-analyzer",
        abstract: "Measure the analyzer against a labelled set of answers.",
        discussion: """
        Prints precision, recall and accuracy for each part (context, choice, trade-off, result)
        and each flag. The labelled set is Tests/Data/analyzer-eval/answers.json.

          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json
          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --half even --misses

        On recognizer output: scripts/synth-labelled.sh renders every answer with flite voices into
        a folder of <id>.wav; --audio scores those recordings through the whole pipeline instead.

          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --audio .eval/labelled
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

    @OptionGroup var modelOption: ModelOption

    @Option(help: ArgumentHelp("Write each answer's text to <dir>/<id>.txt (for the synthesis script) and stop.", valueName: "dir"))
    var exportTexts: String?

    func run() throws {
        let answers: [LabelledAnswer]
        do { answers = try LabelledEvaluation.load(URL(fileURLWithPath: file)) }
        catch { throw fail(RehearseErrorText("\(file): cannot read the labelled set (\(error))")) }
        let chosen = answers.enumerated().filter { half == .all || ($0.offset % 2 == 0) == (half == .even) }.map(\.element)
        if let exportTexts {
            try FileManager.default.createDirectory(atPath: exportTexts, withIntermediateDirectories: true)
            for a in chosen {
                try a.text.write(toFile: exportTexts + "/\(a.id).txt", atomically: true, encoding: .utf8)
            }
            print("wrote \(chosen.count) texts to \(exportTexts)")
            return
        }
        var evaluation = LabelledEvaluation()
        let analyzer = try Resources.analyzer(questionID: nil)
        if let audio {
            let present = chosen.filter { FileManager.default.fileExists(atPath: audio + "/\($0.id).wav") }
            guard !present.isEmpty else { throw fail(RehearseErrorText("\(audio): no <id>.wav recordings of the labelled answers — run scripts/synth-labelled.sh")) }
            let bar = ProgressBar(total: present.count, label: "decoding")
            let model: RecognizerModel
            do { model = try modelOption.resolve() } catch { throw fail(error) }
            let outcomes = BatchScorer(analyzer: analyzer, model: model)
                .score(present.map { audio + "/\($0.id).wav" }) { done, _, current in bar.update(done: done, current: current) }
            for (answer, outcome) in zip(present, outcomes) {
                guard case .scored(let report) = outcome else { continue }
                evaluation.add(answer, report: report)
            }
        } else {
            for answer in chosen { evaluation.add(answer, report: analyzer.analyze(text: answer.text)) }
        }
        if json {
            print(try JSONOutput.string(evaluation.counts))
            return
        }
        print(evaluation.table())
        if misses {
            for m in evaluation.misses {
                print("\n\(m.id) \(m.label): expected \(m.expected), got \(!m.expected)\n  \(m.text)")
            }
        }
    }
}

/// A ready-made one-line error message.
struct RehearseErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
