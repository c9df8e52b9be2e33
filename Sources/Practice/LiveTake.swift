import Analysis
import AudioFiles
import Capture
import Pipeline
import Reports
import Foundation
import SpeechCore

/// Which microphone and when to stop.
public struct CaptureSettings: Sendable {
    public var device: String
    public var maxSeconds: Double?
    public var silenceSeconds: Double?

    public init(device: String = "default", maxSeconds: Double? = nil, silenceSeconds: Double? = nil) {
        self.device = device
        self.maxSeconds = maxSeconds
        self.silenceSeconds = silenceSeconds
    }
}

/// One recorded take: the WAV on disk, how it ended, and the words decoded while recording.
public struct LiveTake: Sendable {
    public var path: String
    public var outcome: RecordingOutcome
    public var words: [RecognizedWord]
    public var formatWarning: String?
    /// What the noise filter did while decoding.
    public var noise = NoiseSummary()
    /// Seconds from the end of recording until every word was decoded.
    public var decodeSeconds: Double
}

/// Records takes from a microphone: opens the device, writes the WAV as it goes, decodes
/// during capture (when given a recognizer) and shows the live line on stderr.
public final class LiveTakeRecorder {
    public let settings: CaptureSettings
    private let recognizer: (any IncrementalTranscribing)?
    private let noiseReduction: NoiseFilter.Configuration?
    private let dereverb: Dereverberation.Configuration?

    public init(settings: CaptureSettings, recognizer: (any IncrementalTranscribing)?,
                noiseReduction: NoiseFilter.Configuration?, dereverb: Dereverberation.Configuration? = nil) {
        self.settings = settings
        self.recognizer = recognizer
        self.noiseReduction = noiseReduction
        self.dereverb = dereverb
    }

    /// Records to `path` until a stop condition; `stopRequest` is asked between blocks.
    /// `maxSeconds` overrides the settings' limit for this take; with `patience`, a pause early
    /// in the answer needs longer to end the take (`PatientEndpointer`).
    public func record(to path: String, display: RecordingDisplay, maxSeconds: Double? = nil, patience: Patience? = nil,
                       creation: TakeWriter.Creation = .new, stopRequest: () -> StopReason?) throws -> LiveTake {
        // Open the device first: a wrong --device must not leave an empty WAV behind.
        let capture = try AlsaCapture(device: settings.device)
        if let warning = capture.formatWarning { StandardError.print("rehearse: \(warning)") }
        let writer = try TakeWriter(path: path, creation: creation)
        defer { writer.close() }
        let decoder = recognizer.map { BackgroundTranscriber(recognizer: $0, noiseReduction: noiseReduction, dereverb: dereverb) }
        if let decoder { display.heard = { decoder.heard } }
        defer { display.heard = nil }
        let endpointer = Endpointer(silenceSeconds: settings.silenceSeconds ?? .infinity)
        let monitor: any SpeechMonitoring = patience.map {
            PatientEndpointer(endpointer: endpointer, patientUntil: $0.untilSeconds,
                              patientSilence: max($0.silenceSeconds, settings.silenceSeconds ?? 0))
        } ?? endpointer
        let recorder = Recorder(source: capture, writer: writer, sink: decoder,
                                monitor: monitor,
                                options: .init(maxSeconds: maxSeconds ?? settings.maxSeconds, silenceSeconds: settings.silenceSeconds))
        let outcome: RecordingOutcome
        do {
            outcome = try recorder.run(stopRequest: stopRequest, status: display.update)
        } catch {
            display.finish()
            _ = try? decoder?.finish()
            throw error
        }
        display.finish()
        writer.close()
        let words = try decoder?.finish() ?? []
        var take = LiveTake(path: path, outcome: outcome, words: words, formatWarning: capture.formatWarning,
                            decodeSeconds: Date().timeIntervalSince(outcome.stoppedAt))
        if let decoder { take.noise = decoder.noiseSummary }
        return take
    }

    /// The analyzer's report on a take, with the same source details `rehearse score` gives.
    public static func report(for take: LiveTake, assembler: ReportAssembler) -> AnswerReport {
        var warnings: [String] = []
        if let w = take.formatWarning { warnings.append(w) }
        let o = take.outcome
        if o.overruns > 0 || o.suspends > 0 {
            warnings.append("the recording lost audio \(o.overruns + o.suspends) time(s) (\(o.overruns) overruns, \(o.suspends) suspends): close busy programs and try again")
        }
        if o.stopReason == .maxDuration { warnings.append("stopped at the time limit (\(TerminalReport.clock(o.durationSeconds)))") }
        return assembler.report(
            words: take.words,
            source: .init(path: take.path, durationSeconds: o.durationSeconds, sampleRate: SpeechAudio.sampleRate,
                          channels: 1, format: "WAV (Microsoft) / Signed 16 bit PCM", recognizer: assembler.modelName,
                          decodeSeconds: take.decodeSeconds),
            warnings: warnings, noise: take.noise)
    }
}

extension StopReason {
    /// How a person would say it: "stopped by Enter".
    public var phrase: String {
        switch self {
        case .enter: return "Enter pressed"
        case .maxDuration: return "time limit reached"
        case .silence: return "silence after speech"
        case .signal: return "interrupted"
        case .key: return "q pressed"
        }
    }
}

extension BackgroundTranscriber: CaptureSink {}
extension Endpointer: SpeechMonitoring {}
