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
        report (the `score --json` contract) under "report".

        Examples:
          rehearse export --format csv > attempts.csv
          rehearse export --format json | jq length
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: ArgumentHelp("csv or json.", valueName: "format"))
    var format: Format

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
        do {
            let store = try HistoryStore.open()
            switch format {
            case .csv:
                print(AttemptExport.csv(try store.summaries(topic: nil, role: nil)), terminator: "")
            case .json:
                let items = try store.allAttempts().map { Item(attempt: $0.summary, report: $0.report) }
                print(try JSONOutput.historyString(items))
            }
        } catch { throw fail(error) }
    }
}
