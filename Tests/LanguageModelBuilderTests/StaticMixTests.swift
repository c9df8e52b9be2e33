import Foundation
import Testing
@testable import LanguageModelBuilder
import PocketSphinx

/// The static mix against the run-time mix, on two small models written here: a "domain"
/// trigram with words the general one lacks, and a "general" trigram with words the domain one
/// lacks, both with backoff weights that differ from each other.
@Suite struct StaticMixTests {
    static let domainARPA = """
    \\data\\
    ngram 1=8
    ngram 2=9
    ngram 3=5

    \\1-grams:
    -0.90\t</s>
    -99\t<s>\t-0.30
    -0.70\tthe\t-0.25
    -1.00\tqueue\t-0.40
    -1.10\tlambda\t-0.35
    -0.95\tum\t-0.20
    -1.30\tretries\t-0.15
    -1.20\tcat\t-0.10

    \\2-grams:
    -0.40\t<s> the\t-0.10
    -0.60\t<s> um\t-0.20
    -0.30\tthe queue\t-0.15
    -0.50\tthe lambda\t-0.05
    -0.45\tqueue retries\t-0.12
    -0.35\tlambda retries\t-0.08
    -0.25\tretries </s>
    -0.55\tum the\t-0.11
    -0.80\tthe cat

    \\3-grams:
    -0.20\t<s> the queue
    -0.30\tthe queue retries
    -0.25\tthe lambda retries
    -0.15\tqueue retries </s>
    -0.35\t<s> um the

    \\end\\

    """

    static let generalARPA = """
    \\data\\
    ngram 1=8
    ngram 2=8
    ngram 3=4

    \\1-grams:
    -0.80\t</s>
    -99\t<s>\t-0.50
    -0.60\tthe\t-0.45
    -1.20\tcat\t-0.30
    -1.10\tsat\t-0.25
    -1.40\tqueue\t-0.60
    -1.00\tdog\t-0.20
    -1.50\tran\t-0.35

    \\2-grams:
    -0.50\t<s> the\t-0.30
    -0.45\tthe cat\t-0.25
    -0.70\tthe dog\t-0.22
    -0.40\tcat sat\t-0.18
    -0.50\tdog ran\t-0.16
    -0.30\tsat </s>
    -0.35\tran </s>
    -0.90\tthe queue\t-0.40

    \\3-grams:
    -0.25\t<s> the cat
    -0.30\tthe cat sat
    -0.20\tcat sat </s>
    -0.45\tthe dog ran

    \\end\\

    """

    /// A plain backoff evaluation of ARPA text (no quantisation), for reading the static mix.
    struct Arpa {
        var entries: [[String]: (p: Double, bo: Double)] = [:]
        var vocabulary: [String] = []
        init(_ text: String) {
            var order = 0
            for line in text.split(separator: "\n") {
                if line.hasPrefix("\\") {
                    order = Int(line.dropFirst().prefix { $0.isNumber }) ?? 0
                    continue
                }
                guard order > 0, !line.hasPrefix("#") else { continue }
                let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
                guard fields.count >= order + 1, let p = Double(fields[0]) else { continue }
                let words = Array(fields[1...order])
                entries[words] = (p, fields.count > order + 1 ? Double(fields[order + 1]) ?? 0 : 0)
                if order == 1 { vocabulary.append(words[0]) }
            }
        }
        func log10Probability(of words: [String]) -> Double {
            if let e = entries[words] { return e.p }
            guard words.count > 1 else { return -99 }
            let history = Array(words.dropLast())
            return (entries[history]?.bo ?? 0) + log10Probability(of: Array(words.dropFirst()))
        }
    }

    /// The two models as .lm.bin in a scratch folder, and the static mix's ARPA text.
    struct Fixture {
        var folder: URL
        var domain: String { folder.appendingPathComponent("domain.lm.bin").path }
        var general: String { folder.appendingPathComponent("general.lm.bin").path }
        var mix: String { folder.appendingPathComponent("mix.arpa").path }
        init(exponent: Double = 1, hesitationsAsDecoded: Bool = false) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("staticmix-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in [("domain", StaticMixTests.domainARPA), ("general", StaticMixTests.generalARPA)] {
                let arpa = folder.appendingPathComponent(name + ".arpa").path
                try text.write(toFile: arpa, atomically: true, encoding: .utf8)
                try RehearseLM.convert(arpa, to: folder.appendingPathComponent(name + ".lm.bin").path)
            }
            _ = try StaticMix.write(domain: domain, general: general, domainWeight: 0.6, exponent: exponent,
                                    arpaPath: mix, header: ["test"], hesitationsAsDecoded: hesitationsAsDecoded)
        }
    }

    static let weight = 0.6

    /// log10 of the run-time mix computed from each model alone, read through sphinxbase.
    static func mixed(_ words: [String], domain: SphinxModel, general: SphinxModel, exponent: Double = 1) -> Double {
        let d = domain.log10Probability(of: words), g = general.log10Probability(of: words)
        let sum = weight * pow(10, exponent * d) + (1 - weight) * pow(10, exponent * g)
        return log10(sum) / exponent
    }

    @Test("the trie reader lists exactly the n-grams of the ARPA text, with sphinxbase's probabilities")
    func trieReaderListsTheModel() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        for (path, text) in [(f.domain, Self.domainARPA), (f.general, Self.generalARPA)] {
            let file = try TrieModelFile(path: path)
            let arpa = Arpa(text)
            let model = try SphinxModel(path: path)
            #expect(Set(file.words) == Set(arpa.vocabulary))
            let bigrams = Set(file.bigrams.map { [file.words[Int($0.first)], file.words[Int($0.second)]] })
            let trigrams = Set(file.trigrams.map { [file.words[Int($0.first)], file.words[Int($0.second)], file.words[Int($0.third)]] })
            #expect(bigrams == Set(arpa.entries.keys.filter { $0.count == 2 }))
            #expect(trigrams == Set(arpa.entries.keys.filter { $0.count == 3 }))
            let toLog10 = log10(1.0001)
            for b in file.bigrams {
                let words = [file.words[Int(b.first)], file.words[Int(b.second)]]
                #expect(abs(Double(b.probability) * toLog10 - model.log10Probability(of: words)) < 1e-3, "\(words)")
                #expect(abs(Double(b.backoff) * toLog10 - arpa.entries[words]!.bo) < 1e-3, "\(words) backoff")
            }
        }
    }

    @Test("every n-gram either model lists scores in the static mix as in the run-time mix")
    func listedNGramsMatchTheSet() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let domain = try SphinxModel(path: f.domain), general = try SphinxModel(path: f.general)
        let mix = try SphinxMixScorer(domain: f.domain, general: f.general, domainWeight: Self.weight)
        let written = Arpa(try String(contentsOfFile: f.mix, encoding: .utf8))
        let listed = Set(Arpa(Self.domainARPA).entries.keys).union(Arpa(Self.generalARPA).entries.keys)
        #expect(listed.isSubset(of: Set(written.entries.keys)))
        for words in written.entries.keys where words.last != "<s>" {
            let expected = Self.mixed(words, domain: domain, general: general)
            // The set adds <UNK> to the union's words with no probability in either model.
            if expected < -98 {
                #expect(written.log10Probability(of: words) <= -99, "\(words)")
                continue
            }
            #expect(abs(written.log10Probability(of: words) - expected) < 2e-4, "\(words)")
            #expect(abs(mix.log10Probability(of: words) - expected) < 2e-4, "set \(words)")
        }
    }

    @Test("after every history the static mix keeps the run-time mix's probability mass")
    func backoffKeepsEachHistorysMass() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let domain = try SphinxModel(path: f.domain), general = try SphinxModel(path: f.general)
        let written = Arpa(try String(contentsOfFile: f.mix, encoding: .utf8))
        let words = written.vocabulary.filter { $0 != "<s>" }
        let histories = written.vocabulary.map { [$0] } + written.entries.keys.filter { $0.count == 2 }
            + [["cat", "the"], ["queue", "lambda"]]
        for h in histories where h.last != "</s>" {
            let staticMass = words.reduce(0.0) { $0 + pow(10, written.log10Probability(of: h + [$1])) }
            let mixMass = words.reduce(0.0) { $0 + pow(10, Self.mixed(h + [$1], domain: domain, general: general)) }
            #expect(abs(staticMass - mixMass) < 1e-3 * mixMass, "after \(h): \(staticMass) against \(mixMass)")
        }
    }

    @Test("whole sentences: equal where every n-gram is listed, within the models' backoff spread where not")
    func sentencesScoreAsTheSet() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let domain = try SphinxModel(path: f.domain), general = try SphinxModel(path: f.general)
        let written = Arpa(try String(contentsOfFile: f.mix, encoding: .utf8))
        func total(_ sentence: [String], _ score: ([String]) -> Double) -> Double {
            (1..<sentence.count).reduce(0.0) { $0 + score(Array(sentence[max(0, $1 - 2)...$1])) }
        }
        for text in ["<s> the queue retries </s>", "<s> the cat sat </s>"] {
            let s = text.split(separator: " ").map(String.init)
            let a = total(s, written.log10Probability), b = total(s) { Self.mixed($0, domain: domain, general: general) }
            #expect(abs(a - b) < 1e-3, "\(text): \(a) against \(b)")
        }
        // Backing off, one weight per history stands for two: the difference per word is at
        // most the gap between the two models' own backoff weights.
        let domainArpa = Arpa(Self.domainARPA), generalArpa = Arpa(Self.generalARPA)
        var largest = 0.0
        for text in ["<s> the dog retries </s>", "<s> cat queue um lambda </s>", "<s> ran the retries sat </s>"] {
            let s = text.split(separator: " ").map(String.init)
            for i in 1..<s.count {
                let g = Array(s[max(0, i - 2)...i])
                let d = abs(written.log10Probability(of: g) - Self.mixed(g, domain: domain, general: general))
                var spread = 0.0
                for cut in [Array(g.dropLast()), Array(g.dropLast().dropFirst())] where !cut.isEmpty {
                    spread += abs((domainArpa.entries[cut]?.bo ?? 0) - (generalArpa.entries[cut]?.bo ?? 0))
                }
                #expect(d <= spread + 1e-3, "\(g): \(d) over the spread \(spread)")
                largest = max(largest, d)
            }
        }
        #expect(largest > 0.01, "these sentences back off where the models' weights differ, so they differ somewhere")
    }

    @Test("a hesitation keeps what the decoder's run-time mix gives it, more than the linear mix would; other words do not move")
    func hesitationsKeepTheirBonus() throws {
        let f = try Fixture(hesitationsAsDecoded: true)
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let domain = try SphinxModel(path: f.domain), general = try SphinxModel(path: f.general)
        let written = Arpa(try String(contentsOfFile: f.mix, encoding: .utf8))
        let hesitations = written.entries.keys.filter { $0.last == "um" }
        #expect(!hesitations.isEmpty)
        for words in hesitations {
            let linear = Self.mixed(words, domain: domain, general: general)
            let decoder = Self.mixed(words, domain: domain, general: general, exponent: StaticMix.hesitationWeight)
            #expect(abs(written.log10Probability(of: words) - decoder) < 2e-4, "\(words)")
            #expect(decoder > linear + 0.01, "\(words): the decoder's view of the mix is nearer the larger model")
        }
        for words in written.entries.keys where words.last != "um" && words.last != "<s>" {
            let linear = Self.mixed(words, domain: domain, general: general)
            guard linear > -98 else { continue }
            #expect(abs(written.log10Probability(of: words) - linear) < 2e-4, "\(words)")
        }
    }

    @Test("with the decoder's language weight the set mixes p^L, and the exponent option writes that")
    func decoderWeightMixesPowers() throws {
        let f = try Fixture(exponent: 6.5)
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let domain = try SphinxModel(path: f.domain), general = try SphinxModel(path: f.general)
        let mix = try SphinxMixScorer(domain: f.domain, general: f.general, domainWeight: Self.weight, exponent: 6.5)
        let written = Arpa(try String(contentsOfFile: f.mix, encoding: .utf8))
        for words in [["the", "cat"], ["the", "queue"], ["<s>", "the", "queue"], ["queue"], ["the", "lambda", "retries"]] {
            let linear = Self.mixed(words, domain: domain, general: general)
            let powered = Self.mixed(words, domain: domain, general: general, exponent: 6.5)
            #expect(abs(mix.log10Probability(of: words) - powered) < 2e-4, "set \(words)")
            #expect(abs(written.log10Probability(of: words) - powered) < 2e-4, "written \(words)")
            if words == ["the", "queue"] { #expect(abs(powered - linear) > 0.05, "p^L mixing is not linear mixing") }
        }
    }
}

/// A folder's recognizer.json naming the static mix uses it only when the file is there.
@Suite struct StaticMixSelectionTests {
    @Test("a missing static mix falls back to the run-time mix; a present one is used")
    func fallsBackWhenTheFileIsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("staticmix-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var description = RecognizerModel.Description(
            name: "test", acousticModel: "/nowhere/en-us", languageModel: "domain.lm.bin", dictionary: "test.dict",
            generalLanguageModel: "/nowhere/en-us.lm.bin", domainWeight: 0.6, fillerKeywords: nil)
        description.staticLanguageModel = StaticMixFile.name
        try JSONEncoder().encode(description).write(to: folder.appendingPathComponent(RecognizerModel.descriptionFile))
        let without = try RecognizerModel.directory(folder)
        #expect(without.staticLanguageModel == nil)
        #expect(without.generalLanguageModel == "/nowhere/en-us.lm.bin")
        try Data("Trie Language Model".utf8).write(to: folder.appendingPathComponent(StaticMixFile.name))
        let with = try RecognizerModel.directory(folder)
        #expect(with.staticLanguageModel == folder.appendingPathComponent(StaticMixFile.name).path)
        #expect(with != without, "cached transcripts of one must not pass for the other")
    }
}
