import CPocketSphinx
import Foundation

/// Owns one PocketSphinx decoder (the Debian 5prealpha API). Not thread-safe: give each
/// worker thread its own. The only place in Rehearse that calls `ps_*`.
public final class PocketSphinxRecognizer: IncrementalTranscribing {
    public let model: RecognizerModel
    private let config: OpaquePointer
    private let decoder: OpaquePointer
    private let logmath: OpaquePointer
    private var openUtteranceOffset = 0.0

    /// Tokens the decoder emits for silence and noise; they are not words.
    static let nonWords: Set<String> = ["<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "[BREATH]", "[COUGH]"]

    public init(model: RecognizerModel = .debianEnUS, extraArguments: [String: String] = [:]) throws(SpeechError) {
        try model.validate()
        self.model = model
        // PocketSphinx logs a page of INFO lines per utterance. Send them to a file we can quote
        // from when start-up fails, then unlink it so nothing is left behind.
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-pocketsphinx-\(getpid())-\(UUID().uuidString.prefix(8)).log").path
        var arguments: [String: String] = [
            "-hmm": model.acousticModel,
            "-lm": model.languageModel,
            "-dict": model.dictionary,
            "-logfn": logPath,
            // We cut utterances ourselves; PocketSphinx's own silence removal shifts word times.
            "-remove_silence": "no",
            "-bestpath": "yes",
        ]
        arguments.merge(extraArguments) { _, new in new }
        guard let config = Self.parse(arguments) else {
            throw .decoderInitFailed(message: "rejected arguments \(arguments.keys.sorted())")
        }
        guard let decoder = ps_init(config) else {
            let message = Self.lastErrorLine(in: logPath) ?? "unknown error (see \(logPath))"
            cmd_ln_free_r(config)
            throw .decoderInitFailed(message: message)
        }
        unlink(logPath)
        self.config = config
        self.decoder = decoder
        self.logmath = ps_get_logmath(decoder)
    }

    deinit {
        ps_free(decoder)
        cmd_ln_free_r(config)
    }

    public func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] {
        try check(ps_start_utt(decoder), "ps_start_utt")
        let processed = utterance.samples.withUnsafeBufferPointer {
            ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 1)
        }
        if processed < 0 {
            _ = ps_end_utt(decoder)
            throw .decodeFailed(function: "ps_process_raw", code: processed)
        }
        try check(ps_end_utt(decoder), "ps_end_utt")
        return words(offset: utterance.startSeconds)
    }

    public func beginUtterance(startSample: Int) throws(SpeechError) {
        try check(ps_start_utt(decoder), "ps_start_utt")
        openUtteranceOffset = Double(startSample) / Double(SpeechAudio.sampleRate)
    }

    public func process(_ samples: [Int16]) throws(SpeechError) {
        guard !samples.isEmpty else { return }
        let processed = samples.withUnsafeBufferPointer { ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 0) }
        if processed < 0 { throw .decodeFailed(function: "ps_process_raw", code: processed) }
    }

    public func endUtterance() throws(SpeechError) -> [RecognizedWord] {
        try check(ps_end_utt(decoder), "ps_end_utt")
        return words(offset: openUtteranceOffset)
    }

    /// Walks the best path's segments, turning frames (100 per second) into recording time.
    private func words(offset: Double) -> [RecognizedWord] {
        var result: [RecognizedWord] = []
        var segment = ps_seg_iter(decoder)
        while let seg = segment {
            let raw = String(cString: ps_seg_word(seg))
            if !Self.nonWords.contains(raw) {
                var startFrame: Int32 = 0, endFrame: Int32 = 0
                ps_seg_frames(seg, &startFrame, &endFrame)
                var ascr: Int32 = 0, lscr: Int32 = 0, lback: Int32 = 0
                let posterior = ps_seg_prob(seg, &ascr, &lscr, &lback)
                result.append(RecognizedWord(
                    text: Self.baseWord(raw),
                    start: offset + Double(startFrame) / 100,
                    end: offset + Double(endFrame + 1) / 100,
                    confidence: min(1, max(0, logmath_exp(logmath, posterior)))))
            }
            segment = ps_seg_next(seg)
        }
        return result
    }

    /// "read(2)" is the second pronunciation of "read"; "++UM++" style fillers lose their marks.
    static func baseWord(_ raw: String) -> String {
        var word = raw
        if let paren = word.firstIndex(of: "("), word.hasSuffix(")") { word = String(word[..<paren]) }
        if word.hasPrefix("++") && word.hasSuffix("++") && word.count > 4 {
            word = String(word.dropFirst(2).dropLast(2))
        }
        return word.lowercased()
    }

    private func check(_ rc: Int32, _ function: String) throws(SpeechError) {
        if rc < 0 { throw .decodeFailed(function: function, code: rc) }
    }

    private static func parse(_ arguments: [String: String]) -> OpaquePointer? {
        let flat = ["rehearse"] + arguments.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        var cStrings = flat.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        return cStrings.withUnsafeMutableBufferPointer {
            cmd_ln_parse_r(nil, ps_args(), Int32($0.count), $0.baseAddress, 1)
        }
    }

    private static func lastErrorLine(in logPath: String) -> String? {
        defer { unlink(logPath) }
        guard let log = try? String(contentsOfFile: logPath, encoding: .utf8) else { return nil }
        return log.split(separator: "\n").last { $0.contains("ERROR") || $0.contains("FATAL") }
            .map { line in
                // "ERROR: \"dict.c\", line 195: Failed to open dictionary file 'x'" -> the message only
                let text = String(line)
                if let colon = text.range(of: ": ", options: .backwards) { return String(text[colon.upperBound...]) }
                return text
            }
    }
}
