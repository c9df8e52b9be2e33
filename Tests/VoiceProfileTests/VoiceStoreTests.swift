import Foundation
import History
import PocketSphinx
import Testing
import TestSupport
@testable import VoiceProfile

/// Profiles that cannot be used: each is one clear line, and scoring falls back to the
/// unadapted model with a note instead of failing.
@Suite struct VoiceStoreTests {
    func store() -> VoiceStore { VoiceStore(folder: Fixtures.tempDirectory().appendingPathComponent("voices")) }

    func record(_ name: String, method: AdaptationMethod = .mllr, format: Int = VoiceProfileRecord.currentFormat) -> VoiceProfileRecord {
        VoiceProfileRecord(format: format, name: name, created: Date(timeIntervalSince1970: 1_800_000_000), method: method,
                           baseAcousticModel: RecognizerModel.debianEnUS.acousticModel, adaptedFrom: ["p01"], heldOut: ["p05"],
                           validation: ["stock": .init(errors: 5, words: 20), "mllr": .init(errors: 3, words: 20)],
                           audioSeconds: 60, adaptationCPUSeconds: 5, checkingCPUSeconds: 9)
    }

    func makeReady(_ store: VoiceStore, _ name: String) throws {
        _ = try store.prepare(name)
        try Data("MLLR\n".utf8).write(to: store.profileFolder(name).appendingPathComponent("mllr_matrix"))
        try store.save(record(name))
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func aReadyProfileAdaptsTheModelAndIsPrivate() throws {
        let store = store()
        try makeReady(store, "alex")
        #expect(try mode(store.folder) == 0o700)
        #expect(try mode(store.profileFolder("alex")) == 0o700)
        #expect(try mode(store.profileFolder("alex").appendingPathComponent("takes")) == 0o700)
        #expect(try mode(store.profileFolder("alex").appendingPathComponent("profile.json")) == 0o600)
        let applied = try store.load("alex").apply(to: .debianEnUS)
        #expect(applied.note == nil)
        #expect(applied.model.decoderArguments["-mllr"] == store.profileFolder("alex").appendingPathComponent("mllr_matrix").path)
        #expect(applied.model.name.contains("voice alex (MLLR)"))
        try store.use("alex")
        #expect(store.inUse == "alex")
        let selected = try VoiceSelection.resolve(nil, model: .debianEnUS, store: store)
        #expect(selected.voice == "alex")
        let none = try VoiceSelection.resolve("none", model: .debianEnUS, store: store)
        #expect(none.voice == nil && none.model == .debianEnUS)
    }

    @Test func damagedForeignNewerAndUnfinishedProfilesFallBackWithANote() throws {
        let store = store()
        // Damaged: profile.json is not JSON.
        _ = try store.prepare("broken")
        try Data("{not json".utf8).write(to: store.profileFolder("broken").appendingPathComponent("profile.json"))
        // Foreign: a folder of someone else's files.
        try FileManager.default.createDirectory(at: store.profileFolder("photos"), withIntermediateDirectories: true)
        try Data([0xFF, 0xD8]).write(to: store.profileFolder("photos").appendingPathComponent("cat.jpg"))
        // Newer: a later format.
        try makeReady(store, "future")
        var future = record("future")
        future.format = 99
        try store.save(future)
        // Files the method needs are gone.
        try makeReady(store, "gutted")
        try FileManager.default.removeItem(at: store.profileFolder("gutted").appendingPathComponent("mllr_matrix"))
        // Unfinished: takes only.
        let takes = try store.prepare("halfway")
        try Data().write(to: takes.appendingPathComponent("p01.wav"))

        let expected: [(String, String)] = [
            ("broken", "damaged or not a voice profile"), ("photos", "damaged or not a voice profile"),
            ("future", "made by a newer Rehearse"), ("gutted", "mllr_matrix is missing"), ("halfway", "not finished (1 take kept)"),
        ]
        for (name, phrase) in expected {
            #expect(throws: VoiceError.self) { try store.load(name) }
            do { _ = try store.load(name) } catch {
                #expect(error.description.contains(phrase), "\(name): \(error)")
                #expect(!error.description.contains("\n"))
            }
            let selected = try VoiceSelection.resolve(name, model: .debianEnUS, store: store)
            #expect(selected.model == .debianEnUS, "\(name)")
            #expect(selected.voice == nil)
            #expect(selected.note?.contains("scoring with the unadapted model") == true, "\(name)")
        }
        // Nothing was deleted along the way.
        #expect(FileManager.default.fileExists(atPath: store.profileFolder("photos").appendingPathComponent("cat.jpg").path))
        #expect(FileManager.default.fileExists(atPath: takes.appendingPathComponent("p01.wav").path))
        // A name that is not there is an error, not a silent fallback (a typo).
        #expect(throws: VoiceError.self) { try VoiceSelection.resolve("nobody", model: .debianEnUS, store: store) }
        // The voice in use, damaged: a note too.
        try Data("broken\n".utf8).write(to: store.folder.appendingPathComponent("in-use"))
        #expect(try VoiceSelection.resolve(nil, model: .debianEnUS, store: store).note != nil)
    }

    @Test func aModelCutShortIsDamaged() throws {
        let store = store()
        _ = try store.prepare("map")
        let model = store.profileFolder("map").appendingPathComponent("model")
        try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
        for file in ["mdef", "means", "variances", "transition_matrices", "sendump", "feat.params", "noisedict"] {
            try FileManager.default.copyItem(atPath: RecognizerModel.debianEnUS.acousticModel + "/" + file, toPath: model.appendingPathComponent(file).path)
        }
        try store.save(record("map", method: .map))
        let applied = try store.load("map").apply(to: .debianEnUS)
        #expect(applied.model.acousticModel == model.path)
        #expect(applied.model.name.contains("voice map (MAP)"))
        let means = try Data(contentsOf: model.appendingPathComponent("means"))
        try means.prefix(1000).write(to: model.appendingPathComponent("means"))
        do { _ = try store.load("map"); Issue.record("a truncated means file loaded") } catch {
            #expect(error.description.contains("model/means is 1000 bytes"))
        }
        #expect(try VoiceSelection.resolve("map", model: .debianEnUS, store: store).model == .debianEnUS)
    }

    @Test func aProfileForAnotherAcousticModelIsNotApplied() throws {
        let store = store()
        try makeReady(store, "alex")
        var other = RecognizerModel.debianEnUS
        other.acousticModel = "/somewhere/else"
        let applied = try store.load("alex").apply(to: other)
        #expect(applied.model == other)
        #expect(applied.note?.contains("not used") == true)
    }

    /// The shipped room transform was estimated on the stock means; a voice adapted in the
    /// person's own room replaces them (MAP: its own acoustic model; MLLR: its own transform).
    @Test func onlyAnUnadaptedVoiceKeepsTheRoomTransform() throws {
        let store = store()
        var base = RecognizerModel.debianEnUS
        base.roomTransform = RoomTransform(reverberant: "/models/rooms/reverberant.mllr", identity: "/models/rooms/identity.mllr",
                                           acousticModel: base.acousticModel)
        #expect(base.roomTransformInUse != nil)
        try makeReady(store, "alex")
        #expect(try store.load("alex").apply(to: base).model.roomTransformInUse == nil)
        _ = try store.prepare("map")
        let model = store.profileFolder("map").appendingPathComponent("model")
        try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
        for file in ["mdef", "means", "variances", "transition_matrices", "sendump", "feat.params", "noisedict"] {
            try FileManager.default.copyItem(atPath: base.acousticModel + "/" + file, toPath: model.appendingPathComponent(file).path)
        }
        try store.save(record("map", method: .map))
        #expect(try store.load("map").apply(to: base).model.roomTransformInUse == nil)
        _ = try store.prepare("plain")
        try store.save(record("plain", method: .stock))
        #expect(try store.load("plain").apply(to: base).model.roomTransformInUse == base.roomTransform)
    }

    @Test func namesAreChecked() {
        for bad in ["", "none", "../x", "a b", ".hidden", "-x", String(repeating: "a", count: 41), "naïve"] {
            #expect(throws: VoiceError.self, "\(bad)") { try VoiceStore.checkName(bad) }
        }
        #expect(throws: Never.self) { try VoiceStore.checkName("alex_2-home") }
    }

    @Test func missingSphinxtrainNamesTheDebianPackage() {
        do {
            _ = try SphinxTrain.locate(environment: ["REHEARSE_SPHINXTRAIN_DIR": Fixtures.tempDirectory().path, "PATH": "/usr/bin"])
            Issue.record("found tools in an empty folder")
        } catch {
            #expect(error.description.contains("sudo apt-get install sphinxtrain"))
        }
        do {
            _ = try SphinxTrain.locate(environment: ["PATH": Fixtures.tempDirectory().path])
            Issue.record("found sphinx_fe on an empty PATH")
        } catch {
            #expect(error.description.contains("sphinxbase-utils"))
        }
    }

    @Test func everyPromptWordIsInTheDictionaryAndEveryPhoneIsCovered() throws {
        let models = Fixtures.repo.appendingPathComponent("Models")
        let prompts = try EnrollmentPrompts.load(modelsDirectory: models)
        #expect(prompts.count >= 40)
        #expect(Set(prompts.map(\.id)).count == prompts.count)
        let dictionary = models.appendingPathComponent("rehearse.dict").path
        try EnrollmentPrompts.checkWords(prompts, dictionary: dictionary)
        // The first 20 (the smallest useful enrollment) already cover every phone of en-us.
        let first = Set(prompts.prefix(20).flatMap(\.words))
        var phones = Set<String>()
        for entry in Pronunciations.entries(in: dictionary, keeping: first) {
            phones.formUnion(entry.line.split(separator: " ").dropFirst().map(String.init))
        }
        let all = try String(contentsOfFile: RecognizerModel.debianEnUS.acousticModel + "/../cmudict-en-us.dict", encoding: .utf8)
        var allPhones = Set<String>()
        for line in all.split(separator: "\n").prefix(20000) { allPhones.formUnion(line.split(separator: " ").dropFirst().map(String.init)) }
        #expect(allPhones.subtracting(phones).isEmpty, "phones missing from the first 20 prompts: \(allPhones.subtracting(phones).sorted())")
        // AWS names are there too.
        #expect(first.isSuperset(of: ["s3", "dynamodb", "iam", "ec2", "cloudwatch"]))
    }
}
