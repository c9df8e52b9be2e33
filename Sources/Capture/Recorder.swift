import AudioFiles
import Foundation
import Speech

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
    public var durationSeconds: Double { Double(samples) / Double(SpeechAudio.sampleRate) }
}

/// The capture loop: reads 20 ms blocks, writes each to the take on disk, hands it to the
/// decoder, and stops on a request (Enter, a signal), the length limit, or silence after speech.
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
    private let decoder: BackgroundTranscriber?
    public let options: Options

    public init(source: any Capturing, writer: TakeWriter, decoder: BackgroundTranscriber?, options: Options) {
        self.source = source
        self.writer = writer
        self.decoder = decoder
        self.options = options
    }

    /// Records until a stop condition. `stopRequest` is asked between blocks (keys, signals).
    public func run(stopRequest: () -> StopReason?, status: (RecordingStatus) -> Void) throws -> RecordingOutcome {
        let rate = Double(SpeechAudio.sampleRate)
        let maxSamples = options.maxSeconds.map { Int(($0 * rate).rounded()) }
        var endpointer = Endpointer(silenceSeconds: options.silenceSeconds ?? .infinity)
        var captured = 0
        var quietSamples = 0
        var reason: StopReason

        func keep(_ samples: [Int16]) throws {
            try writer.write(samples)
            decoder?.append(samples)
            endpointer.append(samples)
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

            let level = EnergyVAD.level(block)
            quietSamples = level < options.noInputDecibels ? quietSamples + block.count : 0
            status(RecordingStatus(elapsedSeconds: Double(captured) / rate, levelDecibels: level,
                                   heardSpeech: endpointer.heardSpeech,
                                   noInput: Double(quietSamples) / rate >= options.noInputSeconds))
            if options.silenceSeconds != nil && endpointer.isEndpoint { reason = .silence; break }
        }
        let stoppedAt = Date()
        let tail = try source.flush()
        if !tail.isEmpty { try keep(maxSamples.map { Array(tail.prefix(max(0, $0 - captured))) } ?? tail) }
        return RecordingOutcome(samples: captured, stopReason: reason, overruns: source.overruns,
                                suspends: source.suspends, speechEndSeconds: endpointer.lastSpeechEnd,
                                stoppedAt: stoppedAt)
    }

    private func deviceFrames(forSamples samples: Int) -> Int {
        let ratio = Double(source.deviceRate) / Double(SpeechAudio.sampleRate)
        return max(1, Int((Double(samples) * ratio).rounded(.up)))
    }
}
