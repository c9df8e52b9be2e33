import Analysis
import AudioFiles
import Foundation
import Speech

/// Recording -> 16 kHz audio -> PocketSphinx words -> analyzer report. One pipeline per thread:
/// it owns a recognizer, and recognizers are not thread-safe.
public final class ScoringPipeline {
    public let analyzer: AnswerAnalyzer
    private let recognizerFactory: () throws -> any Transcribing
    private var recognizer: (any Transcribing)?
    public let modelName: String
    /// Steady-noise filtering before decoding (nil: decode the audio as recorded).
    public let noiseReduction: NoiseFilter.Configuration?

    public init(analyzer: AnswerAnalyzer, model: RecognizerModel = .debianEnUS) {
        self.analyzer = analyzer
        self.modelName = model.name
        self.noiseReduction = model.noiseFilterConfiguration
        self.recognizerFactory = { try PocketSphinxRecognizer(model: model) }
    }

    /// For tests: a pipeline around any recognizer, decoding the audio as recorded.
    public init(analyzer: AnswerAnalyzer, recognizer: any Transcribing, modelName: String) {
        self.analyzer = analyzer
        self.modelName = modelName
        self.noiseReduction = nil
        self.recognizer = recognizer
        self.recognizerFactory = { recognizer }
    }

    /// Loads the model now rather than on the first recording.
    public func warmUp() throws {
        if recognizer == nil { recognizer = try recognizerFactory() }
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
        try warmUp()
        let transcriber = StreamingTranscriber(recognizer: recognizer!, noiseReduction: noiseReduction)
        let started = Date()
        let total = reader.format.durationSeconds
        var delivered = 0
        let summary = try reader.stream {
            try transcriber.append($0)
            delivered += $0.count
            progress?(min(total, Double(delivered) / Double(SpeechAudioReader.speechRate)), total)
        }
        let words = try transcriber.finish()
        let decodeSeconds = Date().timeIntervalSince(started)

        var warnings: [String] = []
        let format = reader.format
        if format.sampleRate < 16_000 {
            warnings.append("recorded at \(format.sampleRate) Hz: telephone-quality audio is transcribed poorly; record at 16 kHz or more")
        }
        if summary.clippedFraction > 0.01 {
            warnings.append(String(format: "%.1f%% of samples are clipped: move back from the microphone or lower the input gain", summary.clippedFraction * 100))
        }
        let noise = transcriber.noiseSummary
        if let w = noise.narrowbandWarning, format.sampleRate >= 16_000 { warnings.append(w) }
        if let w = noise.warning { warnings.append(w) }
        if format.truncated {
            warnings.append("the file is shorter than its header says: the recording was cut off, scoring what is there")
        }
        let source = AnswerReport.SourceInfo(
            path: path, durationSeconds: (summary.durationSeconds * 100).rounded() / 100,
            sampleRate: format.sampleRate, channels: format.channels, format: format.formatName,
            recognizer: modelName, decodeSeconds: (decodeSeconds * 1000).rounded() / 1000)
        return analyzer.analyze(
            words: words.map(Word.init(recognized:)),
            source: source, warnings: warnings)
    }
}

extension Word {
    /// The analyzer's view of a recognized word: confidence to three places, and which pass
    /// heard it when it is a hesitation.
    init(recognized w: RecognizedWord) {
        self.init(w.text, start: w.start, end: w.end, confidence: (w.confidence * 1000).rounded() / 1000,
                  source: w.source?.rawValue)
    }
}

extension NoiseSummary {
    /// The report's line when nothing above about 4 kHz reached the recording
    /// (`BandwidthMeter`). A file recorded under 16 kHz already gets the sample-rate warning.
    public var narrowbandWarning: String? {
        guard isNarrowband else { return nil }
        return "almost nothing above 4 kHz reached the recording (a telephone line, a Bluetooth headset in call mode, or audio resampled from 8 kHz): expect misheard words; record with a wired or built-in microphone"
    }

    /// The report's line when the recording was decoded through the noise filter and the noise
    /// was loud enough to cost words (voice less than 30 dB above it; the benchmark's noisy
    /// copies measure 19–25 dB, its clean ones 39–82).
    public var warning: String? {
        guard filteredUtterances > 0 else { return nil }
        if let margin = speechAboveNoise, margin >= 30 { return nil }
        let margin = speechAboveNoise.map { String(format: " (your voice about %.0f dB above it)", $0) } ?? ""
        return "steady background noise\(margin) was filtered out before recognition; a quieter room or a closer microphone will transcribe better"
    }
}
