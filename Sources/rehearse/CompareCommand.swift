import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Two attempts side by side: parts, fillers, pace and score.",
        discussion: """
        Examples:
          rehearse compare 41 42
          rehearse compare 12 latest
        """)

    @Argument(help: ArgumentHelp("The earlier attempt (an id or `latest`).", valueName: "first"))
    var first: AttemptReference

    @Argument(help: ArgumentHelp("The later attempt (an id or `latest`).", valueName: "second"))
    var second: AttemptReference

    func run() throws {
        let store = try HistoryStore.openForReading()
        let a = try first.load(from: store), b = try second.load(from: store)
        if let id = a.id, id == b.id { throw RehearseError.sameAttempt(id: id) }
        TerminalText.print(CompareReport(style: .forStandardOutput()).render(a, b))
    }
}
