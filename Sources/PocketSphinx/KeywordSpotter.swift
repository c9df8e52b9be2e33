import SpeechCore
import CPocketSphinx
import Foundation

/// Owns a second PocketSphinx decoder that only spots hesitations ("um", "uh") with a
/// keyword list. It is separate from the language-model decoder because spotting runs in
/// small steps, and in Debian's build that leaves frame counters behind that shift the next
/// utterance's word times in whichever decoder did it.
final class KeywordSpotter {
    private let config: OpaquePointer
    private let decoder: OpaquePointer
    private let start: DecoderStart

    /// `-kws_delay` (10 frames) and the length of a typical "um".
    static let keywordDelay = 0.1
    static let typicalFillerSeconds = 0.3

    init(model: RecognizerModel, keywords: String, extraArguments: [String: String]) throws(SpeechError) {
        let dictionaryPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-kws-\(getpid())-\(UUID().uuidString.prefix(8)).dict").path
        // Only the keywords' own entries: loading the whole dictionary a second time costs
        // about a tenth of a second and memory for words this decoder never searches.
        try Self.writeDictionary(for: keywords, from: model.dictionary, to: dictionaryPath)
        defer { unlink(dictionaryPath) }
        var arguments = ["-hmm": model.acousticModel, "-dict": dictionaryPath, "-kws": keywords, "-remove_silence": "no"]
        arguments.merge(model.decoderArguments) { _, new in new }
        arguments.merge(extraArguments) { _, new in new }
        let (config, decoder) = try PocketSphinxLog.setUp(model: model.acousticModel) { log throws(SpeechError) in
            try PocketSphinxRecognizer.startDecoder(arguments, label: "keyword spotter", log: log)
        }
        self.config = config
        self.decoder = decoder
        self.start = DecoderStart(decoder: decoder)
    }

    /// A new recording: the spotter starts over too.
    func startRecording() { start.restart() }

    deinit {
        ps_free(decoder)
        cmd_ln_free_r(config)
    }

    /// Copies the dictionary lines for every word in the keyword list ("um /1/" -> "um").
    private static func writeDictionary(for keywordList: String, from dictionary: String, to path: String) throws(SpeechError) {
        guard let list = try? String(contentsOfFile: keywordList, encoding: .utf8) else {
            throw .modelMissing(path: keywordList, what: "filler keyword list")
        }
        guard let entries = try? String(contentsOfFile: dictionary, encoding: .utf8) else {
            throw .modelMissing(path: dictionary, what: "pronunciation dictionary")
        }
        let words = Set(list.split(separator: "\n").flatMap { line in
            line.split(separator: "/").first.map { $0.split(separator: " ").map(String.init) } ?? []
        })
        let lines = entries.split(separator: "\n").filter { line in
            guard let word = line.split(separator: " ").first else { return false }
            return words.contains(String(word.split(separator: "(").first ?? word))
        }
        do { try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
        catch { throw .decoderInitFailed(message: "cannot write \(path): \(error)") }
    }

    /// Spots keywords in one utterance, fed in 50 ms steps. Debian's build gives no segments
    /// for keyword hits, only the hypothesis string, so a hit is timed by the step at which it
    /// first appears there.
    func spot(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] {
        try check(ps_start_utt(decoder), "ps_start_utt")
        let step = SpeechAudio.sampleRate / 20
        var hits: [RecognizedWord] = []
        var reported = 0
        var failure: Int32 = 0
        func collect(atSample sample: Int) {
            let words = hypothesis().split(separator: " ")
            guard words.count > reported else { return }
            let end = utterance.startSeconds + Double(sample) / Double(SpeechAudio.sampleRate) - Self.keywordDelay
            for word in words[reported...] {
                hits.append(RecognizedWord(text: String(word), start: end - Self.typicalFillerSeconds, end: end,
                                           confidence: 1, source: .keywordSpotting))
            }
            reported = words.count
        }
        utterance.samples.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = min(step, buffer.count - offset)
                let rc = ps_process_raw(decoder, buffer.baseAddress! + offset, n, 0, 0)
                if rc < 0 { failure = rc; return }
                offset += n
                collect(atSample: offset)
            }
        }
        if failure < 0 { _ = ps_end_utt(decoder); try check(failure, "ps_process_raw") }
        try check(ps_end_utt(decoder), "ps_end_utt")
        collect(atSample: utterance.samples.count)
        guard !hits.isEmpty else { return [] }
        let levels = EnergyVAD.frameLevels(utterance.samples)
        return hits.filter { Self.isVoiced($0, levels: levels, utteranceStart: utterance.startSeconds) }
    }

    /// A hesitation is a sustained voiced sound, well above the utterance's background; a
    /// "hit" on a quiet stretch is the spotter matching noise.
    static func isVoiced(_ hit: RecognizedWord, in utterance: Utterance) -> Bool {
        isVoiced(hit, levels: EnergyVAD.frameLevels(utterance.samples), utteranceStart: utterance.startSeconds)
    }

    static func isVoiced(_ hit: RecognizedWord, levels: [Double], utteranceStart: Double) -> Bool {
        guard levels.count > 10 else { return true }
        let floor = EnergyVAD.background(of: levels)
        let first = max(0, Int(((hit.start - utteranceStart) * 100).rounded()))
        let last = min(levels.count, Int(((hit.end - utteranceStart) * 100).rounded()))
        guard first < last else { return false }
        let voiced = levels[first..<last].filter { $0 >= floor + voicedMarginDecibels }.count
        return Double(voiced) >= minimumVoicedFraction * Double(last - first)
    }

    static let voicedMarginDecibels = 15.0
    static let minimumVoicedFraction = 0.5

    private func hypothesis() -> String {
        var score: Int32 = 0
        return ps_get_hyp(decoder, &score).map { String(cString: $0) } ?? ""
    }
}
