import Foundation
import History
import PocketSphinx

/// What a profile folder records about itself: voices/NAME/profile.json. Written last, so a
/// folder without one is an enrollment still in progress.
public struct VoiceProfileRecord: Codable, Sendable, Hashable {
    /// Bumped when a later version writes profiles this one cannot use.
    public static let currentFormat = 1

    public struct Errors: Codable, Sendable, Hashable {
        public var errors: Int
        public var words: Int
        public init(errors: Int, words: Int) { self.errors = errors; self.words = words }
        public var rate: Double { words == 0 ? 0 : Double(errors) / Double(words) }
    }

    public var format: Int
    public var name: String
    public var created: Date
    public var method: AdaptationMethod
    /// The acoustic model it was adapted from; a profile is only used with that model.
    public var baseAcousticModel: String
    /// Takes the model was adapted from, and takes held out to check it.
    public var adaptedFrom: [String]
    public var heldOut: [String]
    /// Word errors on the held-out takes for the stock model and each method tried.
    public var validation: [String: Errors]
    /// Seconds of audio in the takes used (adapt + held out).
    public var audioSeconds: Double
    /// CPU seconds of the adaptation (this process and the tools it ran), checking excluded.
    public var adaptationCPUSeconds: Double
    /// CPU seconds spent decoding takes to check them.
    public var checkingCPUSeconds: Double

    /// Relative files in the profile folder.
    public static let mllrFile = "mllr_matrix"
    public static let modelFolder = "model"

    public var usesMLLR: Bool { method == .mllr }
    public var usesModel: Bool { method == .map || method == .mllrMap }
}

/// A profile that loaded and can adapt a recognizer model.
public struct VoiceProfile: Sendable, Hashable {
    public let name: String
    public let folder: URL
    public let record: VoiceProfileRecord

    public var takesFolder: URL { folder.appendingPathComponent("takes", isDirectory: true) }

    /// `model` with this voice applied, or nil and why not (made for another acoustic model).
    public func apply(to model: RecognizerModel) -> (model: RecognizerModel, note: String?) {
        guard model.usesAcousticModel(record.baseAcousticModel) else {
            return (model, "voice \"\(name)\" was adapted from \(record.baseAcousticModel), not \(model.acousticModel): not used")
        }
        // An adapted voice's MLLR or acoustic model turns the room transform off
        // (`RecognizerModel.roomTransformInUse`).
        var adapted = model
        switch record.method {
        case .stock:
            adapted.name += ", voice \(name) (not adapted)"
        case .mllr:
            adapted.decoderArguments["-mllr"] = folder.appendingPathComponent(VoiceProfileRecord.mllrFile).path
            adapted.name += ", voice \(name) (MLLR)"
        case .map, .mllrMap:
            adapted.acousticModel = folder.appendingPathComponent(VoiceProfileRecord.modelFolder).path
            adapted.name += ", voice \(name) (\(record.method.label))"
        }
        return (adapted, nil)
    }
}

/// Voice profiles under the data folder: `voices/NAME/`, 0700 like the rest of it, with
/// `voices/in-use` naming the one scoring uses by default.
public struct VoiceStore: Sendable {
    public let folder: URL

    public init(dataFolder: DataFolder) { folder = dataFolder.url.appendingPathComponent("voices", isDirectory: true) }
    public init(folder: URL) { self.folder = folder }

    static let inUseFile = "in-use"
    static let profileFile = "profile.json"

    public static func checkName(_ name: String) throws(VoiceError) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        guard !name.isEmpty, name.count <= 40, name.lowercased() != "none", !name.hasPrefix("."), !name.hasPrefix("-"),
              name.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else { throw .invalidName(name) }
    }

    public func profileFolder(_ name: String) -> URL { folder.appendingPathComponent(name, isDirectory: true) }

    /// Folder names under voices/, sorted (profiles, enrollments in progress, damaged ones).
    public func names() -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return items.filter { item in
            var isDir: ObjCBool = false
            return !item.hasPrefix(".") && FileManager.default.fileExists(atPath: folder.appendingPathComponent(item).path, isDirectory: &isDir) && isDir.boolValue
        }.sorted()
    }

    public enum State: Sendable {
        case ready(VoiceProfile)
        /// Takes recorded, not adapted yet (an interrupted enrollment).
        case inProgress(takes: Int)
        case unusable(VoiceError)
    }

    public func state(_ name: String) -> State {
        let dir = profileFolder(name)
        let file = dir.appendingPathComponent(Self.profileFile)
        guard FileManager.default.fileExists(atPath: file.path) else {
            let takes = takeIDs(name).count
            let other = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0 != "takes" && $0 != "takes.json" && !$0.hasPrefix(".") }
            if other.isEmpty { return .inProgress(takes: takes) }
            return .unusable(.damaged(name: name, path: dir.path, reason: "no \(Self.profileFile)"))
        }
        do { return .ready(try load(name)) } catch { return .unusable(error) }
    }

    /// Ids of the takes kept in voices/NAME/takes.
    public func takeIDs(_ name: String) -> [String] {
        let takes = profileFolder(name).appendingPathComponent("takes")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: takes.path)) ?? []
        return files.filter { $0.hasSuffix(".wav") && !$0.hasPrefix(".") }.map { String($0.dropLast(4)) }.sorted()
    }

    public func load(_ name: String) throws(VoiceError) -> VoiceProfile {
        let dir = profileFolder(name)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw .noSuchVoice(name: name, known: names())
        }
        let file = dir.appendingPathComponent(Self.profileFile)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            if case .inProgress(let takes) = state(name) { throw .unfinished(name: name, takes: takes) }
            throw .damaged(name: name, path: dir.path, reason: "no readable \(Self.profileFile)")
        }
        // The format first, so a newer profile says so rather than failing to parse.
        struct Head: Decodable { var format: Int }
        guard let head = try? JSONDecoder().decode(Head.self, from: data) else {
            throw .damaged(name: name, path: dir.path, reason: "\(Self.profileFile) is not a voice profile")
        }
        guard head.format <= VoiceProfileRecord.currentFormat else {
            throw .newerFormat(name: name, format: head.format, supported: VoiceProfileRecord.currentFormat)
        }
        let record: VoiceProfileRecord
        do { record = try Self.decoder.decode(VoiceProfileRecord.self, from: data) }
        catch { throw .damaged(name: name, path: dir.path, reason: "\(Self.profileFile) does not parse") }
        // The files the method needs must be there and not empty.
        var needed: [String] = []
        if record.usesMLLR { needed.append(VoiceProfileRecord.mllrFile) }
        if record.usesModel {
            needed += ["mdef", "means", "variances", "transition_matrices", "sendump", "feat.params", "noisedict"]
                .map { VoiceProfileRecord.modelFolder + "/" + $0 }
        }
        func size(_ path: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil }
        for relative in needed {
            guard let bytes = size(dir.appendingPathComponent(relative).path), bytes > 0 else {
                throw .damaged(name: name, path: dir.path, reason: "\(relative) is missing or empty")
            }
            // An adapted model has the shape of the one it came from: a file cut short (or
            // replaced) would make PocketSphinx fail, or worse, at load.
            if relative.hasPrefix(VoiceProfileRecord.modelFolder + "/"), let base = size(record.baseAcousticModel + "/" + relative.dropFirst(6)),
               base != bytes {
                throw .damaged(name: name, path: dir.path, reason: "\(relative) is \(bytes) bytes where the base model's is \(base)")
            }
        }
        return VoiceProfile(name: name, folder: dir, record: record)
    }

    public func save(_ record: VoiceProfileRecord) throws(VoiceError) {
        let dir = profileFolder(record.name)
        let file = dir.appendingPathComponent(Self.profileFile)
        let temporary = dir.appendingPathComponent(".profile.json.tmp")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(record).write(to: temporary)
            PrivateFiles.tightenFile(temporary.path)
            guard rename(temporary.path, file.path) == 0 else { throw VoiceError.cannotWrite(path: file.path, reason: String(cString: strerror(errno))) }
        } catch let error as VoiceError { throw error } catch { throw .cannotWrite(path: file.path, reason: "\(error)") }
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The voices folder and `voices/NAME/takes`, private.
    public func prepare(_ name: String) throws -> URL {
        try PrivateFiles.prepareFolder(folder)
        let dir = profileFolder(name)
        try PrivateFiles.prepareFolder(dir)
        let takes = dir.appendingPathComponent("takes", isDirectory: true)
        try PrivateFiles.prepareFolder(takes)
        return takes
    }

    public var inUse: String? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(Self.inUseFile), encoding: .utf8) else { return nil }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// Makes `name` the voice scoring uses by default; nil stops using any.
    public func use(_ name: String?) throws {
        let file = folder.appendingPathComponent(Self.inUseFile)
        guard let name else { try? FileManager.default.removeItem(at: file); return }
        _ = try load(name)
        try PrivateFiles.prepareFolder(folder)
        try Data((name + "\n").utf8).write(to: file, options: .atomic)
        PrivateFiles.tightenFile(file.path)
    }

    /// Removes a profile (takes included), whatever state it is in.
    public func remove(_ name: String) throws {
        try Self.checkName(name)
        let dir = profileFolder(name)
        guard FileManager.default.fileExists(atPath: dir.path) else { throw VoiceError.noSuchVoice(name: name, known: names()) }
        try FileManager.default.removeItem(at: dir)
        if inUse == name { try? FileManager.default.removeItem(at: folder.appendingPathComponent(Self.inUseFile)) }
    }
}

/// Which voice scoring uses: `--voice NAME|none`, else the one in use. A profile that cannot be
/// used never stops scoring: the stock model is used with a note saying why.
public enum VoiceSelection {
    public static func resolve(_ choice: String?, model: RecognizerModel, store: VoiceStore?)
        throws(VoiceError) -> (model: RecognizerModel, voice: String?, note: String?) {
        if choice?.lowercased() == "none" { return (model, nil, nil) }
        guard let store else {
            if let choice { return (model, nil, "no data folder, so no voice \"\(choice)\"; scoring with the unadapted model") }
            return (model, nil, nil)
        }
        let name: String
        if let choice {
            try VoiceStore.checkName(choice)
            name = choice
            guard store.names().contains(name) else { throw .noSuchVoice(name: name, known: store.names()) }
        } else {
            guard let inUse = store.inUse else { return (model, nil, nil) }
            name = inUse
        }
        let profile: VoiceProfile
        do { profile = try store.load(name) } catch {
            return (model, nil, "\(error.description); scoring with the unadapted model")
        }
        let applied = profile.apply(to: model)
        return (applied.model, applied.note == nil ? name : nil, applied.note.map { $0 + "; scoring with the unadapted model" })
    }
}
