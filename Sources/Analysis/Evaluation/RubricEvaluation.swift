import Foundation

/// Measures the rubrics on the labelled sets written for them (Tests/Data/kind-eval,
/// followup-eval, misconception-eval): does a strong answer beat the weak one to the same
/// question, is a follow-up answer judged as one, is a wrong claim called out and held down.
/// Typed answers, so the recognizer plays no part.
public enum RubricEvaluation {
    public enum Split: String, Sendable, CaseIterable { case all, tune, held }

    public struct Pair: Codable, Sendable {
        public var question: String
        public var kind: String?
        public var split: String
        public var strong: String
        public var weak: String
        public var weakness: String
        // Follow-up sets only.
        public var followUp: Int?
        public var followUpKind: String?
        public var firstAnswer: String?
    }

    public struct MisconceptionAnswer: Codable, Sendable {
        public var question: String
        public var split: String
        public var text: String
        public var claims: [String]
    }

    public struct PairResult: Sendable {
        public var pair: Pair
        public var strong: Int
        public var weak: Int
        public var group: String
        /// Misconceptions called out in the strong answer, which states none: false alarms.
        public var strongCalledWrong: [String] = []
    }

    public static func load<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func keep(_ split: String, _ wanted: Split) -> Bool { wanted == .all || split == wanted.rawValue }

    /// Scores both answers of every pair (first answers, or follow-up answers when the pair names one).
    /// `common` nil reads Models/misconceptions.json, as a report does.
    public static func score(pairs: [Pair], bank: QuestionBank, alternatives: AlternativesMap, split: Split,
                             rubrics: RubricBook, common: CommonMisconceptions? = nil) throws -> [PairResult] {
        try pairs.filter { keep($0.split, split) }.map { pair in
            guard let q = bank.question(id: pair.question) else {
                throw QuestionBankError(file: "labelled set", reason: "no question \"\(pair.question)\" in the bank")
            }
            var analyzer = AnswerAnalyzer(question: q, alternatives: alternatives)
            analyzer.rubrics = rubrics
            analyzer.commonMisconceptions = common
            var group = q.kind.rawValue
            if let n = pair.followUp {
                guard let f = q.followUp(n) else {
                    throw QuestionBankError(file: "labelled set", reason: "\(q.id) has no follow-up \(n)")
                }
                analyzer.followUp = (n, f)
                analyzer.firstAnswer = pair.firstAnswer
                group = f.kind?.rawValue ?? pair.followUpKind ?? "follow-up"
            }
            let strong = analyzer.analyze(text: pair.strong)
            return PairResult(pair: pair, strong: strong.score.overall,
                              weak: analyzer.analyze(text: pair.weak).score.overall, group: group,
                              strongCalledWrong: strong.coverage?.misconceptions.map(\.claim) ?? [])
        }
    }

    /// One row per group and one overall: the separation and the medians the targets name.
    public static func table(_ results: [PairResult], margin: Int) -> String {
        func row(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == 0 ? c.padding(toLength: 16, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, 10 - c.count)) + c }.joined()
        }
        var lines = [row(["group", "pairs", "apart≥\(margin)", "strongMd", "strongMin", "weakMd", "weakMax"])]
        let groups = Dictionary(grouping: results, by: \.group)
        for (name, rows) in groups.sorted(by: { $0.key < $1.key }) + [("overall", results)] where !rows.isEmpty {
            let apart = rows.filter { $0.strong - $0.weak >= margin }.count
            lines.append(row([name, "\(rows.count)", "\(Int((Double(apart) / Double(rows.count) * 100).rounded()))%",
                              String(format: "%.1f", median(rows.map(\.strong))), "\(rows.map(\.strong).min()!)",
                              String(format: "%.1f", median(rows.map(\.weak))), "\(rows.map(\.weak).max()!)"]))
        }
        return lines.joined(separator: "\n")
    }

    public struct MisconceptionResult: Sendable {
        public var answer: MisconceptionAnswer
        public var score: Int
        public var calledOut: Int
        /// Of those, the ones from the common list (Models/misconceptions.json).
        public var calledOutCommon: Int = 0
        public var credited: [String]
    }

    public static func score(misconceptions: [MisconceptionAnswer], bank: QuestionBank, alternatives: AlternativesMap,
                             split: Split, rubrics: RubricBook, common: CommonMisconceptions? = nil) throws -> [MisconceptionResult] {
        try misconceptions.filter { keep($0.split, split) }.map { a in
            guard let q = bank.question(id: a.question) else {
                throw QuestionBankError(file: "labelled set", reason: "no question \"\(a.question)\" in the bank")
            }
            var analyzer = AnswerAnalyzer(question: q, alternatives: alternatives)
            analyzer.rubrics = rubrics
            analyzer.commonMisconceptions = common
            let report = analyzer.analyze(text: a.text)
            let wrong = report.coverage?.misconceptions ?? []
            return MisconceptionResult(answer: a, score: report.score.overall, calledOut: wrong.count,
                                       calledOutCommon: wrong.filter(\.common).count,
                                       credited: report.coverage?.hit.map(\.point) ?? [])
        }
    }

    /// Every bank question with its own prompt as the answer: the key points that earns.
    public static func promptRestatements(bank: QuestionBank, alternatives: AlternativesMap, rubrics: RubricBook) -> [(id: String, points: Int, score: Int)] {
        bank.questions.map { q in
            var analyzer = AnswerAnalyzer(question: q, alternatives: alternatives)
            analyzer.rubrics = rubrics
            let report = analyzer.analyze(text: q.prompt)
            return (q.id, report.coverage?.hit.count ?? 0, report.score.overall)
        }
    }

    static func median(_ xs: [Int]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
