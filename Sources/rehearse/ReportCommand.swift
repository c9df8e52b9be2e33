import ArgumentParser
import Foundation
import History
import Pipeline
import Practice
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show the timing report of a saved attempt, or write it as an HTML page.",
        discussion: """
        The terminal report draws the answer on a time axis: when each part was said, pauses, \
        fillers and the pace in each 10-second window. The HTML page adds the waveform and plays \
        the recording; it is one self-contained file that needs no network.

        Examples:
          rehearse report latest
          rehearse report 42 --html report.html
          rehearse report 42 --json | jq .score.overall
        """)

    @Argument(help: ArgumentHelp("An attempt id from `rehearse history`, or `latest`.", valueName: "id|latest"))
    var attempt: AttemptReference

    @Flag(help: "Print the stored report as JSON (the `score --json` contract, schemaVersion 2; older attempts keep the version they were scored with).")
    var json = false

    @OptionGroup var htmlOutput: HTMLOutputOptions

    func run() throws {
        let output = try htmlOutput.checkedFile()
        let store = try HistoryStore.openForReading()
        let attempt = try self.attempt.load(from: store)
        let recordingExists = attempt.recordingPath.map { FileManager.default.fileExists(atPath: $0) } ?? false
        // An answer to a follow-up is shown with the first answer it followed.
        let first = attempt.report.followUpOf?.firstAttemptID.flatMap { try? store.attempt(id: $0) }
        if var output {
            let page = HTMLReport(firstAnswer: first).render(attempt, waveform: Waveform.load(for: attempt))
            try output.write(Data(page.utf8))
            StandardError.line("wrote \(output.path) (attempt \(attempt.id ?? 0))")
        }
        if json {
            print(try JSONOutput.string(attempt.report))
        } else if output == nil {
            if let f = attempt.report.followUpOf {
                let style = Style.forStandardOutput()
                TerminalText.print(style.bold("Question ") + (attempt.report.question?.prompt ?? f.questionID))
                if let first {
                    TerminalText.print(style.bold("First answer ") + style.dim("(attempt \(first.id ?? 0), score \(first.report.score.overall)) ") + first.report.transcript.text)
                }
                TerminalText.print(style.bold("Follow-up \(f.number) ") + f.text + "\n")
            }
            TerminalText.print(TimingReport(style: .forStandardOutput()).render(attempt, recordingExists: recordingExists))
        }
    }
}
