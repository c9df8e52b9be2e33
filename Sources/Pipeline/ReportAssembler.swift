import Analysis
import Foundation
import SpeechCore

/// Turns what the recognizer heard into the analyzer's report, the same way for a recording
/// scored from a file (`ScoringPipeline`) and for a take decoded while it was recorded
/// (`practice`): one place decides how words, source details and warnings go together.
public struct ReportAssembler: Sendable {
    public let analyzer: AnswerAnalyzer
    public let modelName: String
    /// The recognizer decodes dereverberated utterances with an acoustic model adapted to
    /// reverberant rooms (`RecognizerBackend.hearsRooms`).
    public let hearsRooms: Bool

    public init(analyzer: AnswerAnalyzer, modelName: String, hearsRooms: Bool = false) {
        self.analyzer = analyzer
        self.modelName = modelName
        self.hearsRooms = hearsRooms
    }

    /// `warnings` about the audio come first, then what the noise filter found, then `after`.
    /// A recording under 16 kHz already has its own warning, so the narrowband one is left out.
    /// `source` says where the words came from (its recognizer named by the caller, who built the
    /// assembler for that model); its times are rounded as the report gives them.
    public func report(words: [RecognizedWord], source: AnswerReport.SourceInfo, warnings: [String], noise: NoiseSummary,
                       after: [String] = []) -> AnswerReport {
        var all = warnings
        if let w = noise.narrowbandWarning, source.sampleRate >= SpeechAudio.sampleRate { all.append(w) }
        if let w = noise.warning { all.append(w) }
        if let w = noise.reverberationWarning(roomModel: hearsRooms) { all.append(w) }
        all += after
        var info = source
        if noise.dereverbOn {
            info.dereverberation = .init(utterances: noise.dereverbedUtterances,
                                         decaySeconds: noise.decaySeconds.map { ($0 * 100).rounded() / 100 },
                                         roomModel: hearsRooms && noise.dereverbedUtterances > 0)
        }
        info.durationSeconds = (source.durationSeconds * 100).rounded() / 100
        info.decodeSeconds = (source.decodeSeconds * 1000).rounded() / 1000
        return analyzer.analyze(words: words.map(Word.init(recognized:)), source: info, warnings: all)
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

    /// The report's line when the recording was dereverberated before recognition; `roomModel`:
    /// those utterances were decoded with the acoustic model adapted to reverberant rooms.
    public func reverberationWarning(roomModel: Bool = false) -> String? {
        guard dereverbedUtterances > 0 else { return nil }
        let decay = decaySeconds.map { String(format: " (sound dies away over about %.1f s)", $0) } ?? ""
        let plural = dereverbedUtterances == 1 ? "" : "s"
        let model = roomModel ? ", and those were heard with a model of speech sounds adapted to echoing rooms" : ""
        return "the room echoes\(decay): the echo was reduced before recognition in \(dereverbedUtterances) utterance\(plural)\(model); a closer microphone or a room with soft furnishings will transcribe better"
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
