import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Trends over your attempts: score, fillers, pace, long pauses and parts.",
        discussion: """
        Each metric is compared with your own baseline (the median of your first attempts). A change \
        is called out only past 10%: listeners don't notice smaller ones.

        Examples:
          rehearse progress
          rehearse progress --topic lambda
          rehearse progress --role senior --json
          rehearse progress --html progress.html
        """)

    @Option(help: ArgumentHelp("Only attempts at questions on this topic (e.g. lambda, s3).", valueName: "topic"))
    var topic: String?

    @Option(help: ArgumentHelp("Only attempts at questions for this role (beginner, mid, senior).", valueName: "role"))
    var role: String?

    @Flag(help: "Print the trends as JSON.")
    var json = false

    /// The page has a chart per metric.
    @OptionGroup var htmlOutput: HTMLOutputOptions

    func run() throws {
        let output = try htmlOutput.checkedFile()
        let store = try HistoryStore.openForReading()
        let attempts = try store.summaries(topic: topic?.lowercased(), role: role?.lowercased())
        let summary = ProgressAnalysis().summarize(attempts, topic: topic, role: role)
        if var output {
            try output.write(Data(ProgressHTML().render(summary).utf8))
            StandardError.line("wrote \(output.path)")
        }
        if json { print(try JSONOutput.historyString(summary)) } else { TerminalText.print(ProgressReport(style: .forStandardOutput()).render(summary)) }
    }
}
