import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List saved attempts, newest first.",
        discussion: """
        Every `rehearse score` is saved (unless --no-save) in $XDG_DATA_HOME/rehearse/rehearse.sqlite \
        (~/.local/share/rehearse/rehearse.sqlite by default).

        Examples:
          rehearse history
          rehearse history --limit 100
          rehearse history --json | jq '.[0].score'
        """)

    @Flag(help: "Print a JSON array (newest first) with id, createdAt, questionId, durationSeconds, wordsPerMinute, fillersPerMinute, score and more.")
    var json = false

    @Option(parsing: .unconditional, help: ArgumentHelp("How many attempts to show, 1 to 1000000 (default: 20 in the terminal, all with --json).", valueName: "attempts"))
    var limit: Int?

    func validate() throws {
        try NumberOption.check(limit, "--limit", NumberOption.listLength, unit: "attempts")
    }

    func run() throws {
        let store = try HistoryStore.openForReading()
        if json {
            print(try JSONOutput.historyString(try store.recentSummaries(limit: limit)))
            return
        }
        let attempts = try store.recentSummaries(limit: limit ?? 20)
        if attempts.isEmpty {
            print("No attempts saved yet. Score a recording with `rehearse score FILE`.")
            return
        }
        let total = attempts.count < (limit ?? 20) ? attempts.count : try store.count()
        TerminalText.print(HistoryTable(style: .forStandardOutput()).render(attempts, total: total))
    }
}
