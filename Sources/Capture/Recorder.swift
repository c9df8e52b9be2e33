import AudioFiles
import Foundation

/// Why a take ended.
public enum StopReason: String, Codable, Sendable {
    case enter, maxDuration = "max-duration", silence, signal, key
}

/// What the terminal shows while recording, sent after every block.
public struct RecordingStatus: Sendable {
    public var elapsedSeconds: Double
    /// Level of the last block in dBFS (-100 for digital silence).
    public var levelDecibels: Double
    public var heardSpeech: Bool
    /// The input has stayed near zero for `Recorder.Options.noInputSeconds`.
    public var noInput: Bool

    public init(elapsedSeconds: Double, levelDecibels: Double, heardSpeech: Bool, noInput: Bool) {
        self.elapsedSeconds = elapsedSeconds
        self.levelDecibels = levelDecibels
        self.heardSpeech = heardSpeech
        self.noInput = noInput
    }
}

/// The take as recorded.
public struct RecordingOutcome: Sendable {
    public var samples: Int
    public var stopReason: StopReason
    public var overruns: Int
    public var suspends: Int
    /// End of the last speech the endpointer heard, in seconds from the start of the take.
    public var speechEndSeconds: Double?
    /// When the loop stopped reading; the report latency is measured from here.
    public var stoppedAt: Date
    public var durationSeconds: Double { Double(samples) / Double(SpeechAudioReader.speechRate) }
}

/// Where captured audio goes besides the take on disk (the live decoder, in practice).
/// Called on the capture thread: it must return at once, never block on decoding.
public protocol CaptureSink: AnyObject {
    func append(_ samples: [Int16])
}

/// What tells the loop that speech was heard and has ended (the endpointer). Capture knows
/// nothing of speech; `Practice` plugs SpeechCore's `Endpointer` in here.
public protocol SpeechMonitoring {
    /// Returns true once the endpoint is reached.
    mutating func append(_ samples: [Int16]) -> Bool
    var heardSpeech: Bool { get }
    /// Speech was heard and has been followed by the configured silence.
    var isEndpoint: Bool { get }
    /// End of the last speech, in seconds from the start of the take.
    var lastSpeechEnd: Double? { get }
}

/// The capture loop: reads 20 ms blocks, writes each to the take on disk, hands it to the
/// sink, and stops on a request (Enter, a signal), the length limit, or silence after speech.
public final class Recorder {
    public struct Options: Sendable {
        public var maxSeconds: Double?
        /// Silence after speech that ends the take; nil: only Enter, a signal or the limit stop it.
        public var silenceSeconds: Double?
        public var blockFrames = 320
        public var noInputSeconds = 3.0
        /// Below this level (dBFS) the input counts as nothing at all: a muted or unplugged mic.
        public var noInputDecibels = -70.0

        public init(maxSeconds: Double? = nil, silenceSeconds: Double? = nil) {
            self.maxSeconds = maxSeconds
            self.silenceSeconds = silenceSeconds
        }
    }

    private let source: any Capturing
    private let writer: TakeWriter
    private let sink: (any CaptureSink)?
    private var monitor: any SpeechMonitoring
    public let options: Options

    /// `monitor` hears every block; with `options.silenceSeconds` set, its endpoint stops the take.
    public init(source: any Capturing, writer: TakeWriter, sink: (any CaptureSink)?,
                monitor: any SpeechMonitoring, options: Options) {
        self.source = source
        self.writer = writer
        self.sink = sink
        self.monitor = monitor
        self.options = options
    }

    /// Records until a stop condition. `stopRequest` is asked between blocks (keys, signals).
    public func run(stopRequest: () -> StopReason?, status: (RecordingStatus) -> Void) throws -> RecordingOutcome {
        let rate = Double(SpeechAudioReader.speechRate)
        let maxSamples = options.maxSeconds.map { Int(($0 * rate).rounded()) }
        var captured = 0
        var quietSamples = 0
        var reason: StopReason

        func keep(_ samples: [Int16]) throws {
            try writer.write(samples)
            sink?.append(samples)
            _ = monitor.append(samples)
            captured += samples.count
        }

        while true {
            if let request = stopRequest() { reason = request; break }
            if let maxSamples, captured >= maxSamples { reason = .maxDuration; break }
            // Ask for exactly what is left under the limit, so a take is never longer than --max.
            let frames = maxSamples.map { min(options.blockFrames, deviceFrames(forSamples: $0 - captured)) } ?? options.blockFrames
            var block = try source.read(frames: max(1, frames))
            if let maxSamples, captured + block.count > maxSamples { block = Array(block.prefix(maxSamples - captured)) }
            try keep(block)

            let level = AudioLevel.decibels(block)
            quietSamples = level < options.noInputDecibels ? quietSamples + block.count : 0
            status(RecordingStatus(elapsedSeconds: Double(captured) / rate, levelDecibels: level,
                                   heardSpeech: monitor.heardSpeech,
                                   noInput: Double(quietSamples) / rate >= options.noInputSeconds))
            if options.silenceSeconds != nil && monitor.isEndpoint { reason = .silence; break }
        }
        let stoppedAt = Date()
        let tail = try source.flush()
        if !tail.isEmpty { try keep(maxSamples.map { Array(tail.prefix(max(0, $0 - captured))) } ?? tail) }
        return RecordingOutcome(samples: captured, stopReason: reason, overruns: source.overruns,
                                suspends: source.suspends, speechEndSeconds: monitor.lastSpeechEnd,
                                stoppedAt: stoppedAt)
    }

    private func deviceFrames(forSamples samples: Int) -> Int {
        let ratio = Double(source.deviceRate) / Double(SpeechAudioReader.speechRate)
        return max(1, Int((Double(samples) * ratio).rounded(.up)))
    }
}
