import Analysis
import ArgumentParser
import Foundation

struct EvalRubric: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-rubric",
        abstract: "Measure the rubrics on labelled strong/weak pairs, follow-up answers and wrong claims.",
        discussion: """
        Typed answers scored against the bank, so the recognizer plays no part. Each set has a \
        "tune" half and a "held" half that no setting is chosen on (see each set's README).

          rehearse eval-rubric --pairs Tests/Data/kind-eval/pairs.json --split held
          rehearse eval-rubric --follow-ups Tests/Data/followup-eval/pairs.json --split held
          rehearse eval-rubric --misconceptions Tests/Data/misconception-eval/answers.json
          rehearse eval-rubric --prompts
        """)

    enum SplitOption: String, ExpressibleByArgument, CaseIterable { case all, tune, held }

    @Option(help: ArgumentHelp("Strong/weak pairs of first answers (JSON; repeat for several files).", valueName: "file"))
    var pairs: [String] = []

    @Option(help: ArgumentHelp("Strong/weak pairs of follow-up answers (JSON; repeatable).", valueName: "file"))
    var followUps: [String] = []

    @Option(help: ArgumentHelp("Answers that state wrong claims (JSON; repeatable).", valueName: "file"))
    var misconceptions: [String] = []

    @Flag(help: "Score every bank question's own prompt as its answer (it should earn no key point).")
    var prompts = false

    @Option(help: "Which half: all, tune or held.")
    var split: SplitOption = .all

    @Flag(help: "List every pair or answer that misses its target.")
    var misses = false

    @Flag(help: "Leave out the common wrong beliefs (Models/misconceptions.json), to see what they add.")
    var noCommon = false

    func run() throws {
        let models = ModelsDirectory.locate()
        let bank = try Resources.questionBank(in: models)
        let alternatives = try Resources.analyzer(questionID: nil).alternatives
        let rubrics = try RubricBook.standard.get()
        let common = noCommon ? CommonMisconceptions() : try CommonMisconceptions.standard.get()
        let split = RubricEvaluation.Split(rawValue: self.split.rawValue)!
        /// One set of pairs: its table, and the pairs that miss the issue's targets.
        struct Targets { var label: String, margin: Int, strongAtLeast: Int, weakAtMost: Int, summary: String }
        func report(_ file: String, _ t: Targets) throws {
            let set = try RubricEvaluation.load([RubricEvaluation.Pair].self, from: file)
            let results = try RubricEvaluation.score(pairs: set, bank: bank, alternatives: alternatives, split: split, rubrics: rubrics, common: common)
            print("# \(file) (\(split.rawValue)): \(t.label); targets: \(t.summary)")
            print(RubricEvaluation.table(results, margin: t.margin))
            let falseAlarms = results.filter { !$0.strongCalledWrong.isEmpty }
            print("strong answers with a wrong claim called out (they state none): \(falseAlarms.count) of \(results.count)")
            if misses {
                for r in falseAlarms { print("  false alarm \(r.pair.question): \(r.strongCalledWrong.joined(separator: " | "))") }
                for r in results where r.strong - r.weak < t.margin || r.strong < t.strongAtLeast || r.weak > t.weakAtMost {
                    let which = r.pair.followUp.map { " #\($0)" } ?? ""
                    print("  miss \(r.pair.question)\(which) [\(r.group), weak: \(r.pair.weakness)]: strong \(r.strong), weak \(r.weak)")
                }
            }
            print("")
        }
        for file in pairs {
            try report(file, Targets(label: "first answers", margin: 15, strongAtLeast: 65, weakAtMost: 40,
                                     summary: "apart ≥ 15 in 95%, strong median ≥ 80 and min ≥ 65, weak median ≤ 40"))
        }
        for followUps in followUps {
            try report(followUps, Targets(label: "follow-up answers", margin: 20, strongAtLeast: 70, weakAtMost: 45,
                                          summary: "every pair apart ≥ 20, strong ≥ 70, weak ≤ 45"))
        }
        for misconceptions in misconceptions {
            let set = try RubricEvaluation.load([RubricEvaluation.MisconceptionAnswer].self, from: misconceptions)
            let results = try RubricEvaluation.score(misconceptions: set, bank: bank, alternatives: alternatives, split: split,
                                                    rubrics: rubrics, common: common)
            let claims = results.reduce(0) { $0 + $1.answer.claims.count }
            let called = results.reduce(0) { $0 + min($1.calledOut, $1.answer.claims.count) }
            let flagged = results.filter { $0.calledOut > 0 }.count
            let byCommon = results.reduce(0) { $0 + $1.calledOutCommon }
            let over = results.filter { $0.score > 35 }
            print("# \(misconceptions) (\(split.rawValue)): answers stating wrong claims; targets: each called out, none above 35")
            print("answers \(results.count), with a claim called out \(flagged), claims \(claims), called out \(called) (\(byCommon) by the common list), above 35: \(over.count), max score \(results.map(\.score).max() ?? 0)")
            if misses {
                for r in results where r.calledOut == 0 || r.score > 35 {
                    print("  miss \(r.answer.question): score \(r.score), called out \(r.calledOut) of \(r.answer.claims.count): \(r.answer.claims.joined(separator: " | "))")
                }
            }
            print("")
        }
        if prompts {
            let rows = RubricEvaluation.promptRestatements(bank: bank, alternatives: alternatives, rubrics: rubrics)
            let earning = rows.filter { $0.points > 0 }
            print("# every prompt restated as its answer: \(rows.count) questions, \(earning.count) earn a key point, max score \(rows.map(\.score).max() ?? 0)")
            for r in earning { print("  \(r.id): \(r.points) key point(s), score \(r.score)") }
        }
    }
}
