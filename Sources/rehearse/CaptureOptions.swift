import Analysis
import ArgumentParser
import Pipeline
import Practice
import Reports

/// Microphone options shared by `record` and `practice`.
struct CaptureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ALSA capture device (see `rehearse devices`).", valueName: "name"))
    var device = "default"

    @Option(name: .customLong("max"), parsing: .unconditional,
            help: ArgumentHelp("Stop after this many seconds (0.1 to 14400).", valueName: "seconds"))
    var maxSeconds: Double?

    func validate() throws {
        try NumberOption.check(maxSeconds, "--max", NumberOption.takeSeconds, unit: "seconds")
    }

    func settings(silenceSeconds: Double?) -> CaptureSettings {
        CaptureSettings(device: device, maxSeconds: maxSeconds, silenceSeconds: silenceSeconds)
    }
}

/// `--kind`: a rubric by question kind.
enum KindOption: String, ExpressibleByArgument, CaseIterable {
    case concept, troubleshooting, design, choice, ownership
    var kind: Question.Kind { Question.Kind(rawValue: rawValue)! }
}

enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case beginner, mid, senior
}
