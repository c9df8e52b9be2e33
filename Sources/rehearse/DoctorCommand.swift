import ArgumentParser
import Foundation
import Practice
import Reports

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the microphone, the models, the data folder and the Debian packages.",
        discussion: """
        One line per check: capture devices, a two-second level check on --device (given at most \
        five seconds, so a machine without a sound card answers too), the models found and the \
        one in use, the voice profile, the data folder's permissions and free space, and the \
        runtime packages. Exits 0 when nothing failed.

        Examples:
          rehearse doctor
          rehearse doctor --device hw:1,0
        """)

    @Option(help: ArgumentHelp("ALSA capture device to test (see `rehearse devices`).", valueName: "name"))
    var device = "default"

    func run() throws {
        let findings = Checkup(device: device).run()
        let style = Style.forStandardOutput()
        for f in findings {
            let mark: String
            switch f.status {
            case .ok: mark = style.green("ok  ")
            case .warn: mark = style.yellow("warn")
            case .fail: mark = style.red("FAIL")
            case .info: mark = style.dim("info")
            }
            TerminalText.print("\(mark)  \(f.name): \(TerminalText.field(f.detail))")
        }
        if findings.contains(where: { $0.status == .fail }) { throw ExitCode(1) }
    }
}
