import SpeechCore
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
    /// Between `beginUtterance` and `endUtterance`: only then has the decoder a partial guess.
    private var utteranceOpen = false
    /// Frames decoded so far by the block-by-block path (see `endUtterance`).
    private var incrementalFrames = 0
    /// The domain+general mix, when the model has a general part; the decoder searches it.
    private let mixedModel: InterpolatedLanguageModel?
    private let languageSearch: String
    /// A second decoder that spots hesitations, when the model lists filler keywords.
    private let spotter: KeywordSpotter?
    public var fillerMerger = FillerMerger()
    /// The decoder's state as created, put back for each recording.
    private let start: DecoderStart
    /// The domain model, read for the "uh" context check; nil when the model turns it off.
    let hesitationLanguage: NGramScorer?
    /// The model's reverberant-room transform and the identity that undoes it, when the
    /// decoder uses them (`RecognizerModel.roomTransformInUse`).
    private let room: (reverberant: OpaquePointer, identity: OpaquePointer)?
    /// Whether the decoder's means are the reverberant room's now.
    private var roomApplied = false

    /// Tokens the decoder emits for silence and noise; they are not words.
    static let nonWords: Set<String> = ["<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "[BREATH]", "[COUGH]"]

    public init(model: RecognizerModel = .debianEnUS, extraArguments: [String: String] = [:]) throws(SpeechError) {
        try model.validate()
        self.model = model
        var arguments: [String: String] = [
            "-hmm": model.acousticModel,
            "-dict": model.dictionary,
            // We cut utterances ourselves; PocketSphinx's own silence removal shifts word times.
            "-remove_silence": "no",
            "-bestpath": "yes",
        ]
        // A mix at run time is loaded below and handed to the decoder; a single model, or the
        // mix written as one (`staticLanguageModel`), by file name. A grammar in the model's
        // own arguments (`-jsgf`, `-fsg`) is searched instead of any language model.
        let grammar = model.decoderArguments["-jsgf"] != nil || model.decoderArguments["-fsg"] != nil
        if !grammar, let mixed = model.staticLanguageModel {
            arguments["-lm"] = mixed
        } else if !grammar, model.generalLanguageModel == nil {
            arguments["-lm"] = model.languageModel
        }
        arguments.merge(model.decoderArguments) { _, new in new }
        arguments.merge(extraArguments) { _, new in new }
        let parts = try PocketSphinxLog.setUp(model: model.acousticModel) { log throws(SpeechError) in
            try Self.start(model: model, arguments: arguments, extraArguments: extraArguments, log: log)
        }
        // Read once the decoder has set up PocketSphinx's log, which it writes to.
        let room: (reverberant: OpaquePointer, identity: OpaquePointer)?
        do { room = try Self.readRoomTransform(model) } catch {
            ps_free(parts.decoder)
            cmd_ln_free_r(parts.config)
            throw error
        }
        self.config = parts.config
        self.decoder = parts.decoder
        self.logmath = ps_get_logmath(parts.decoder)!
        self.mixedModel = parts.mixed
        self.spotter = parts.spotter
        self.languageSearch = parts.mixed != nil ? Self.mixedSearchName : String(cString: ps_get_search(parts.decoder))
        self.start = DecoderStart(decoder: parts.decoder)
        // The domain part of a mix (it carries the hesitation bonus and the corpus's sense
        // of where people hesitate), else the one model the search uses. With a static mix
        // the domain model is read on its own for this check.
        let search = self.languageSearch, logmath = self.logmath
        if model.uhContextMargin == nil {
            self.hesitationLanguage = nil
        } else if model.staticLanguageModel != nil {
            guard let domain = ngram_model_read(parts.config, model.languageModel, NGRAM_AUTO, logmath_retain(logmath)) else {
                ps_free(parts.decoder)
                cmd_ln_free_r(parts.config)
                throw .languageModelFailed(path: model.languageModel, function: "ngram_model_read")
            }
            self.hesitationLanguage = NGramScorer(model: domain, logmath: logmath)
            ngram_model_free(domain)
        } else {
            let domain = parts.mixed?.domainModel ?? ps_get_lm(parts.decoder, search)
            self.hesitationLanguage = domain.map { NGramScorer(model: $0, logmath: logmath) }
        }
        try check(ps_set_search(decoder, languageSearch), "ps_set_search")
        self.room = room
    }

    /// The model's room transforms, when the decoder uses them (`RecognizerModel.roomTransformInUse`).
    private static func readRoomTransform(_ model: RecognizerModel) throws(SpeechError)
        -> (reverberant: OpaquePointer, identity: OpaquePointer)? {
        guard let transform = model.roomTransformInUse else { return nil }
        guard let reverberant = ps_mllr_read(transform.reverberant) else {
            throw .modelDescriptionUnreadable(path: transform.reverberant, reason: "not an MLLR transform PocketSphinx can read")
        }
        guard let identity = ps_mllr_read(transform.identity) else {
            ps_mllr_free(reverberant)
            throw .modelDescriptionUnreadable(path: transform.identity, reason: "not an MLLR transform PocketSphinx can read")
        }
        return (reverberant, identity)
    }

    /// The room the next utterances come from: reverberant ones are decoded with the model's
    /// reverberant-room transform of the acoustic model's means, dry ones with the stock means.
    /// PocketSphinx reloads the means from the model and transforms them only when this changes.
    public func hearRoom(reverberant: Bool) {
        guard let room, reverberant != roomApplied else { return }
        // The decoder keeps a reference to the transform it is given. It returns that same
        // transform whatever happens (acmod_update_mllr), so there is no result to check: a
        // file PocketSphinx cannot read was refused when the recognizer was made.
        ps_update_mllr(decoder, ps_mllr_retain(reverberant ? room.reverberant : room.identity))
        roomApplied = reverberant
    }

    /// Creates the decoder and its language model mix (and keyword spotter); frees what it made if a step fails.
    private static func start(model: RecognizerModel, arguments: [String: String], extraArguments: [String: String],
                              log: PocketSphinxLog.SetUp) throws(SpeechError)
        -> (config: OpaquePointer, decoder: OpaquePointer, mixed: InterpolatedLanguageModel?, spotter: KeywordSpotter?) {
        let (config, decoder) = try startDecoder(arguments, label: nil, log: log)
        do throws(SpeechError) {
            var mixed: InterpolatedLanguageModel?
            if let general = model.generalLanguageModel, model.staticLanguageModel == nil {
                let set = try InterpolatedLanguageModel(
                    domain: model.languageModel, general: general, domainWeight: model.domainWeight,
                    config: config, logmath: ps_get_logmath(decoder)!)
                try install(set, in: decoder, name: mixedSearchName, log: log)
                mixed = set
            }
            let spotter = try model.fillerKeywords.map { keywords throws(SpeechError) in
                try KeywordSpotter(model: model, keywords: keywords, extraArguments: extraArguments)
            }
            return (config, decoder, mixed, spotter)
        } catch {
            ps_free(decoder)
            cmd_ln_free_r(config)
            throw error
        }
    }

    deinit {
        ps_free(decoder)
        cmd_ln_free_r(config)
        if let room {
            ps_mllr_free(room.reverberant)
            ps_mllr_free(room.identity)
        }
    }

    static let mixedSearchName = "rehearse-mix"

    /// Adds `model` as an n-gram search. Whether `ps_set_lm` takes its own reference differs
    /// between PocketSphinx versions, so count: after this the decoder holds one and
    /// `model` still holds its own.
    private static func install(_ model: InterpolatedLanguageModel, in decoder: OpaquePointer, name: String,
                                log: PocketSphinxLog.SetUp) throws(SpeechError) {
        guard ps_set_lm(decoder, name, model.handle) >= 0 else {
            throw .decoderInitFailed(message: log.lastError() ?? "ps_set_lm failed")
        }
        ngram_model_retain(model.handle)
        if ngram_model_free(model.handle) == 1 { ngram_model_retain(model.handle) }
    }

    /// A recording decodes as it would on a fresh decoder (`DecoderStart`); the stream's frame
    /// count, and so the block-by-block offset, starts over with it.
    public func startRecording() {
        hearRoom(reverberant: false)
        start.restart()
        incrementalFrames = 0
        spotter?.startRecording()
    }

    /// The cepstral mean the next utterance will be normalised with (tests).
    var currentCepstralMean: [mfcc_t] { start.currentMean }

    public func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] {
        let words = try decode(utterance)
        guard let spotter else { return words }
        let spotted = try spotter.spot(utterance)
        return fillerMerger.merge(words: words, spotted: spotted)
    }

    /// Runs the active search over one utterance.
    private func decode(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord] {
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
        utteranceOpen = true
    }

    public func process(_ samples: [Int16]) throws(SpeechError) {
        guard !samples.isEmpty else { return }
        let processed = samples.withUnsafeBufferPointer { ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 0) }
        try check(processed, "ps_process_raw")
    }

    public func endUtterance() throws(SpeechError) -> [RecognizedWord] {
        utteranceOpen = false
        try check(ps_end_utt(decoder), "ps_end_utt")
        // Debian's 5prealpha: after an utterance fed block by block, segment frames keep
        // counting from the previous utterances fed that way, so subtract what came before.
        let base = Double(incrementalFrames) / 100
        incrementalFrames += Int(ps_get_n_frames(decoder))
        return words(offset: openUtteranceOffset - base)
    }

    /// `ps_get_hyp` mid-utterance: a backtrace from the best word exit of the last frame, cheap
    /// enough to ask a few times a second. Fillers and silence are left out as in the final words.
    public func partialHypothesis() -> [String] {
        guard utteranceOpen, let hypothesis = ps_get_hyp(decoder, nil) else { return [] }
        return String(cString: hypothesis).split(separator: " ").compactMap { token in
            let raw = String(token)
            return Self.nonWords.contains(raw) ? nil : Self.baseWord(raw)
        }
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
        let confident = HesitationFilter.keepConfident(result, minimum: model.hesitationConfidence)
        guard let hesitationLanguage, let margin = model.uhContextMargin else { return confident }
        return HesitationFilter.keepPlausible(confident, language: hesitationLanguage, margin: margin)
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


    /// Parses `arguments` and starts a decoder with them, inside a `PocketSphinxLog.setUp`.
    /// `-logfn` is dropped: it would swap sphinxbase's process-wide log under a decoder running on
    /// another thread. `label` ("keyword spotter") prefixes the error of a decoder that is not the main one.
    static func startDecoder(_ arguments: [String: String], label: String?, log: PocketSphinxLog.SetUp) throws(SpeechError)
        -> (config: OpaquePointer, decoder: OpaquePointer) {
        var arguments = arguments
        arguments["-logfn"] = nil
        guard let config = parse(arguments) else {
            throw .decoderInitFailed(message: (label.map { $0 + " " } ?? "") + "rejected arguments \(arguments.keys.sorted())")
        }
        guard let decoder = ps_init(config) else {
            cmd_ln_free_r(config)
            throw .decoderInitFailed(message: (label.map { $0 + ": " } ?? "") + (log.lastError() ?? "unknown error"))
        }
        return (config, decoder)
    }

    static func parse(_ arguments: [String: String]) -> OpaquePointer? {
        let flat = ["rehearse"] + arguments.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        var cStrings = flat.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        return cStrings.withUnsafeMutableBufferPointer {
            cmd_ln_parse_r(nil, ps_args(), Int32($0.count), $0.baseAddress, 1)
        }
    }
}
