import ArgumentParser
import Pipeline
import Practice
import Reports

/// Microphone options shared by `record` and `practice`.
struct CaptureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ALSA capture device (see `rehearse devices`).", valueName: "name"))
    var device = "default"

    @Option(name: .customLong("max"), help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds"))
    var maxSeconds: Double?

    func validate() throws {
        if let maxSeconds, maxSeconds <= 0 { throw ValidationError("--max must be more than 0 seconds") }
    }

    func settings(silenceSeconds: Double?) -> CaptureSettings {
        CaptureSettings(device: device, maxSeconds: maxSeconds, silenceSeconds: silenceSeconds)
    }
}

enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case beginner, mid, senior
}
