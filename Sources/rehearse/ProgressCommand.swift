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

    @Option(help: ArgumentHelp("Also write the trends as a self-contained HTML page with a chart per metric, to this new file.", valueName: "file"))
    var html: String?

    @Flag(help: "Replace the --html file if it exists (never a recording, the history, or anything in the data folder).")
    var force = false

    func run() throws {
        do {
            var output = html.map { OutputFile(path: $0, force: force) }
            try output?.check()
            let store = try HistoryStore.openForReading()
            let attempts = try store.summaries(topic: topic?.lowercased(), role: role?.lowercased())
            let summary = ProgressAnalysis().summarize(attempts, topic: topic, role: role)
            if let html {
                try output?.write(Data(ProgressHTML().render(summary).utf8))
                StandardError.line("wrote \(html)")
            }
            if json { print(try JSONOutput.historyString(summary)) } else { TerminalText.print(ProgressReport(style: .forStandardOutput()).render(summary)) }
        } catch { throw fail(error) }
    }
}
