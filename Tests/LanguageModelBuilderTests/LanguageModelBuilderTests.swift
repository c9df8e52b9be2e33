import Foundation
import Testing
import Analysis
@testable import LanguageModelBuilder

/// The package root, found from this file's path, so tests read the repository's corpora.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct CorpusTokenizerTests {
    @Test func awsNamesBecomeDictionaryTokens() {
        var t = CorpusTokenizer()
        let s = t.sentences(in: "We put S3 behind CloudFront, and Route 53 points at the ALB. Dynamo DB's fine.")
        #expect(s == [["we", "put", "s3", "behind", "cloudfront", "and", "route", "fifty", "three", "points", "at", "the", "alb"],
                      ["dynamodb", "fine"]])
        #expect(t.acronyms.contains("alb"))
    }

    @Test func numbersAreSpokenWords() {
        var t = CorpusTokenizer()
        #expect(t.tokens(forWritten: "40%") == ["forty", "percent"])
        #expect(t.tokens(forWritten: "$1,200") == ["one", "thousand", "two", "hundred", "dollars"])
        #expect(t.tokens(forWritten: "99.9") == ["ninety", "nine", "point", "nine"])
        #expect(t.tokens(forWritten: "200ms") == ["two", "hundred", "milliseconds"])
        #expect(t.tokens(forWritten: "2019") == ["twenty", "nineteen"])
        #expect(t.tokens(forWritten: "multi-AZ") == ["multi", "az"])
        #expect(t.tokens(forWritten: "EC2") == ["ec2"])
    }
}

@Suite struct KneserNeyTests {
    /// Every context's distribution, backed off through the ARPA weights, sums to one.
    @Test func distributionsSumToOne() {
        var counter = KneserNeyTrigram()
        for s in ["we use s3 for backups", "we use dynamodb for sessions", "um we use s3 a lot", "so we moved to s3"] {
            counter.add(sentence: s.split(separator: " ").map(String.init))
        }
        let m = counter.estimate()
        let words = m.vocabulary.indices.map(Int32.init).filter { m.vocabulary[Int($0)] != "<s>" }
        func p1(_ w: Int32) -> Double { pow(10, m.unigrams[w]!) }
        func p2(_ v: Int32, _ w: Int32) -> Double {
            if let p = m.bigrams[.init(a: v, b: w)] { return pow(10, p) }
            return pow(10, m.unigramBackoff[v] ?? 0) * p1(w)
        }
        func p3(_ u: Int32, _ v: Int32, _ w: Int32) -> Double {
            if let p = m.trigrams[.init(a: u, b: v, c: w)] { return pow(10, p) }
            return pow(10, m.bigramBackoff[.init(a: u, b: v)] ?? 0) * p2(v, w)
        }
        #expect(abs(words.map(p1).reduce(0, +) - 1) < 1e-6)
        for v in m.vocabulary.indices.map(Int32.init) where m.unigramBackoff[v] != nil {
            #expect(abs(words.map { p2(v, $0) }.reduce(0, +) - 1) < 1e-6, "context \(m.vocabulary[Int(v)])")
        }
        for h in m.bigramBackoff.keys {
            #expect(abs(words.map { p3(h.a, h.b, $0) }.reduce(0, +) - 1) < 1e-6)
        }
    }

    /// The hesitation bonus raises every n-gram that predicts "um" by exactly log10(4) and
    /// touches nothing else (backoff weights included).
    @Test func hesitationBonusRaisesOnlyHesitations() {
        var counter = KneserNeyTrigram()
        for s in ["um we use s3 for backups", "so um we moved to s3", "we um use dynamodb"] {
            counter.add(sentence: s.split(separator: " ").map(String.init))
        }
        let m = counter.estimate()
        let b = m.boosting(["um"], by: 4)
        let um = Int32(m.vocabulary.firstIndex(of: "um")!)
        #expect(abs(b.unigrams[um]! - m.unigrams[um]! - log10(4)) < 1e-9)
        var raised = 0
        for (k, p) in m.bigrams {
            let delta = b.bigrams[k]! - p
            #expect(abs(delta - (k.b == um ? log10(4) : 0)) < 1e-9)
            if k.b == um { raised += 1 }
        }
        for (k, p) in m.trigrams {
            #expect(abs(b.trigrams[k]! - p - (k.c == um ? log10(4) : 0)) < 1e-9)
        }
        #expect(raised >= 3)
        #expect(b.unigramBackoff == m.unigramBackoff && b.bigramBackoff == m.bigramBackoff)
        for w in m.unigrams.keys where w != um { #expect(b.unigrams[w] == m.unigrams[w]) }
    }
}

@Suite struct PronunciationTests {
    @Test func acronymsAreSpelledAndServicesHaveEntries() throws {
        let path = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
        guard FileManager.default.fileExists(atPath: path) else { return }
        var d = try PronunciationDictionary(cmudictPath: path)
        let guessed = d.cover(["s3", "ec2", "iam", "vpcs", "cloudfront", "subnets", "batched", "kms"], acronyms: ["vpcs"])
        #expect(guessed.isEmpty)
        let text = d.text(words: ["s3", "iam", "vpcs", "subnets", "batched", "kms"])
        #expect(text.contains("s3 EH S TH R IY\n"))
        #expect(text.contains("iam(2) AY AE M\n"))
        #expect(text.contains("vpcs V IY P IY S IY Z\n"))
        #expect(text.contains("kms K EY EH M EH S\n"))
        #expect(text.contains("batched B AE CH T\n"))
    }

    @Test func questionBankTextIsPromptsPointsAndFollowUps() throws {
        let json = """
        [{"id": "x", "role": "mid", "topic": "lambda", "kind": "troubleshooting", "targetSeconds": 90,
          "prompt": "The nightly job hits the Lambda time limit. What do you do?",
          "keyPoints": [{"point": "Split the work into chunks.", "phrases": ["split the work", "chunks"]}],
          "traps": ["Raising the timeout past fifteen minutes."], "followUps": ["Why not Fargate?"], "services": ["Lambda"]}]
        """
        let questions = try JSONDecoder().decode([Question].self, from: Data(json.utf8))
        let text = QuestionText.sentences(of: QuestionBank(questions: questions))
        #expect(text == ["The nightly job hits the Lambda time limit. What do you do?", "Split the work into chunks.", "Why not Fargate?"])
    }

    @Test func swearWordsHaveNoPronunciation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("mini.dict").path
        try "fuck F AH K\nshitty SH IH T IY\nfour F AO R\nhell HH EH L\n".write(toFile: path, atomically: true, encoding: .utf8)
        let d = try PronunciationDictionary(cmudictPath: path)
        #expect(Set(d.allWords) == ["four", "hell"])
    }

    @Test func onlyHesitationsSoundLikeUm() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("mini.dict").path
        // The shapes cmudict has: a reduced second form equal to "um", a word whose only form it is.
        try "i'm AY M\ni'm(2) AH M\n'em AH M\num AH M\numm AH M\nsum S AH M\n".write(toFile: path, atomically: true, encoding: .utf8)
        let text = try PronunciationDictionary(cmudictPath: path).text(words: ["i'm", "'em", "um", "umm", "sum"])
        #expect(text == "'em AH M\ni'm AY M\nsum S AH M\num AH M\numm AH M\n")
    }
}

/// The ASR development answers are held out: none of their 8-word runs may appear in the
/// text the language model is trained on.
@Suite struct HeldOutSeparationTests {
    @Test func devCorpusIsNotTrainingText() throws {
        let corpus = packageRoot.appendingPathComponent("Models/corpus")
        let dev = packageRoot.appendingPathComponent("Tests/Data/asr-dev/answers.json")
        var tokenizer = CorpusTokenizer()
        var sentences: [[String]] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where file.hasSuffix(".txt") {
            sentences += tokenizer.sentences(in: try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8))
        }
        #expect(sentences.count > 100)
        let newServices = packageRoot.appendingPathComponent("Tests/Data/asr-dev/new-services.json")
        try HeldOutCheck.verify(training: sentences, heldOutFiles: [dev.path, newServices.path])
    }

    @Test func leakedTextIsCaught() throws {
        let dev = packageRoot.appendingPathComponent("Tests/Data/asr-dev/answers.json")
        struct Item: Decodable { var text: String }
        let first = try JSONDecoder().decode([Item].self, from: Data(contentsOf: dev))[0].text
        let leaked = first.replacingOccurrences(of: #"<pause [0-9.]+>"#, with: " ", options: .regularExpression)
            .split(separator: " ").map(String.init)
        #expect(throws: (any Error).self) { try HeldOutCheck.verify(training: [leaked], heldOutFiles: [dev.path]) }
    }
}
