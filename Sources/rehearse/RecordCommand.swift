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

    @Argument(help: ArgumentHelp("The WAV file to write; an existing file is refused unless --force, and a recording never replaced.", valueName: "file"))
    var file: String

    @OptionGroup var capture: CaptureOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this much silence following speech (0.1 to 600).", valueName: "seconds"))
    var silence: Double?

    @Flag(help: "Replace FILE if it exists (never a recording, the history, or anything in the data folder).")
    var force = false

    func validate() throws {
        try NumberOption.check(silence, "--silence", NumberOption.silenceSeconds, unit: "seconds")
    }

    func run() throws {
        var output = OutputFile(path: file, force: force)
        try output.check()
        StopSignal.install()
        let keys = KeyInput()
        let recorder = LiveTakeRecorder(settings: capture.settings(silenceSeconds: silence), recognizer: nil, noiseReduction: nil)
        let display = RecordingDisplay(targetSeconds: nil, hint: keys == nil ? "Ctrl-C stops" : "Enter stops")
        let take: LiveTake
        // A new file is written in place, created exclusively, so it is a valid WAV on disk at
        // every moment; a file replaced with --force is recorded beside it and renamed over it.
        let target: String
        target = output.exists ? try output.makeTemporary() : file
        do {
            take = try recorder.record(to: target, display: display, creation: output.exists ? .reserved : .new) {
                if StopSignal.pending != nil { return .signal }
                if let keys, keys.poll() == "\n" { return .enter }
                return nil
            }
            if target != file { try output.commit(target) }
        } catch {
            if target != file { unlink(target) }
            throw error
        }
        let o = take.outcome
        StandardError.line("Saved \(file): \(String(format: "%.2f", o.durationSeconds)) s, \(o.samples) samples, 16 kHz mono; stopped: \(o.stopReason.phrase)"
                            + (o.overruns + o.suspends > 0 ? "; \(o.overruns) overruns, \(o.suspends) suspends recovered" : ""))
    }
}
