import Analysis
import AudioFiles
import Foundation
import PocketSphinx
import SpeechCore

/// Recording -> 16 kHz audio -> PocketSphinx words -> analyzer report. One pipeline per thread:
/// it owns a recognizer, and recognizers are not thread-safe.
public final class ScoringPipeline {
    public let assembler: ReportAssembler
    public var analyzer: AnswerAnalyzer { assembler.analyzer }
    public var modelName: String { assembler.modelName }
    private let recognizerFactory: @Sendable () throws -> any Transcribing
    private let decodeThreads: Int
    private var recognizers: [any Transcribing] = []
    /// Steady-noise filtering before decoding (nil: decode the audio as recorded).
    public let noiseReduction: NoiseFilter.Configuration?
    /// Dereverberation where the room measures reverberant (nil: never).
    public let dereverb: Dereverberation.Configuration?

    public init(analyzer: AnswerAnalyzer, configuration: PipelineConfiguration = PipelineConfiguration()) {
        let backend = configuration.recognizerBackend
        self.assembler = ReportAssembler(analyzer: analyzer, modelName: backend.name, hearsRooms: backend.hearsRooms)
        self.noiseReduction = backend.noiseReduction
        self.dereverb = backend.dereverb
        self.decodeThreads = configuration.decodeThreads
        self.recognizerFactory = { try backend.makeRecognizer() }
    }

    public convenience init(analyzer: AnswerAnalyzer, model: RecognizerModel) {
        self.init(analyzer: analyzer, configuration: PipelineConfiguration(model: model))
    }

    /// For tests: a pipeline around any recognizer, decoding the audio as recorded.
    public init(analyzer: AnswerAnalyzer, recognizer: any Transcribing, modelName: String) {
        self.assembler = ReportAssembler(analyzer: analyzer, modelName: modelName)
        self.noiseReduction = nil
        self.dereverb = nil
        self.decodeThreads = 1
        self.recognizers = [recognizer]
        nonisolated(unsafe) let only = recognizer
        self.recognizerFactory = { only }
    }

    /// Loads the model now rather than on the first recording.
    public func warmUp() throws { try loadRecognizers(1) }

    /// Recordings shorter than this are decoded by one recognizer: splitting them saves less
    /// than loading another model costs.
    public static let parallelFromSeconds = 20.0

    /// Makes sure `count` recognizers are loaded (the missing ones side by side).
    private func loadRecognizers(_ count: Int) throws {
        let missing = count - recognizers.count
        guard missing > 0 else { return }
        let factory = recognizerFactory
        let made = ParallelWork.map(count: missing, workers: missing, worker: { () }) { _, _ in
            Result { try factory() }.map(UncheckedBox.init)
        }
        recognizers += try made.map { try $0.get().value }
    }

    /// Scores a recording or, for .txt/.md, a typed transcript. `progress` is for a recording
    /// only (see `scoreRecording`).
    public func score(path: String,
                      progress: ((_ doneSeconds: Double, _ totalSeconds: Double) -> Void)? = nil) throws -> AnswerReport {
        if Self.isTranscript(path) { return try scoreText(path: path) }
        return try scoreRecording(path: path, progress: progress)
    }

    public static func isTranscript(_ path: String) -> Bool {
        ["txt", "text", "md"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    public func scoreText(path: String) throws -> AnswerReport {
        guard FileManager.default.fileExists(atPath: path) else { throw RehearseError.notFound(path: path) }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) }
        catch {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "not UTF-8 text" : "permission denied"
            throw RehearseError.unreadableText(path: path, reason: reason)
        }
        return analyzer.analyze(text: text)
    }

    /// `progress` hears, after each block of audio is through the recognizer, how many seconds
    /// of the recording are done and how long it is.
    public func scoreRecording(path: String,
                               progress: ((_ doneSeconds: Double, _ totalSeconds: Double) -> Void)? = nil) throws -> AnswerReport {
        let reader = try SpeechAudioReader(path: path)
        let total = reader.format.durationSeconds
        let lanes = total >= Self.parallelFromSeconds ? decodeThreads : 1
        try loadRecognizers(lanes)
        let transcriber = StreamingTranscriber(
            recognizers: Array(recognizers.prefix(lanes)), totalSamples: Int(total * Double(SpeechAudioReader.speechRate)),
            noiseReduction: noiseReduction, dereverb: dereverb)
        let started = Date()
        var delivered = 0
        // Read audio is done once its speech is decoded: with parallel lanes reading runs ahead.
        func report() {
            let decodedShare = transcriber.speechSamples == 0
                ? 1 : Double(transcriber.decodedSamples) / Double(transcriber.speechSamples)
            progress?(min(total, Double(delivered) / Double(SpeechAudioReader.speechRate) * decodedShare), total)
        }
        let summary = try reader.stream {
            try transcriber.append($0)
            delivered += $0.count
            report()
        }
        let words = try transcriber.finish(waiting: progress == nil ? nil : report)
        let decodeSeconds = Date().timeIntervalSince(started)

        var warnings: [String] = []
        let format = reader.format
        if format.sampleRate < 16_000 {
            warnings.append("recorded at \(format.sampleRate) Hz: telephone-quality audio is transcribed poorly; record at 16 kHz or more")
        }
        if summary.clippedFraction > 0.01 {
            warnings.append(String(format: "%.1f%% of samples are clipped: move back from the microphone or lower the input gain", summary.clippedFraction * 100))
        }
        let truncated = format.truncated
            ? ["the file is shorter than its header says: the recording was cut off, scoring what is there"] : []
        return assembler.report(
            words: words,
            source: .init(path: path, durationSeconds: summary.durationSeconds, sampleRate: format.sampleRate,
                          channels: format.channels, format: format.formatName, recognizer: modelName,
                          decodeSeconds: decodeSeconds),
            warnings: warnings, noise: transcriber.noiseSummary, after: truncated)
    }
}

/// Carries a recognizer out of the thread that loaded it; it is used by one thread at a time.
private struct UncheckedBox: @unchecked Sendable {
    let value: any Transcribing
}
