import ArgumentParser
import Capture
import Foundation
import Pipeline
import Practice
import Reports

struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the microphones (ALSA capture devices) Rehearse can record from.",
        discussion: "The same list `arecord -L` shows. Pass a name to `--device`.")

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let devices = CaptureDevice.all()
        if json {
            print(try JSONOutput.string(devices))
            return
        }
        if devices.isEmpty { StandardError.print("rehearse: ALSA lists no capture devices") }
        for device in devices {
            TerminalText.print(device.name)
            for line in device.description.split(separator: "\n") { TerminalText.print("    " + line) }
        }
    }
}
