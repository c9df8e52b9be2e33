import Foundation
import Testing
import TestSupport
@testable import Speech

/// The "uh" context check reads the shipped domain model through sphinxbase; its numbers
/// must be the ones the ARPA text (written by rehearse-lm) gives for the same n-grams.
@Suite("domain model as the hesitation check reads it", .serialized)
struct DomainModelScoringTests {
    static let models = Fixtures.repo.appendingPathComponent("Models")

    /// Every `step`-th n-gram of order `order` in the ARPA file, as (words, log10 p).
    private func ngrams(order: Int, step: Int) throws -> [([String], Double)] {
        let text = try String(contentsOf: Self.models.appendingPathComponent("rehearse-domain.arpa"), encoding: .utf8)
        var inSection = false
        var result: [([String], Double)] = []
        var index = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\\") { inSection = line == "\\\(order)-grams:"; continue }
            guard inSection, !line.isEmpty else { continue }
            index += 1
            guard index % step == 0 else { continue }
            let fields = line.split(separator: "\t")
            result.append((fields[1].split(separator: " ").map(String.init), Double(fields[0])!))
        }
        return result
    }

    @Test func trigramsAndBigramsComeOutAsWritten() throws {
        let recognizer = try PocketSphinxRecognizer(model: .rehearseDomain(modelsDirectory: Self.models))
        let scorer = try #require(recognizer.hesitationLanguage)
        let trigrams = try ngrams(order: 3, step: 997)
        let bigrams = try ngrams(order: 2, step: 499)
        #expect(trigrams.count > 20 && bigrams.count > 20)
        for (words, expected) in trigrams + bigrams {
            let got = scorer.log10Probability(of: words.last!, after: Array(words.dropLast()))
            #expect(abs(got - expected) < 0.01, "\(words.joined(separator: " ")): \(got), ARPA \(expected)")
        }
        #expect(scorer.log10Probability(of: "qwxzv", after: ["so"]) == NGramScorer.unknownWord)
    }

    @Test func theShippedModelKeepsHesitationsAndDropsArticles() throws {
        let recognizer = try PocketSphinxRecognizer(model: .rehearseDomain(modelsDirectory: Self.models))
        let scorer = try #require(recognizer.hesitationLanguage)
        let margin = try #require(recognizer.model.uhContextMargin)
        func heard(_ text: String) -> [String] {
            let words = text.split(separator: " ").enumerated().map {
                RecognizedWord(text: String($1), start: Double($0), end: Double($0) + 0.5, confidence: 0.5)
            }
            return HesitationFilter.keepPlausible(words, language: scorer, margin: margin).map(\.text)
        }
        #expect(heard("so uh we moved the queue") == ["so", "uh", "we", "moved", "the", "queue"])
        #expect(heard("we put uh load balancer in front") == ["we", "put", "load", "balancer", "in", "front"])
    }
}
