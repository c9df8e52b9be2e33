import Analysis
import ArgumentParser
import Foundation
import Pipeline
import Practice
import Reports

struct Questions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse the question bank.",
        discussion: """
        Examples:
          rehearse questions --role mid --topic lambda
          rehearse questions --json | jq '.[].id'
        """)

    @Option(help: ArgumentHelp("Only questions for this level.", valueName: "role"))
    var role: RoleOption?

    @Option(help: ArgumentHelp("Only questions on this topic, e.g. vpc, lambda, iam.", valueName: "topic"))
    var topic: String?

    @Flag(help: "Print the questions as a JSON array.")
    var json = false

    @Flag(help: "Check the bank instead of listing it: every example sentence through the matcher, no digits or prompt words in phrases, every fact dated, the common wrong beliefs of Models/misconceptions.json and the limits of Models/limits.json (docs/question-bank.md). Exits 1 on a problem.")
    var check = false

    func run() throws {
        let bank: QuestionBank
        bank = try Resources.questionBank(in: ModelsDirectory.locate())
        if check {
            let rules = try RubricBook.standard.get().matching
            let common = try CommonMisconceptions.standard.get()
            let limits = try ServiceLimits.standard.get()
            let problems = BankLint.problems(in: bank, rules: rules) + BankLint.problems(in: common, bank: bank, rules: rules)
                + limits.lint().map { "\(ServiceLimits.fileName) › \($0)" }
            if common.misconceptions.isEmpty {
                StandardError.print("note: no \(CommonMisconceptions.fileName) in the Models folder, so no wrong belief is checked outside its question")
            }
            for p in problems { TerminalText.print(p) }
            let kinds = Dictionary(grouping: bank.questions, by: \.kind).mapValues(\.count)
            StandardError.print("\(bank.questions.count) questions (\(Question.Kind.allCases.map { "\(kinds[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))), \(common.misconceptions.count) common wrong beliefs, \(limits.file.limits.count) limits; \(problems.count) problem(s)")
            if !problems.isEmpty { throw ExitCode(1) }
            return
        }
        if let topic, !bank.topics.contains(where: { $0.caseInsensitiveCompare(topic) == .orderedSame }) {
            throw ValidationError("no topic \"\(topic)\" — topics: \(bank.topics.joined(separator: ", "))")
        }
        let chosen = bank.questions.filter { q in
            (role == nil || q.role.rawValue == role!.rawValue)
                && (topic == nil || q.topic.caseInsensitiveCompare(topic!) == .orderedSame)
        }
        if json {
            print(try JSONOutput.string(chosen))
            return
        }
        let style = Style.forStandardOutput()
        let renderer = TerminalReport(style: style)
        for topic in Array(Set(chosen.map(\.topic))).sorted() {
            TerminalText.print(style.bold(topic))
            for q in chosen where q.topic == topic {
                TerminalText.print(renderer.wrap("  " + style.dim(q.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) + q.id, indent: 11))
                TerminalText.print(renderer.wrap("           " + q.prompt, indent: 11))
            }
            TerminalText.print("")
        }
        TerminalText.print(style.dim("\(chosen.count) question(s). Practise one: rehearse practice --question ID"))
    }
}
