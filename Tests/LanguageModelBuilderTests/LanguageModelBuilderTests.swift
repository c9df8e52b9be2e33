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
        try #require(FileManager.default.fileExists(atPath: path),
                     "\(path) is missing: install pocketsphinx-en-us (scripts/install-deps.sh)")
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

    @Test("API and metric names are said as their words, not spelled letter by letter")
    func longCompoundsAreBuiltFromWords() throws {
        let path = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
        try #require(FileManager.default.fileExists(atPath: path),
                     "\(path) is missing: install pocketsphinx-en-us (scripts/install-deps.sh)")
        let d = try PronunciationDictionary(cmudictPath: path)
        #expect(d.derive("createloggroup") == "K R IY EY T L AO G G R UW P")
        #expect(d.derive("cpucreditbalance") == "S IY P IY Y UW K R EH D AH T B AE L AH N S")
        // "out of memory error": a two-letter word is a part when names use it.
        #expect(d.derive("outofmemoryerror") == "AW T AH V M EH M ER IY EH R ER")
        // Two parts: the longest known first part, as before.
        #expect(d.derive("failover") == "F EY L OW V ER")
        // Nothing but letters left over: no compound.
        #expect(d.derive("qzxvbnmk") == nil)
    }

    @Test func questionBankTextIsPromptsPointsAndFollowUps() throws {
        let json = """
        [{"id": "x", "role": "mid", "topic": "lambda", "kind": "troubleshooting", "targetSeconds": 90,
          "prompt": "The nightly job hits the Lambda time limit. What do you do?",
          "keyPoints": [{"point": "Split the work into chunks.", "phrases": ["split the work", "chunks"]}],
          "pitfalls": ["Raising the timeout past fifteen minutes."], "followUps": [{"text": "Why not Fargate?"}], "services": ["Lambda"]}]
        """
        let questions = try JSONDecoder().decode([Question].self, from: Data(json.utf8))
        let text = QuestionText.sentences(of: QuestionBank(questions: questions))
        #expect(text == ["The nightly job hits the Lambda time limit. What do you do?", "Split the work into chunks.", "Why not Fargate?"])
    }

    @Test func swearWordsHaveNoPronunciation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mini.dict").path
        try "fuck F AH K\nshitty SH IH T IY\nfour F AO R\nhell HH EH L\n".write(toFile: path, atomically: true, encoding: .utf8)
        let d = try PronunciationDictionary(cmudictPath: path)
        #expect(Set(d.allWords) == ["four", "hell"])
    }

    @Test func onlyHesitationsSoundLikeUm() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mini.dict").path
        // The shapes cmudict has: a reduced second form equal to "um", a word whose only form it is.
        try "i'm AY M\ni'm(2) AH M\n'em AH M\num AH M\numm AH M\nsum S AH M\n".write(toFile: path, atomically: true, encoding: .utf8)
        let text = try PronunciationDictionary(cmudictPath: path).text(words: ["i'm", "'em", "um", "umm", "sum"])
        #expect(text == "'em AH M\ni'm AY M\nsum S AH M\num AH M\numm AH M\n")
    }
}

/// Nothing that is measured may be training text: no held-out or sealed answer may share a run
/// of 8 tokens with what rehearse-lm trains on (the corpus and the question bank), both read
/// through the training tokenizer, exactly as rehearse-lm reads them.
@Suite struct HeldOutSeparationTests {
    static let heldOut = ["Tests/Data/asr-dev/answers.json", "Tests/Data/asr-dev/new-services.json",
                          "Tests/Data/analyzer-eval/answers.json",
                          "Tests/Data/analyzer-eval-sealed/answers.json", "Tests/Data/asr-sealed/answers.json"]
        .map { packageRoot.appendingPathComponent($0).path }

    /// Overlaps that were already there when this test was written (issue 28), each an answer id
    /// and the 8-token run it shares with training text. They are listed rather than fixed
    /// because the fix is the training text's (rewrite those corpus and bank sentences, then
    /// rebuild the model), and rewriting a sealed answer after reading it is not allowed. The
    /// list must stay exact: a new overlap fails, and so does one that has gone away.
    /// docs/benchmark.md, "Text shared with the training corpus", says what each one means.
    static let knownOverlaps: Set<String> = [
        // The development analyzer set: a definition of IAM and of RTO worded as the corpus
        // and the question bank word them.
        "lab-028: how you control who can do what in",
        // The sealed analyzer set (written 6 Dec 2026 without sight of the corpus): stock
        // phrasings of IAM policies, NAT gateways, KMS data keys, SQS visibility timeouts.
        "sealed-005: are json documents that allow or deny actions",
        "sealed-005: basically how you control who can do what",
        "sealed-005: documents that allow or deny actions on resources",
        "sealed-005: how you control who can do what in",
        "sealed-005: json documents that allow or deny actions on",
        "sealed-005: policies are json documents that allow or deny",
        "sealed-010: put a nat gateway in a public subnet",
        "sealed-010: the private route table's default route at it",
        "sealed-037: went from around nine seconds to under two",
        "sealed-059: ran a delete without a where clause on",
        "sealed-059: someone ran a delete without a where clause",
        "sealed-061: a data key you encrypt the data locally",
        "sealed-061: data key you encrypt the data locally with",
        "sealed-061: you a data key you encrypt the data",
        "sealed-063: but the queue's visibility timeout was thirty seconds",
        "sealed-063: six times the function timeout which is what",
        "sealed-063: the function timeout which is what aws recommends",
        "sealed-063: times the function timeout which is what aws",
        "sealed-071: outbound on the source and inbound on the",
        // The sealed recognizer set: three answers. The recognizer gate leaves them out.
        "sealed-asr-004: outbound on the source and inbound on the",
        "sealed-asr-006: a read replica and pointed the reporting tool",
        "sealed-asr-006: added a read replica and pointed the reporting",
        "sealed-asr-006: i added a read replica and pointed the",
        "sealed-asr-006: read replica and pointed the reporting tool at",
        "sealed-asr-006: replica and pointed the reporting tool at it",
        "sealed-asr-009: from about two seconds to three hundred milliseconds",
    ]

    static func trainingText() throws -> (training: TrainingText, tokenizer: CorpusTokenizer) {
        let lexicon = try Lexicon.load(from: packageRoot.appendingPathComponent("Models/lexicon"))
        var tokenizer = CorpusTokenizer(lexicon: lexicon)
        let training = try TrainingText.read(corpus: packageRoot.appendingPathComponent("Models/corpus").path,
                                             questions: packageRoot.appendingPathComponent("Models/questions").path,
                                             tokenizer: &tokenizer)
        return (training, tokenizer)
    }

    @Test("no held-out or sealed answer shares an 8-token run with the corpus or the question bank")
    func heldOutIsNotTrainingText() throws {
        let (training, tokenizer) = try Self.trainingText()
        let sentences = training.sentences
        #expect(training.files.count > 20 && training.bank.count > 100)
        for file in Self.heldOut {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) is missing")
        }
        let shared = try HeldOutCheck.sharedRuns(training: sentences, heldOutFiles: Self.heldOut, tokenizer: tokenizer)
        let found = Set(shared.map { "\($0.id): \($0.run)" })
        let new = found.subtracting(Self.knownOverlaps).sorted()
        #expect(new.isEmpty, "held-out text in the training text:\n\(new.joined(separator: "\n"))")
        let gone = Self.knownOverlaps.subtracting(found).sorted()
        #expect(gone.isEmpty, "listed overlaps no longer found (take them off the list):\n\(gone.joined(separator: "\n"))")
    }

    @Test("a held-out answer copied into the corpus, or a bank sentence copied into an answer, is caught")
    func leakedTextIsCaught() throws {
        let (training, tokenizer) = try Self.trainingText()
        let sentences = training.sentences
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        struct Item: Codable { var id: String; var text: String }

        // A sealed answer pasted into the training text, written as a corpus file would be.
        let sealed = try JSONDecoder().decode([Item].self, from: Data(contentsOf: URL(fileURLWithPath: Self.heldOut[4])))[0]
        var copy = tokenizer
        let pasted = copy.sentences(in: sealed.text.replacingOccurrences(of: #"<pause [0-9.]+>"#, with: ".", options: .regularExpression))
        let leaks = try HeldOutCheck.sharedRuns(training: sentences + pasted, heldOutFiles: [Self.heldOut[4]], tokenizer: tokenizer)
        #expect(leaks.contains { $0.id == sealed.id })

        // A question-bank sentence said in a held-out answer, spelled as the answers are.
        let said = try #require(training.bank.first { $0.count >= 10 }).joined(separator: " ")
        let answer = dir.appendingPathComponent("answers.json")
        try JSONEncoder().encode([Item(id: "echo", text: "so um <pause 0.3> " + said)]).write(to: answer)
        let echoed = try HeldOutCheck.sharedRuns(training: sentences, heldOutFiles: [answer.path], tokenizer: tokenizer)
        #expect(echoed.count >= said.split(separator: " ").count - 7 && echoed.allSatisfy { $0.id == "echo" }, "\(said)")
        #expect(throws: (any Error).self) { try HeldOutCheck.verify(training: sentences, heldOutFiles: [answer.path], tokenizer: tokenizer) }
    }
}
