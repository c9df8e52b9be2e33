import Analysis
import ArgumentParser
import Foundation

struct EvalAnalyzer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-analyzer",
        abstract: "Measure the analyzer against a labelled set of answers.",
        discussion: """
        Prints precision, recall and accuracy for each part (context, choice, trade-off, result)
        and each flag. The labelled set is Tests/Data/analyzer-eval/answers.json.

          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json
          rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --half even --misses
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

    func run() throws {
        let answers: [LabelledAnswer]
        do { answers = try LabelledEvaluation.load(URL(fileURLWithPath: file)) }
        catch { throw fail(RehearseErrorText("\(file): cannot read the labelled set (\(error))")) }
        var evaluation = LabelledEvaluation()
        let analyzer = try Resources.analyzer(questionID: nil)
        for (i, answer) in answers.enumerated() where half == .all || (i % 2 == 0) == (half == .even) {
            evaluation.add(answer, report: analyzer.analyze(text: answer.text))
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
