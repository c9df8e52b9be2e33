import Analysis
import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every saved attempt to standard output as CSV or JSON.",
        discussion: """
        CSV has one row of figures per attempt. JSON has the same figures plus each attempt's full \
        report (the `score --json` contract) under "report". A CSV text cell that starts with =, +, - \
        or @ gets a leading ' so a spreadsheet shows it as text instead of running it as a formula.

        Examples:
          rehearse export --format csv > attempts.csv
          rehearse export --format csv --output attempts.csv
          rehearse export --format json | jq length
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: ArgumentHelp("csv or json.", valueName: "format"))
    var format: Format

    @Option(help: ArgumentHelp("Write to this new file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists (never a recording, the history, or anything in the data folder).")
    var force = false

    /// An attempt's figures with its report beside them.
    struct Item: Encodable {
        var attempt: AttemptSummary
        var report: Analysis.AnswerReport

        func encode(to encoder: any Encoder) throws {
            try attempt.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(report, forKey: .report)
        }
        enum Key: String, CodingKey { case report }
    }

    func run() throws {
        var file = output.map { OutputFile(path: $0, force: force) }
        try file?.check()
        let store = try HistoryStore.openForReading()
        let text: String
        switch format {
        case .csv:
            text = AttemptExport.csv(try store.summaries(topic: nil, role: nil))
        case .json:
            let items = try store.allAttempts().map { Item(attempt: $0.summary, report: $0.report) }
            text = try JSONOutput.historyString(items) + "\n"
        }
        if let output {
            try file?.write(Data(text.utf8))
            StandardError.line("wrote \(output)")
        } else {
            // Exact bytes for a file or a pipe; a terminal gets control characters written out.
            print(isatty(STDOUT_FILENO) == 1 ? TerminalText.page(text) : text, terminator: "")
        }
    }
}
