import Analysis
import Foundation
import RehearseKit

/// Loads the bank and alternatives map from Models/ when they are there.
enum Resources {
    static func analyzer(questionID: String?) throws -> AnswerAnalyzer {
        let models = ResourceLocator.modelsDirectory()
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
        guard let url = models?.appendingPathComponent("questions.json") else {
            throw RehearseError.missingData(path: "Models/questions.json", what: "question bank",
                                            reason: "not found; set REHEARSE_MODELS to the repository's Models folder")
        }
        do { return try QuestionBank(contentsOf: url) }
        catch { throw RehearseError.missingData(path: url.path, what: "question bank", reason: "\(error)") }
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
