import Foundation

/// How an enrolled voice changes the acoustic model.
public enum AdaptationMethod: String, Codable, Sendable, CaseIterable {
    /// Not adapted: the adapted models were not better on the held-out takes.
    case stock
    /// One regression transform of the Gaussian means (`mllr_solve`), given to the decoder as `-mllr`.
    case mllr
    /// Maximum a posteriori re-estimation of the model (`map_adapt`), a model copy.
    case map
    /// MLLR applied to the means first, then MAP from there: a model copy.
    case mllrMap = "mllr+map"

    public var label: String {
        switch self {
        case .stock: "not adapted"
        case .mllr: "MLLR"
        case .map: "MAP"
        case .mllrMap: "MLLR + MAP"
        }
    }
}

/// One take used to adapt: its audio and the words read.
public struct AdaptationTake: Sendable, Hashable {
    public var id: String
    public var path: String
    public var words: [String]
    public init(id: String, path: String, words: [String]) { self.id = id; self.path = path; self.words = words }
}

/// What an adaptation produced: a decoder `-mllr` file, a model folder, or both.
public struct AdaptedModel: Sendable, Hashable {
    public var method: AdaptationMethod
    public var mllrMatrix: URL?
    public var acousticModel: URL?
}

/// The sphinxtrain pipeline in a work folder:
///
/// 1. the base model's text mdef (`pocketsphinx_mdef_convert -text`) and mixture weights
///    converted from its sendump (`MixtureWeights`), which bw and map_adapt need;
/// 2. features of each take (`sphinx_fe` with the model's feat.params);
/// 3. Baum-Welch counts (`bw`) with the flags the en-us PTM model needs, checking that every take
///    was aligned (bw exits 0 while skipping some);
/// 4. `mllr_solve` for a mean transform, and/or `map_adapt` into a model copy followed by
///    `mk_s2sendump -pocketsphinx yes` (PocketSphinx reads a sendump before mixture weights, so
///    the stale one must be replaced).
public final class AdaptationWorkspace {
    public let tools: SphinxTrain
    public let baseModel: URL
    public let dictionary: String
    public let work: URL
    private var prepared: URL?
    private var featureIDs: Set<String> = []

    public init(tools: SphinxTrain, baseModel: URL, dictionary: String, work: URL) throws(VoiceError) {
        self.tools = tools
        self.baseModel = baseModel
        self.dictionary = dictionary
        self.work = work
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) }
        catch { throw .cannotWrite(path: work.path, reason: "\(error)") }
    }

    private func url(_ name: String) -> URL { work.appendingPathComponent(name) }
    private func log(_ name: String) -> URL { url("\(name).log") }

    /// The files a PocketSphinx model folder has, copied from the base unless given anew.
    static let modelFiles = ["mdef", "means", "variances", "transition_matrices", "feat.params", "noisedict"]

    /// work/base: the base model with a text mdef and mixture weights (made once).
    public func preparedBase() throws(VoiceError) -> URL {
        if let prepared { return prepared }
        let base = url("base")
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: base)
            try fm.createDirectory(at: base, withIntermediateDirectories: true)
            for file in Self.modelFiles {
                try fm.copyItem(at: baseModel.appendingPathComponent(file), to: base.appendingPathComponent(file))
            }
        } catch { throw .cannotWrite(path: base.path, reason: "copying the base model: \(error)") }
        try SphinxTrain.run(tools.mdefConvert, ["-text", baseModel.appendingPathComponent("mdef").path,
                                                base.appendingPathComponent("mdef.txt").path], log: log("mdef_convert"))
        let mixw = baseModel.appendingPathComponent("mixture_weights")
        do {
            if fm.fileExists(atPath: mixw.path) {
                try fm.copyItem(at: mixw, to: base.appendingPathComponent("mixture_weights"))
            } else {
                let table = try MixtureWeights.readSendump(baseModel.appendingPathComponent("sendump"))
                try MixtureWeights.writeMixtureWeights(table, to: base.appendingPathComponent("mixture_weights"))
            }
        } catch let error as VoiceError { throw error } catch {
            throw .adaptationCheck("converting the base model's sendump: \(error)")
        }
        prepared = base
        return base
    }

    /// Cepstra for `takes` into work/mfc (each take once).
    public func extractFeatures(_ takes: [AdaptationTake]) throws(VoiceError) {
        let todo = takes.filter { !featureIDs.contains($0.id) }
        guard !todo.isEmpty else { return }
        let mfc = url("mfc")
        try? FileManager.default.createDirectory(at: mfc, withIntermediateDirectories: true)
        // sphinx_fe reads a control file of names relative to -di; each take is linked in.
        let wav = url("wav")
        try? FileManager.default.createDirectory(at: wav, withIntermediateDirectories: true)
        for take in todo {
            let link = wav.appendingPathComponent("\(take.id).wav")
            try? FileManager.default.removeItem(at: link)
            do { try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: take.path) }
            catch { throw .cannotWrite(path: link.path, reason: "\(error)") }
        }
        let control = url("fe.fileids")
        try write(todo.map(\.id).joined(separator: "\n") + "\n", to: control)
        try SphinxTrain.run(tools.featureExtractor, [
            "-argfile", baseModel.appendingPathComponent("feat.params").path, "-samprate", "16000",
            "-c", control.path, "-di", wav.path, "-do", mfc.path, "-ei", "wav", "-eo", "mfc", "-mswav", "yes",
        ], log: log("sphinx_fe"))
        for take in todo where !FileManager.default.fileExists(atPath: mfc.appendingPathComponent("\(take.id).mfc").path) {
            throw .adaptationCheck("sphinx_fe wrote no features for take \(take.id)")
        }
        featureIDs.formUnion(todo.map(\.id))
    }

    /// Baum-Welch counts for `takes` against the model in `modelDir` (its mdef.txt and
    /// mixture_weights), into a new folder named `name`. Throws if bw left any take out.
    public func accumulate(_ takes: [AdaptationTake], model modelDir: URL, mllr: URL? = nil, name: String) throws(VoiceError) -> URL {
        try extractFeatures(takes)
        let accum = url(name)
        try? FileManager.default.removeItem(at: accum)
        do { try FileManager.default.createDirectory(at: accum, withIntermediateDirectories: true) }
        catch { throw .cannotWrite(path: accum.path, reason: "\(error)") }
        let words = Set(takes.flatMap(\.words))
        let entries = Pronunciations.entries(in: dictionary, keeping: words)
        let missing = words.subtracting(entries.map(\.word))
        if let word = missing.sorted().first {
            throw .wordNotInDictionary(word: word, promptID: takes.first { $0.words.contains(word) }?.id ?? "?")
        }
        let dict = url("\(name).dict"), control = url("\(name).fileids"), transcripts = url("\(name).transcription")
        try write(entries.map(\.line).joined(separator: "\n") + "\n", to: dict)
        try write(takes.map(\.id).joined(separator: "\n") + "\n", to: control)
        try write(takes.map { "<s> \($0.words.joined(separator: " ")) </s> (\($0.id))" }.joined(separator: "\n") + "\n", to: transcripts)
        var arguments = [
            "-hmmdir", modelDir.path, "-moddeffn", modelDir.appendingPathComponent("mdef.txt").path,
            "-ts2cbfn", ".ptm.", "-feat", "1s_c_d_dd", "-svspec", "0-12/13-25/26-38", "-cmn", "current", "-agc", "none",
            "-dictfn", dict.path, "-fdictfn", modelDir.appendingPathComponent("noisedict").path,
            "-ctlfn", control.path, "-lsnfn", transcripts.path, "-cepdir", url("mfc").path, "-accumdir", accum.path,
        ]
        if let mllr { arguments += ["-mllrmat", mllr.path] }
        let output = try SphinxTrain.run(tools.bw, arguments, log: log("bw-\(name)"))
        // bw exits 0 while skipping takes it cannot align: every take must have its "utt>" line
        // and a finite likelihood.
        let aligned = Self.alignedTakes(bwOutput: output)
        let left = takes.map(\.id).filter { aligned[$0] == nil }
        guard left.isEmpty else {
            throw .adaptationCheck("bw did not align take\(left.count == 1 ? "" : "s") \(left.joined(separator: ", ")) (see \(log("bw-\(name)").path))")
        }
        return accum
    }

    /// Take id → bw's average log likelihood per frame, for each take bw aligned.
    static func alignedTakes(bwOutput: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in bwOutput.split(separator: "\n") where line.hasPrefix("utt>") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            // utt> index id frames ... prob log-lik-per-frame total ...
            guard fields.count > 10, let perFrame = Double(fields[9]), perFrame.isFinite else { continue }
            out[String(fields[2])] = perFrame
        }
        return out
    }

    /// `mllr_solve` from counts: a small text matrix for the decoder's `-mllr`.
    public func solveMLLR(counts: URL, model modelDir: URL, name: String) throws(VoiceError) -> URL {
        let out = url("\(name).mllr_matrix")
        try SphinxTrain.run(tools.mllrSolve, [
            "-meanfn", modelDir.appendingPathComponent("means").path, "-varfn", modelDir.appendingPathComponent("variances").path,
            "-outmllrfn", out.path, "-accumdir", counts.path,
        ], log: log("mllr_solve-\(name)"))
        guard let text = try? String(contentsOf: out, encoding: .utf8), !text.isEmpty,
              !text.lowercased().contains("nan") else {
            throw .adaptationCheck("mllr_solve wrote no usable transform")
        }
        return out
    }

    /// A copy of `modelDir` whose means went through `mllr`, with mdef.txt and mixture weights
    /// so bw can count against it.
    public func transformedModel(_ modelDir: URL, mllr: URL, name: String) throws(VoiceError) -> URL {
        let out = url(name)
        try copyModel(modelDir, to: out, extras: ["mdef.txt", "mixture_weights"])
        try? FileManager.default.removeItem(at: out.appendingPathComponent("means"))
        try SphinxTrain.run(tools.mllrTransform, [
            "-inmeanfn", modelDir.appendingPathComponent("means").path, "-outmeanfn", out.appendingPathComponent("means").path,
            "-mllrmat", mllr.path,
        ], log: log("mllr_transform-\(name)"))
        return out
    }

    /// `map_adapt` from counts into a new model folder PocketSphinx can load (mdef, feat.params,
    /// noisedict copied; a new sendump from the adapted weights).
    public func mapAdapt(counts: URL, model modelDir: URL, name: String) throws(VoiceError) -> URL {
        let out = url(name)
        try copyModel(modelDir, to: out, extras: [])
        for file in ["means", "variances", "transition_matrices"] { try? FileManager.default.removeItem(at: out.appendingPathComponent(file)) }
        let weights = out.appendingPathComponent("mixture_weights")
        try SphinxTrain.run(tools.mapAdapt, [
            "-moddeffn", modelDir.appendingPathComponent("mdef.txt").path, "-ts2cbfn", ".ptm.",
            "-meanfn", modelDir.appendingPathComponent("means").path, "-varfn", modelDir.appendingPathComponent("variances").path,
            "-mixwfn", modelDir.appendingPathComponent("mixture_weights").path,
            "-tmatfn", modelDir.appendingPathComponent("transition_matrices").path,
            "-accumdir", counts.path,
            "-mapmeanfn", out.appendingPathComponent("means").path, "-mapvarfn", out.appendingPathComponent("variances").path,
            "-mapmixwfn", weights.path, "-maptmatfn", out.appendingPathComponent("transition_matrices").path,
        ], log: log("map_adapt-\(name)"))
        try SphinxTrain.run(tools.mkS2Sendump, [
            "-pocketsphinx", "yes", "-moddeffn", modelDir.appendingPathComponent("mdef.txt").path,
            "-mixwfn", weights.path, "-sendumpfn", out.appendingPathComponent("sendump").path,
        ], log: log("mk_s2sendump-\(name)"))
        // The weights live on in the sendump; the float copy is 8 MB the decoder never reads.
        try? FileManager.default.removeItem(at: weights)
        for file in ["means", "variances", "transition_matrices", "sendump"]
        where !FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path) {
            throw .adaptationCheck("map_adapt left no \(file)")
        }
        return out
    }

    private func copyModel(_ from: URL, to: URL, extras: [String]) throws(VoiceError) {
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: to)
            try fm.createDirectory(at: to, withIntermediateDirectories: true)
            for file in Self.modelFiles + extras {
                try fm.copyItem(at: from.appendingPathComponent(file), to: to.appendingPathComponent(file))
            }
        } catch { throw .cannotWrite(path: to.path, reason: "\(error)") }
    }

    private func write(_ text: String, to url: URL) throws(VoiceError) {
        do { try Data(text.utf8).write(to: url) } catch { throw .cannotWrite(path: url.path, reason: "\(error)") }
    }
}
