import ArgumentParser
import Foundation
import Pipeline
import Practice
import Reports

@main
struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Practise AWS interview answers out loud and see how they land.",
        discussion: """
        Rehearse transcribes a spoken answer offline (PocketSphinx) and reports pace, pauses, \
        filler words, whether the answer has context, a choice, a trade-off and a result, and \
        the follow-up an interviewer would ask next. Nothing leaves your machine.
        """,
        version: "0.1.0",
        subcommands: [Score.self, Practice.self, Record.self, Questions.self, Devices.self,
                      HistoryCommand.self, ReportCommand.self, ProgressCommand.self, CompareCommand.self,
                      ExportCommand.self, Enroll.self, Voices.self, Doctor.self, EvalAnalyzer.self, EvalASR.self, EvalRubric.self],
        defaultSubcommand: nil)

    /// Parsing problems get ArgumentParser's message and usage; anything a command throws while
    /// it runs is one line on stderr and exit status 1, decided here once for every command.
    static func main() {
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        // `--help` and the like parse to ArgumentParser's own commands: leave those to it.
        let ours = configuration.subcommands.contains { $0 == type(of: command) }
        do {
            try command.run()
        } catch where !ours || error is ExitCode || error is CleanExit {
            exit(withError: error)
        } catch {
            StandardError.print("rehearse: \(error)")
            exit(withError: ExitCode(1))
        }
    }
}

/// Prints `error` as one line on stderr and exits non-zero.
func fail(_ error: any Error) -> ExitCode {
    StandardError.line("rehearse: \(error)")
    return ExitCode(1)
}
