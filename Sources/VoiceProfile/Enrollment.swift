import Foundation
import History
import PocketSphinx

/// Process CPU time, this process and the children it waited for (the sphinxtrain tools).
public enum CPUTime {
    public static func now() -> Double {
        func seconds(_ who: __rusage_who) -> Double {
            var usage = rusage()
            getrusage(who.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        return seconds(RUSAGE_SELF) + seconds(RUSAGE_CHILDREN)
    }
}

/// A take checked against its prompt.
public struct CheckedTake: Sendable {
    public var prompt: EnrollmentPrompt
    public var path: String
    public var check: TakeCheck
    public var seconds: Double
    public init(prompt: EnrollmentPrompt, path: String, check: TakeCheck, seconds: Double) {
        self.prompt = prompt; self.path = path; self.check = check; self.seconds = seconds
    }
}

/// From checked takes to a saved profile: hold some takes out, adapt from the rest with each
/// method worth trying for that many takes, decode the held-out takes with each, and keep the
/// best only if it beats the unadapted model.
public struct Enrollment {
    public let store: VoiceStore
    public let name: String
    /// The model scoring uses (the AWS-domain mix by default); adaptation changes its acoustic part.
    public let baseModel: RecognizerModel
    public let tools: SphinxTrain

    /// MLLR helps from about 10 sentences; fewer usable takes are refused.
    public static let minimumTakes = 10
    /// MAP did worse than nothing from 10 sentences and well from 40 (issue 21); it is tried
    /// from this many adaptation takes on.
    public static let mapFromTakes = 20

    /// How many more errors than the unadapted model, as a share of the held-out words, the best
    /// adaptation may make on the held-out takes and still be kept. Adapting from 30 or more
    /// takes made fewer errors on 370 words never read for every voice measured (docs/voices.md),
    /// while on 70-80 held-out words the ranking moved by a few errors from one split to another
    /// (the Piper voice: MAP 26 against 32 unadapted on one split, 38 against 34 on the next).
    public static let worseThanStockAllowed = 0.1

    /// The sentences as a grammar for checking takes (`TakeDecoder.checking`), in the profile
    /// folder while takes are checked.
    public static let checkGrammarFile = ".check.gram"

    public init(store: VoiceStore, name: String, baseModel: RecognizerModel, tools: SphinxTrain) {
        self.store = store; self.name = name; self.baseModel = baseModel; self.tools = tools
    }

    /// Every fifth take (at least two) is held out to validate; the rest adapt.
    public static func split(_ takes: [CheckedTake]) -> (adapt: [CheckedTake], heldOut: [CheckedTake]) {
        var adapt: [CheckedTake] = [], held: [CheckedTake] = []
        for (i, take) in takes.enumerated() { if i % 5 == 4 { held.append(take) } else { adapt.append(take) } }
        while held.count < 2, adapt.count > 2 { held.append(adapt.removeLast()) }
        return (adapt, held)
    }

    /// Adapts, validates and saves. `takes` are good takes already stored in the profile's
    /// takes folder; `checkingCPU` is what checking them cost. `say` hears progress lines.
    public func adapt(_ takes: [CheckedTake], checkingCPU: Double, say: (String) -> Void) throws -> VoiceProfileRecord {
        guard takes.count >= Self.minimumTakes else {
            throw VoiceError.notEnoughTakes(usable: takes.count, needed: Self.minimumTakes, problems: [])
        }
        let started = CPUTime.now()
        let folder = store.profileFolder(name)
        let work = folder.appendingPathComponent(".work", isDirectory: true)
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let workspace = try AdaptationWorkspace(tools: tools, baseModel: URL(fileURLWithPath: baseModel.acousticModel),
                                                dictionary: baseModel.dictionary, work: work)
        let (adaptTakes, heldOut) = Self.split(takes)
        let training = adaptTakes.map { AdaptationTake(id: $0.prompt.id, path: $0.path, words: $0.prompt.words) }
        say("adapting from \(adaptTakes.count) takes, \(heldOut.count) held out to check the result")

        let base = try workspace.preparedBase()
        let counts = try workspace.accumulate(training, model: base, name: "counts")
        var candidates: [(AdaptedModel, URL?)] = []
        let mllr = try workspace.solveMLLR(counts: counts, model: base, name: "mllr")
        // With enough takes for MAP, MLLR alone is not decoded: it was never the best of the three
        // in six enrollments of five voices (docs/voices.md), and each candidate decoded is a
        // quarter of the adaptation's CPU.
        if adaptTakes.count < Self.mapFromTakes {
            candidates.append((AdaptedModel(method: .mllr, mllrMatrix: mllr, acousticModel: nil), nil))
        } else {
            let map = try workspace.mapAdapt(counts: counts, model: base, name: "map")
            candidates.append((AdaptedModel(method: .map, mllrMatrix: nil, acousticModel: map), nil))
            let shifted = try workspace.transformedModel(base, mllr: mllr, name: "mllr-base")
            let shiftedCounts = try workspace.accumulate(training, model: shifted, name: "counts-mllr")
            let both = try workspace.mapAdapt(counts: shiftedCounts, model: shifted, name: "mllr-map")
            candidates.append((AdaptedModel(method: .mllrMap, mllrMatrix: nil, acousticModel: both), nil))
        }

        // Each model, the unadapted one first, decodes the held-out takes with the language
        // model scoring uses (the check's grammar would hear every sentence read right).
        let words = heldOut.reduce(0) { $0 + $1.check.promptWords }
        func errors(with model: RecognizerModel) throws -> Int {
            let decoder = try TakeDecoder(model: model)
            var errors = 0
            for take in heldOut {
                let heard = try decoder.decode(take.path).words.filter { !TakeCheck.hesitations.contains($0) }
                errors += WordAlignment(reference: take.prompt.words, hypothesis: heard).errors
            }
            return errors
        }
        var validation: [String: VoiceProfileRecord.Errors] = [
            AdaptationMethod.stock.rawValue: .init(errors: try errors(with: baseModel), words: words),
        ]
        let stockErrors = validation[AdaptationMethod.stock.rawValue]!.errors
        var best: (AdaptedModel?, Int) = (nil, Int.max)
        for (candidate, _) in candidates {
            var model = baseModel
            if let matrix = candidate.mllrMatrix { model.decoderArguments["-mllr"] = matrix.path }
            if let dir = candidate.acousticModel { model.acousticModel = dir.path }
            let errors = try errors(with: model)
            validation[candidate.method.rawValue] = .init(errors: errors, words: words)
            say(String(format: "  %@: %d errors in %d held-out words (unadapted: %d)", candidate.method.label, errors, words, stockErrors))
            if errors < best.1 { best = (candidate, errors) }
        }
        // Eight takes are too few to tell a few errors apart: the best adaptation is kept unless
        // it is clearly worse than none (`worseThanStockAllowed`).
        if best.1 > stockErrors + Int((Self.worseThanStockAllowed * Double(words)).rounded(.down)) { best = (nil, stockErrors) }

        // Move the winner into the profile folder.
        let fm = FileManager.default
        for old in [VoiceProfileRecord.mllrFile, VoiceProfileRecord.modelFolder] { try? fm.removeItem(at: folder.appendingPathComponent(old)) }
        let chosen = best.0
        if let matrix = chosen?.mllrMatrix {
            let target = folder.appendingPathComponent(VoiceProfileRecord.mllrFile)
            try fm.moveItem(at: matrix, to: target)
            PrivateFiles.tightenFile(target.path)
        }
        if let dir = chosen?.acousticModel {
            let target = folder.appendingPathComponent(VoiceProfileRecord.modelFolder)
            for extra in ["mdef.txt", "mixture_weights"] { try? fm.removeItem(at: dir.appendingPathComponent(extra)) }
            try fm.moveItem(at: dir, to: target)
            _ = try? PrivateFiles.prepareFolder(target)
            for file in (try? fm.contentsOfDirectory(atPath: target.path)) ?? [] { PrivateFiles.tightenFile(target.appendingPathComponent(file).path) }
        }
        let record = VoiceProfileRecord(
            format: VoiceProfileRecord.currentFormat, name: name, created: Date(), method: chosen?.method ?? .stock,
            baseAcousticModel: baseModel.acousticModel, adaptedFrom: adaptTakes.map(\.prompt.id), heldOut: heldOut.map(\.prompt.id),
            validation: validation, audioSeconds: takes.reduce(0) { $0 + $1.seconds },
            adaptationCPUSeconds: CPUTime.now() - started, checkingCPUSeconds: checkingCPU)
        try store.save(record)
        return record
    }
}
