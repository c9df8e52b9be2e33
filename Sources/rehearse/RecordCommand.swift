import ArgumentParser
import Capture
import Foundation
import Pipeline
import Practice
import Reports

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record from the microphone to a WAV file (16 kHz mono).",
        discussion: """
        Stops on Enter (when run in a terminal), Ctrl-C, SIGTERM, --max, or --silence after speech. The WAV is valid on disk while recording, so even a crash keeps what was captured.

        Examples:
          rehearse record take.wav
          rehearse record take.wav --device hw:1,0 --max 120 --silence 3
        """)

    @Argument(help: ArgumentHelp("The WAV file to write (overwritten).", valueName: "file"))
    var file: String

    @OptionGroup var capture: CaptureOptions

    @Option(help: ArgumentHelp("Stop after this much silence following speech.", valueName: "seconds"))
    var silence: Double?

    func validate() throws {
        if let silence, silence <= 0 { throw ValidationError("--silence must be more than 0 seconds") }
    }

    func run() throws {
        StopSignal.install()
        let keys = KeyInput()
        let recorder = LiveTakeRecorder(settings: capture.settings(silenceSeconds: silence), recognizer: nil, noiseReduction: nil)
        let display = RecordingDisplay(targetSeconds: nil, hint: keys == nil ? "Ctrl-C stops" : "Enter stops")
        let take: LiveTake
        do {
            take = try recorder.record(to: file, display: display) {
                if StopSignal.pending != nil { return .signal }
                if let keys, keys.poll() == "\n" { return .enter }
                return nil
            }
        } catch { throw fail(error) }
        let o = take.outcome
        StandardError.print("Saved \(file): \(String(format: "%.2f", o.durationSeconds)) s, \(o.samples) samples, 16 kHz mono; stopped: \(o.stopReason.phrase)"
                            + (o.overruns + o.suspends > 0 ? "; \(o.overruns) overruns, \(o.suspends) suspends recovered" : ""))
    }
}
