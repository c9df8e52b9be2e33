import Foundation
import Testing
import TestSupport
@testable import PocketSphinx
import SpeechCore

/// The "uh" context check reads language models through sphinxbase (`NGramScorer`). A small
/// ARPA model written here pins the numbers (history order, back-off); the shipped model
/// (Models/, a domain + general mix) must keep hesitations and drop articles.
@Suite("language model as the hesitation check reads it", .serialized)
struct DomainModelScoringTests {
    static let models = Fixtures.repo.appendingPathComponent("Models")

    /// log10 probabilities and back-offs chosen so every path gives a different number.
    static let toyARPA = """
        \\data\\
        ngram 1=7
        ngram 2=4
        ngram 3=2

        \\1-grams:
        -1.0\t<s>\t-0.5
        -1.0\t</s>
        -1.2\tso\t-0.3
        -1.5\tuh\t-0.2
        -1.1\twe\t-0.4
        -1.3\ta\t-0.25
        -1.4\tbucket

        \\2-grams:
        -0.5\t<s> so\t-0.15
        -0.3\tso uh\t-0.1
        -0.4\tuh we
        -0.6\ta bucket

        \\3-grams:
        -0.2\t<s> so uh
        -0.05\tso uh we

        \\end\\

        """

    @Test func trigramsBigramsAndBackOffComeOutAsWritten() throws {
        let dir = Fixtures.tempDirectory()
        let arpa = dir.appendingPathComponent("toy.arpa")
        try Self.toyARPA.write(to: arpa, atomically: true, encoding: .utf8)
        let debian = RecognizerModel.debianEnUS
        let model = RecognizerModel(acousticModel: debian.acousticModel, languageModel: arpa.path,
                                    dictionary: debian.dictionary, name: "toy")
        let scorer = try #require(try PocketSphinxRecognizer(model: model).hesitationLanguage)
        func p(_ word: String, _ history: String) -> Double {
            scorer.log10Probability(of: word, after: history.split(separator: " ").map(String.init))
        }
        #expect(abs(p("we", "so uh") - -0.05) < 0.001)        // trigram, oldest word first
        #expect(abs(p("uh", "<s> so") - -0.2) < 0.001)
        #expect(abs(p("we", "a uh") - -0.4) < 0.001)          // no "a uh": the bigram "uh we"
        #expect(abs(p("bucket", "so uh") - -1.7) < 0.001)     // bo(so uh) + bo(uh) + p(bucket)
        #expect(abs(p("bucket", "") - -1.4) < 0.001)
        #expect(abs(p("bucket", "the a") - -0.6) < 0.001)     // "the" unknown: history from "a"
        #expect(p("qwxzv", "so") == NGramScorer.unknownWord)
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
