import Foundation

/// An answer written for evaluation with the truth about its parts and flags
/// (Tests/Data/analyzer-eval/answers.json).
public struct LabelledAnswer: Codable, Sendable, Hashable {
    public var id: String
    public var category: String
    public var role: String
    public var topic: String
    public var text: String
    public var labels: [String: Bool]
}

/// Runs the analyzer over labelled answers and counts agreement per label.
public struct LabelledEvaluation: Sendable {
    /// Label name in the data set -> what the analyzer reported.
    public static let labels: [(name: String, read: @Sendable (AnswerReport) -> Bool)] = partLabels + flagLabels

    private static let partLabels: [(name: String, read: @Sendable (AnswerReport) -> Bool)] = AnswerPart.allCases.map { part in
        (part.rawValue, { $0.structure[part].present })
    }

    private static let flagLabels: [(name: String, read: @Sendable (AnswerReport) -> Bool)] =
        [AnswerFlag.serviceDump, .definitionOnly, .volunteeredDownside, .measurableResult, .marketing, .hedging].map { flag in
            (flag.label ?? flag.rawValue, { flag.isRaised(in: $0.flags) })
        }

    public struct Counts: Sendable, Hashable, Codable {
        public var truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0
        public var total: Int { truePositive + falsePositive + falseNegative + trueNegative }
        public var accuracy: Double { total == 0 ? 0 : Double(truePositive + trueNegative) / Double(total) }
        public var precision: Double? { truePositive + falsePositive == 0 ? nil : Double(truePositive) / Double(truePositive + falsePositive) }
        public var recall: Double? { truePositive + falseNegative == 0 ? nil : Double(truePositive) / Double(truePositive + falseNegative) }
        /// Recall on the answers labelled false.
        public var specificity: Double? { trueNegative + falsePositive == 0 ? nil : Double(trueNegative) / Double(trueNegative + falsePositive) }
        /// The mean of recall and specificity: 0.5 for a detector that always says the same
        /// thing, however rare the label, where plain accuracy rewards always saying "false".
        public var balancedAccuracy: Double? { recall.flatMap { r in specificity.map { (r + $0) / 2 } } }
        /// The harmonic mean of precision and recall.
        public var f1: Double? {
            guard let p = precision, let r = recall, p + r > 0 else { return nil }
            return 2 * p * r / (p + r)
        }
    }

    public struct Miss: Sendable, Hashable, Codable {
        public var id: String
        public var label: String
        public var expected: Bool
        public var text: String
    }

    public var counts: [String: Counts] = [:]
    public var misses: [Miss] = []
    public var answers = 0

    public init() {}

    public static func load(_ url: URL) throws -> [LabelledAnswer] {
        try JSONDecoder().decode([LabelledAnswer].self, from: Data(contentsOf: url))
    }

    /// Adds one answer, scored from `report` (the analyzer's reading of the text or of a
    /// recognizer transcript of it).
    public mutating func add(_ answer: LabelledAnswer, report: AnswerReport) {
        answers += 1
        for (name, read) in Self.labels {
            guard let truth = answer.labels[name] else { continue }
            let got = read(report)
            var c = counts[name] ?? Counts()
            switch (truth, got) {
            case (true, true): c.truePositive += 1
            case (false, true): c.falsePositive += 1
            case (true, false): c.falseNegative += 1
            case (false, false): c.trueNegative += 1
            }
            counts[name] = c
            if truth != got { misses.append(Miss(id: answer.id, label: name, expected: truth, text: answer.text)) }
        }
    }

    /// Accuracy over the four parts together (every part of every answer).
    public var fourPartAccuracy: Double {
        let parts = ["context", "choice", "tradeoff", "result"].compactMap { counts[$0] }
        let right = parts.reduce(0) { $0 + $1.truePositive + $1.trueNegative }
        let total = parts.reduce(0) { $0 + $1.total }
        return total == 0 ? 0 : Double(right) / Double(total)
    }

    /// The table the evaluation command prints.
    public func table() -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "  — " }
        var lines = ["label                  n   TP  FP  FN  TN   precision  recall  F1     accuracy  balanced"]
        for (name, _) in Self.labels {
            guard let c = counts[name] else { continue }
            lines.append(name.padding(toLength: 20, withPad: " ", startingAt: 0)
                         + String(format: "%4d %4d %3d %3d %3d", c.total, c.truePositive, c.falsePositive, c.falseNegative, c.trueNegative)
                         + "   " + f(c.precision).padding(toLength: 9, withPad: " ", startingAt: 0)
                         + "  " + f(c.recall).padding(toLength: 6, withPad: " ", startingAt: 0)
                         + "  " + f(c.f1).padding(toLength: 5, withPad: " ", startingAt: 0)
                         + "  " + f(c.accuracy) + "      " + f(c.balancedAccuracy))
        }
        let f1s = ["context", "choice", "tradeoff", "result"].compactMap { counts[$0]?.f1 }
        let meanF1 = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
        lines.append(String(format: "four parts together: accuracy %.2f, mean F1 %.2f over %d answers", fourPartAccuracy, meanF1, answers))
        return lines.joined(separator: "\n")
    }
}
