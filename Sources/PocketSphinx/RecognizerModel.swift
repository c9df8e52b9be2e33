import SpeechCore
import Foundation

/// The files PocketSphinx needs: an acoustic model directory, a language model and a
/// pronunciation dictionary; optionally a general model to mix in and a filler keyword list.
public struct RecognizerModel: Sendable, Hashable, Codable {
    public var acousticModel: String
    public var languageModel: String
    public var dictionary: String
    /// A short name shown in reports, e.g. "en-us (Debian)".
    public var name: String
    /// A general model interpolated with `languageModel` at run time, so a small domain model
    /// keeps ordinary English. Nil: `languageModel` is used alone.
    public var generalLanguageModel: String?
    /// Weight of `languageModel` in the mix, the rest goes to `generalLanguageModel`.
    public var domainWeight: Double
    /// The same mix written as one model (`rehearse-lm --static-mix`): when set, the decoder
    /// searches this file alone and `languageModel` is read only for the "uh" context check.
    /// Set from a recognizer.json only when the file exists, so a folder without it falls back
    /// to the run-time mix.
    public var staticLanguageModel: String?
    /// A keyword-spotting list ("um /1e+3/") searched in a second pass for hesitations the
    /// language model pass does not emit. Nil: no second pass.
    public var fillerKeywords: String?
    /// Decoder settings tuned with this model ("-cmn": "batch"); the caller's own win.
    public var decoderArguments: [String: String]
    /// Filter steady background noise out of each utterance before decoding (`NoiseFilter`).
    /// On for every model unless a recognizer.json says `"noiseFilter": false` or the user
    /// passes `--no-noise-filter`.
    public var noiseFilter: Bool
    /// Dereverberate utterances where the room measures reverberant (`WPE`). On for every
    /// model unless a recognizer.json says `"dereverb": false` or the user passes
    /// `--no-dereverb`.
    public var dereverb: Bool = true
    /// Hesitations ("um", "uh") the decoder gives a lower posterior than this are dropped
    /// (`HesitationFilter`); 0 keeps every one. A recognizer.json may set
    /// `"hesitationConfidence"`.
    public var hesitationConfidence: Double
    /// An "uh" is dropped where the language model, given the words around it, rates one of
    /// the short words it sounds like ("a", "the" …) more than this much likelier (log10;
    /// `HesitationFilter.keepPlausible`). Nil: no such check. A recognizer.json may set
    /// `"uhContextMargin"`.
    public var uhContextMargin: Double?
    /// A mean transform (MLLR) of the acoustic model for reverberant rooms, with the identity
    /// transform that undoes it: utterances the front end dereverberates are decoded through
    /// it (`PocketSphinxRecognizer.hearRoom`). Nil: the model is the same in every room. Whether
    /// the decoder uses it is `roomTransformInUse`.
    public var roomTransform: RoomTransform?

    public init(acousticModel: String, languageModel: String, dictionary: String, name: String,
                generalLanguageModel: String? = nil, domainWeight: Double = 1, fillerKeywords: String? = nil,
                decoderArguments: [String: String] = [:], noiseFilter: Bool = true,
                hesitationConfidence: Double = HesitationFilter.defaultMinimumConfidence,
                uhContextMargin: Double? = HesitationFilter.defaultUhContextMargin) {
        self.acousticModel = acousticModel
        self.languageModel = languageModel
        self.dictionary = dictionary
        self.name = name
        self.generalLanguageModel = generalLanguageModel
        self.domainWeight = domainWeight
        self.fillerKeywords = fillerKeywords
        self.decoderArguments = decoderArguments
        self.noiseFilter = noiseFilter
        self.hesitationConfidence = hesitationConfidence
        self.uhContextMargin = uhContextMargin
    }

    /// The filter settings the pipeline runs with this model, nil when it is off.
    public var noiseFilterConfiguration: NoiseFilter.Configuration? { noiseFilter ? .init() : nil }

    /// The dereverberation settings the pipeline runs with this model, nil when it is off.
    /// `REHEARSE_DEREVERB=TAPS:DELAY:ITERATIONS[:MINIMUM_DECAY]` overrides the settings, for
    /// measuring others with the benchmark (docs/benchmark.md).
    public var dereverbConfiguration: Dereverberation.Configuration? {
        guard dereverb else { return nil }
        var c = Dereverberation.Configuration()
        if let spec = ProcessInfo.processInfo.environment["REHEARSE_DEREVERB"] {
            let v = spec.split(separator: ":").map { Double($0) }
            if v.count > 0, let t = v[0], t >= 1, t <= 64 { c.taps = Int(t) }
            if v.count > 1, let d = v[1], d >= 1, d <= 16 { c.delay = Int(d) }
            if v.count > 2, let i = v[2], i >= 1, i <= 10 { c.iterations = Int(i) }
            if v.count > 3, let m = v[3], m >= 0 { c.minimumDecaySeconds = m }
        }
        return c
    }

    public static let debianDirectory = "/usr/share/pocketsphinx/model/en-us"

    /// Debian's stock model from the pocketsphinx-en-us package.
    public static let debianEnUS = RecognizerModel(
        acousticModel: debianDirectory + "/en-us",
        languageModel: debianDirectory + "/en-us.lm.bin",
        dictionary: debianDirectory + "/cmudict-en-us.dict",
        name: "en-us (Debian)")

    /// The file a model directory describes itself with.
    public static let descriptionFile = "recognizer.json"

    /// Rehearse's AWS-domain model as built by `rehearse-lm` into `modelsDirectory`.
    public static func rehearseDomain(modelsDirectory: URL) throws(SpeechError) -> RecognizerModel {
        try directory(modelsDirectory)
    }

    /// A model described by `recognizer.json` in `directory`; paths in it are relative to it.
    public static func directory(_ directory: URL) throws(SpeechError) -> RecognizerModel {
        let url = directory.appendingPathComponent(descriptionFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .modelMissing(path: url.path, what: "model description (build it with `swift run rehearse-lm`)")
        }
        let description: Description
        do { description = try JSONDecoder().decode(Description.self, from: Data(contentsOf: url)) }
        catch { throw .modelDescriptionUnreadable(path: url.path, reason: "\(error)") }
        return description.resolved(against: directory)
    }

    /// Fails with a clear message naming the first missing file.
    public func validate() throws(SpeechError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: acousticModel + "/mdef") {
            throw .modelMissing(path: acousticModel, what: "acoustic model")
        }
        // PocketSphinx ends the process (exit 1, no message) on a model definition it cannot
        // parse, so a wrong file has to be caught before ps_init sees it.
        if !Self.looksLikeModelDefinition(acousticModel + "/mdef") {
            throw .notAnAcousticModel(path: acousticModel)
        }
        if !fm.fileExists(atPath: languageModel) { throw .modelMissing(path: languageModel, what: "language model") }
        if !fm.fileExists(atPath: dictionary) { throw .modelMissing(path: dictionary, what: "pronunciation dictionary") }
        if let general = generalLanguageModel, !fm.fileExists(atPath: general) {
            throw .modelMissing(path: general, what: "general language model")
        }
        if let mixed = staticLanguageModel, !fm.fileExists(atPath: mixed) {
            throw .modelMissing(path: mixed, what: "static language model mix")
        }
        if let kws = fillerKeywords, !fm.fileExists(atPath: kws) {
            throw .modelMissing(path: kws, what: "filler keyword list")
        }
        if let room = roomTransform {
            for (path, what) in [(room.reverberant, "reverberant-room transform"), (room.identity, "identity transform")]
            where !fm.fileExists(atPath: path) {
                throw .modelMissing(path: path, what: what)
            }
        }
        for path in [languageModel] + (generalLanguageModel.map { [$0] } ?? []) + (staticLanguageModel.map { [$0] } ?? []) where !Self.looksLikeLanguageModel(path) {
            throw .notALanguageModel(path: path)
        }
    }

    /// Whether `path` starts like a PocketSphinx model definition: binary ("BMDF") or text
    /// (a "0.3" version line).
    static func looksLikeModelDefinition(_ path: String) -> Bool {
        guard let head = head(of: path, bytes: 16) else { return false }
        return head.starts(with: Array("BMDF".utf8)) || head.starts(with: Array("0.3\n".utf8))
    }

    /// Whether the start of `path` is a format PocketSphinx reads as a language model: ARPA
    /// text (a `\data\` section, possibly after comments), the binary trie `sphinx_lm_convert`
    /// writes, the older DMP format, or either of them gzipped. Caught here, a wrong file gets a
    /// plain message instead of whichever reader PocketSphinx tried last complaining.
    static func looksLikeLanguageModel(_ path: String) -> Bool {
        guard let head = head(of: path, bytes: 64 * 1024) else { return false }
        if head.starts(with: [0x1F, 0x8B]) { return true }
        let text = String(decoding: head, as: UTF8.self)
        return text.hasPrefix("Trie Language Model") || text.prefix(64).contains("Darpa Trigram LM")
            || text.contains("\\data\\")
    }

    /// The first `bytes` bytes of `path` (fewer for a short file); nil if it cannot be opened.
    private static func head(of path: String, bytes: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: bytes)) ?? Data()
    }
}

/// The two `-mllr` files of `RecognizerModel.roomTransform`, as paths, and the acoustic model
/// they were estimated on.
public struct RoomTransform: Sendable, Hashable, Codable {
    /// Applied while the room measures reverberant (`rooms/reverberant.mllr`).
    public var reverberant: String
    /// The identity transform, which puts the stock means back (`rooms/identity.mllr`).
    public var identity: String
    /// The acoustic model whose means the transform was estimated on; it is applied to no
    /// other. A recognizer.json leaves it out (it means the file's own `acousticModel`); a
    /// loaded model always has it.
    public var acousticModel: String?

    public init(reverberant: String, identity: String, acousticModel: String) {
        self.reverberant = reverberant
        self.identity = identity
        self.acousticModel = acousticModel
    }
}

extension RecognizerModel {
    /// The room transform the decoder applies: `roomTransform`, unless the acoustic model is not
    /// the one it was estimated on (a voice adapted by MAP brings its own) or a voice's own MLLR
    /// transform (`-mllr`) is applied. A voice profile was adapted in the person's own room, and
    /// the room transform was made for the stock means; this is the one place that rule lives.
    public var roomTransformInUse: RoomTransform? {
        guard let transform = roomTransform, decoderArguments["-mllr"] == nil,
              let madeFor = transform.acousticModel, usesAcousticModel(madeFor) else { return nil }
        return transform
    }

    /// Whether `path` names this model's acoustic model folder (however it is spelt: "a/./b",
    /// a trailing slash). Adaptations made for one acoustic model apply to no other.
    public func usesAcousticModel(_ path: String) -> Bool {
        URL(fileURLWithPath: path).standardizedFileURL.path == URL(fileURLWithPath: acousticModel).standardizedFileURL.path
    }
}

extension RecognizerModel {
    private enum CodingKeys: String, CodingKey {
        case acousticModel, languageModel, dictionary, name, generalLanguageModel, domainWeight, fillerKeywords,
             decoderArguments, noiseFilter, hesitationConfidence, uhContextMargin, dereverb, staticLanguageModel,
             roomTransform
    }

    /// Reads model records saved by older versions too (eval-asr `--json`, heard.json), which
    /// lack the settings added since; those get the defaults they ran with (no "uh" context
    /// check: it came last).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            acousticModel: try c.decode(String.self, forKey: .acousticModel),
            languageModel: try c.decode(String.self, forKey: .languageModel),
            dictionary: try c.decode(String.self, forKey: .dictionary),
            name: try c.decode(String.self, forKey: .name),
            generalLanguageModel: try c.decodeIfPresent(String.self, forKey: .generalLanguageModel),
            domainWeight: try c.decode(Double.self, forKey: .domainWeight),
            fillerKeywords: try c.decodeIfPresent(String.self, forKey: .fillerKeywords),
            decoderArguments: try c.decode([String: String].self, forKey: .decoderArguments),
            noiseFilter: try c.decodeIfPresent(Bool.self, forKey: .noiseFilter) ?? false,
            hesitationConfidence: try c.decodeIfPresent(Double.self, forKey: .hesitationConfidence)
                ?? HesitationFilter.defaultMinimumConfidence,
            uhContextMargin: try c.decodeIfPresent(Double.self, forKey: .uhContextMargin))
        // Records from before the dereverberation ran without it.
        dereverb = try c.decodeIfPresent(Bool.self, forKey: .dereverb) ?? false
        staticLanguageModel = try c.decodeIfPresent(String.self, forKey: .staticLanguageModel)
        roomTransform = try c.decodeIfPresent(RoomTransform.self, forKey: .roomTransform)
        // Records from before the transform named its acoustic model were made with this one.
        if roomTransform != nil, roomTransform?.acousticModel == nil { roomTransform?.acousticModel = acousticModel }
    }
}

extension RecognizerModel {
    /// `recognizer.json`: how a model directory names its files.
    public struct Description: Codable, Sendable, Hashable {
        public var name: String
        public var acousticModel: String
        public var languageModel: String
        public var dictionary: String
        public var generalLanguageModel: String?
        public var domainWeight: Double?
        /// The mix as one model, used instead of the run-time mix when the file exists.
        public var staticLanguageModel: String?
        public var fillerKeywords: String?
        public var decoderArguments: [String: String]?
        /// Nil or absent: on.
        public var noiseFilter: Bool?
        /// Nil or absent: `HesitationFilter.defaultMinimumConfidence`.
        public var hesitationConfidence: Double?
        /// Nil or absent: `HesitationFilter.defaultUhContextMargin`. A large value (99) keeps
        /// every "uh": no short word is ever that much likelier.
        public var uhContextMargin: Double?
        /// Nil or absent: on.
        public var dereverb: Bool?
        /// Nil or absent: none. Paths relative to the folder; both files must exist.
        public var roomTransform: RoomTransform?

        public init(name: String, acousticModel: String, languageModel: String, dictionary: String,
                    generalLanguageModel: String?, domainWeight: Double?, fillerKeywords: String?,
                    decoderArguments: [String: String]? = nil, noiseFilter: Bool? = nil,
                    hesitationConfidence: Double? = nil, uhContextMargin: Double? = nil) {
            self.name = name
            self.acousticModel = acousticModel
            self.languageModel = languageModel
            self.dictionary = dictionary
            self.generalLanguageModel = generalLanguageModel
            self.domainWeight = domainWeight
            self.fillerKeywords = fillerKeywords
            self.decoderArguments = decoderArguments
            self.noiseFilter = noiseFilter
            self.hesitationConfidence = hesitationConfidence
            self.uhContextMargin = uhContextMargin
        }

        func resolved(against directory: URL) -> RecognizerModel {
            func path(_ p: String) -> String { p.hasPrefix("/") ? p : directory.appendingPathComponent(p).path }
            var model = RecognizerModel(
                acousticModel: path(acousticModel), languageModel: path(languageModel), dictionary: path(dictionary),
                name: name, generalLanguageModel: generalLanguageModel.map(path),
                domainWeight: domainWeight ?? 1, fillerKeywords: fillerKeywords.map(path),
                decoderArguments: decoderArguments ?? [:], noiseFilter: noiseFilter ?? true,
                hesitationConfidence: hesitationConfidence ?? HesitationFilter.defaultMinimumConfidence,
                uhContextMargin: uhContextMargin ?? HesitationFilter.defaultUhContextMargin)
            model.dereverb = dereverb ?? true
            model.roomTransform = roomTransform.map {
                RoomTransform(reverberant: path($0.reverberant), identity: path($0.identity),
                              acousticModel: path($0.acousticModel ?? acousticModel))
            }
            if let mixed = staticLanguageModel.map(path), generalLanguageModel != nil,
               FileManager.default.fileExists(atPath: mixed) {
                model.staticLanguageModel = mixed
            }
            return model
        }
    }
}
