import Foundation
import Testing
@testable import Analysis

/// Accuracy gates for the analyzer, on the text as written (`rehearse eval-analyzer FILE`).
///
/// Every label has a floor on recall and on precision, so a detector that always says "false"
/// (recall 0, no precision) fails however rare its label is; plain accuracy would pass it
/// (marketing is true in 4 of 38 development answers). Floors sit under the figures measured
/// when they were set (docs/benchmark.md, "Gates"), never above: a change that loses
/// a case or two fails here and has to say why.
///
/// - The **sealed** set was written for issue 28 by someone who had read neither the rules nor
///   the development answers, and no rule was chosen on it (its README). Its floors are about
///   0.05–0.10 under today's figures.
/// - The **development** set is where the rules were tuned: the even half first, the odd half
///   later for a few cue phrases. Its floors are stricter, one or two cases under today's.
@Suite("Analyzer gates: sealed and development sets")
struct EvaluationGateTests {
    struct Floor: Sendable {
        var recall: Double
        var precision: Double
        init(_ recall: Double, _ precision: Double) { self.recall = recall; self.precision = precision }
    }

    struct Gate: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var half: Int?  // 0: even positions, 1: odd, nil: all
        var fourParts: Double
        var floors: [String: Floor]
        var testDescription: String { name }
    }

    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// Measured when the gate was set (issue 28) with `rehearse eval-analyzer Tests/Data/analyzer-eval-sealed/answers.json`: four parts 0.863.
    static let sealed = Gate(name: "sealed", file: "analyzer-eval-sealed/answers.json", half: nil, fourParts: 0.80, floors: [
        "context": Floor(0.85, 0.85),  // 38/42 found, 38/42 right
        "choice": Floor(0.70, 0.90),  // 44/56 found, 44/45 right
        "tradeoff": Floor(0.75, 0.80),  // 22/26 found, 22/25 right
        "result": Floor(0.70, 0.75),  // 27/35 found, 27/32 right
        "serviceDump": Floor(0.70, 0.80),  // 7/9 found, 7/8 right
        "definitionOnly": Floor(0.75, 0.75),  // 11/13 found, 11/13 right
        "volunteeredDownside": Floor(0.75, 0.75),  // 21/25 found, 21/25 right
        "measurableResult": Floor(0.60, 0.95),  // 16/23 found, 16/16 right
        "marketing": Floor(0.95, 0.95),  // 9/9 found, 9/9 right
        "hedging": Floor(0.95, 0.95),  // 9/9 found, 9/9 right
    ])

    /// Measured when the gate was set (issue 28) with `rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --half even`: four parts 0.954.
    static let developmentEven = Gate(name: "development, even half", file: "analyzer-eval/answers.json", half: 0, fourParts: 0.90, floors: [
        "context": Floor(0.95, 0.87),  // 24/24 found, 24/26 right
        "choice": Floor(0.95, 0.83),  // 22/22 found, 22/25 right
        "tradeoff": Floor(0.95, 0.95),  // 13/13 found, 13/13 right
        "result": Floor(0.95, 0.86),  // 21/21 found, 21/23 right
        "serviceDump": Floor(0.61, 0.95),  // 4/6 found, 4/4 right
        "definitionOnly": Floor(0.95, 0.95),  // 7/7 found, 7/7 right
        "volunteeredDownside": Floor(0.95, 0.87),  // 12/12 found, 12/13 right
        "measurableResult": Floor(0.95, 0.95),  // 14/14 found, 14/14 right
        "marketing": Floor(0.95, 0.95),  // 4/4 found, 4/4 right
        "hedging": Floor(0.95, 0.95),  // 3/3 found, 3/3 right
    ])

    /// Measured when the gate was set (issue 28) with `rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --half odd`: four parts 0.947.
    static let developmentOdd = Gate(name: "development, odd half", file: "analyzer-eval/answers.json", half: 1, fourParts: 0.89, floors: [
        "context": Floor(0.95, 0.82),  // 21/21 found, 21/24 right
        "choice": Floor(0.91, 0.95),  // 24/25 found, 24/24 right
        "tradeoff": Floor(0.95, 0.83),  // 15/15 found, 15/17 right
        "result": Floor(0.88, 0.88),  // 15/16 found, 15/16 right
        "serviceDump": Floor(0.78, 0.95),  // 5/6 found, 5/5 right
        "definitionOnly": Floor(0.95, 0.95),  // 5/5 found, 5/5 right
        "volunteeredDownside": Floor(0.95, 0.83),  // 15/15 found, 15/17 right
        "measurableResult": Floor(0.85, 0.95),  // 10/11 found, 10/10 right
        "marketing": Floor(0.95, 0.95),  // 5/5 found, 5/5 right
        "hedging": Floor(0.95, 0.95),  // 5/5 found, 5/5 right
    ])

    static func answers(_ gate: Gate) throws -> [LabelledAnswer] {
        let all = try LabelledEvaluation.load(data.appendingPathComponent(gate.file))
        return all.enumerated().filter { gate.half == nil || $0.offset % 2 == gate.half }.map(\.element)
    }

    static func evaluate(_ answers: [LabelledAnswer], reading: (AnswerReport) -> AnswerReport = { $0 }) -> LabelledEvaluation {
        var evaluation = LabelledEvaluation()
        for a in answers { evaluation.add(a, report: reading(analyzer.analyze(text: a.text))) }
        return evaluation
    }

    /// What falls short of the gate's floors, one line each; empty when the gate passes. A label
    /// with true cases and no answer flagged has no precision, which falls short too.
    static func shortfalls(_ evaluation: LabelledEvaluation, _ gate: Gate) -> [String] {
        var lines: [String] = []
        if evaluation.fourPartAccuracy < gate.fourParts {
            lines.append(String(format: "four parts: accuracy %.3f < %.2f", evaluation.fourPartAccuracy, gate.fourParts))
        }
        for (name, floor) in gate.floors.sorted(by: { $0.key < $1.key }) {
            guard let c = evaluation.counts[name] else { lines.append("\(name): not labelled"); continue }
            let recall = c.recall ?? 0, precision = c.precision ?? 0
            if recall < floor.recall { lines.append(String(format: "%@: recall %.3f < %.2f", name, recall, floor.recall)) }
            if precision < floor.precision { lines.append(String(format: "%@: precision %.3f < %.2f", name, precision, floor.precision)) }
        }
        return lines
    }

    @Test("every label stays above its floors", arguments: [sealed, developmentEven, developmentOdd])
    func gate(_ gate: Gate) throws {
        let answers = try Self.answers(gate)
        #expect(answers.count >= 35)
        let evaluation = Self.evaluate(answers)
        #expect(Set(gate.floors.keys) == Set(LabelledEvaluation.labels.map(\.name)), "every label has a floor")
        let short = Self.shortfalls(evaluation, gate)
        #expect(short.isEmpty, "\(gate.name):\n\(short.joined(separator: "\n"))\n\(evaluation.table())")
    }

    /// The gates must be able to fail: an analyzer that never raises a flag and never finds a
    /// part fails every label of every gate, and one that raises every flag fails on precision.
    @Test("a detector that always says false, or always true, fails every gate", arguments: [sealed, developmentEven, developmentOdd])
    func constantDetectorsFail(_ gate: Gate) throws {
        let answers = try Self.answers(gate)
        let never = Self.evaluate(answers) { report in
            var r = report
            r.flags = .init(serviceDump: false, definitionOnly: false, volunteeredDownside: false, measurableResult: false,
                            marketingLanguage: false, hedging: false, noSpeech: r.flags.noSpeech,
                            longPreamble: r.flags.longPreamble, mostlyWe: r.flags.mostlyWe)
            for part in AnswerPart.allCases { r.structure[part] = .absent }
            return r
        }
        let short = Self.shortfalls(never, gate)
        for (name, _) in LabelledEvaluation.labels {
            #expect(short.contains { $0.hasPrefix(name + ": recall") }, "\(gate.name): always false passes \(name)")
        }
        let always = Self.evaluate(answers) { report in
            var r = report
            r.flags = .init(serviceDump: true, definitionOnly: true, volunteeredDownside: true, measurableResult: true,
                            marketingLanguage: true, hedging: true, noSpeech: r.flags.noSpeech,
                            longPreamble: r.flags.longPreamble, mostlyWe: r.flags.mostlyWe)
            return r
        }
        let flagged = Self.shortfalls(always, gate)
        for flag in ["serviceDump", "definitionOnly", "marketing", "hedging"] {
            #expect(flagged.contains { $0.hasPrefix(flag + ": precision") }, "\(gate.name): always true passes \(flag)")
        }
    }
}
