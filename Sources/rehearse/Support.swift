import Analysis
import ArgumentParser
import History
import VoiceProfile
import PocketSphinx
import SpeechCore
import Foundation
import Pipeline
import Practice
import Reports

/// Loads the bank and alternatives map from Models/ when they are there.
enum Resources {
    static func analyzer(questionID: String?) throws -> AnswerAnalyzer {
        // Without its word lists the analyzer would score nothing: say which file is wrong instead.
        if case .failure(let error) = Lexicon.standard { throw error }
        let models = ModelsDirectory.locate()
        var alternatives = AlternativesMap()
        if let url = models?.appendingPathComponent("alternatives.json"), FileManager.default.fileExists(atPath: url.path) {
            do { alternatives = try AlternativesMap(contentsOf: url) }
            catch { throw RehearseError.missingData(path: url.path, what: "alternatives map", reason: "\(error)") }
        }
        var question: Question?
        if let questionID {
            let bank = try questionBank(in: models)
            guard let q = bank.question(id: questionID) else {
                throw RehearseError.unknownQuestion(id: questionID, known: bank.questions.count)
            }
            question = q
        }
        return AnswerAnalyzer(question: question, alternatives: alternatives)
    }

    static func questionBank(in models: URL?) throws -> QuestionBank {
        guard let url = models?.appendingPathComponent("questions", isDirectory: true) else {
            let lookup = ModelsDirectory.lookup()
            throw RehearseError.missingData(path: "Models/questions", what: "question bank",
                                            reason: (lookup.notes + ["not found in \(lookup.searched.joined(separator: ", ")); set REHEARSE_MODELS to a Models folder"]).joined(separator: "; "))
        }
        do { return try QuestionBank(contentsOf: url) }
        catch { throw RehearseError.missingData(path: url.path, what: "question bank", reason: "\(error)") }
    }
}

/// `--model`, shared by every command that transcribes.
struct ModelOption: ParsableArguments {
    @Option(help: ArgumentHelp("Recognizer model: \"rehearse\" (AWS domain model in Models/, the default), \"debian\" (stock en-us), or a folder with a recognizer.json.", valueName: "name|folder"))
    var model: String?

    @Flag(help: "Decode the audio as recorded, without filtering out steady background noise first (the filter helps under a fan or air conditioning and does little harm in a quiet room).")
    var noNoiseFilter = false

    @Option(help: ArgumentHelp("Enrolled voice to adapt the recognizer to (`rehearse voices`), or none; default: the voice in use.", valueName: "name|none"))
    var voice: String?

    @Flag(help: "Never dereverberate (by default a recording whose room measures reverberant is dereverberated before recognition; a dry one is decoded as recorded).")
    var noDereverb = false

    /// The model to load, adapted to the voice; prints a note on stderr when it falls back.
    func resolve() throws -> RecognizerModel {
        let selection = try ModelSelection.resolve(model, lookup: ModelsDirectory.lookup())
        if let note = selection.note { StandardError.print("rehearse: note: \(note)") }
        var model = selection.model
        if noNoiseFilter { model.noiseFilter = false }
        if noDereverb { model.dereverb = false }
        // A voice that cannot be used never stops scoring: the unadapted model, with a note.
        let store = (try? DataFolder.resolve()).map { VoiceStore(dataFolder: $0) }
        let voiced = try VoiceSelection.resolve(voice, model: model, store: store)
        if let note = voiced.note { StandardError.print("rehearse: note: \(note)") }
        return voiced.model
    }
}

enum JSONOutput {
    struct BatchItem: Encodable {
        var report: AnswerReport?
        var error: String?
        var path: String
    }

    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Number options are checked the same way everywhere: a finite value in a stated range, and a
/// message that names the option and its unit. Options take their value unconditionally
/// (`--jobs -1` is a bad number, not a missing one).
enum NumberOption {
    static func check(_ value: Double?, _ name: String, _ range: ClosedRange<Double>, unit: String) throws {
        guard let value else { return }
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(name) must be from \(FigureFormat.plain(range.lowerBound)) to \(FigureFormat.plain(range.upperBound)) \(unit) (got \(value))")
        }
    }

    static func check<N: BinaryInteger>(_ value: N?, _ name: String, _ range: ClosedRange<N>, unit: String) throws {
        guard let value else { return }
        guard range.contains(value) else {
            throw ValidationError("\(name) must be from \(range.lowerBound) to \(range.upperBound) \(unit) (got \(value))")
        }
    }

    /// Longest take: four hours, well inside a WAV file's 4 GB.
    static let takeSeconds: ClosedRange<Double> = 0.1...14_400
    static let silenceSeconds: ClosedRange<Double> = 0.1...600
    static let threads = 1...256
    static let listLength = 1...1_000_000
}

enum FigureFormat {
    static func plain(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

/// `--html FILE` and `--force`, shared by the commands that can write a page.
struct HTMLOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also write it as a self-contained HTML page to this new file.", valueName: "file"))
    var html: String?

    @Flag(help: "Replace the --html file if it exists (never a recording, the history, or anything in the data folder).")
    var force = false

    /// The page's file, checked before any work is done; nil without --html.
    func checkedFile() throws -> OutputFile? {
        guard let html else { return nil }
        var file = OutputFile(path: html, force: force)
        try file.check()
        return file
    }
}
