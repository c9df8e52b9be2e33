import ArgumentParser
import Foundation
import Analysis
import AudioFiles
import PocketSphinx
import SpeechCore

/// Builds the domain language model, dictionary and filler keyword list in Models/ from the
/// answers in Models/corpus. Reads nothing else: the ASR development corpus under Tests/ is
/// never training text (see docs/language-model.md).
@main
struct RehearseLM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse-lm",
        abstract: "Build Rehearse's AWS-domain language model and dictionary from Models/corpus.",
        discussion: """
        Writes, in --output:
          rehearse-domain.arpa     Kneser-Ney trigram (ARPA, written here)
          rehearse-domain.lm.bin   the same, via sphinx_lm_convert
          rehearse.dict            cmudict + AWS names, acronyms, derived words
          fillers.kws              keyword list for "um" and "uh"
          recognizer.json          what `rehearse score --model` loads
          rehearse-mix.lm.bin      with --static-mix only: the domain and general models
                                   mixed into one (rebuilt with the rest when it exists)
        """)

    @Option(help: "Folder of training answers (*.txt).")
    var corpus = "Models/corpus"

    @Option(help: ArgumentHelp("Question bank whose prompts, key points and follow-ups are added to the training text (\"\" for none).", valueName: "path"))
    var questions = "Models/questions"

    @Option(help: "Where to write the model files.")
    var output = "Models"

    @Option(help: ArgumentHelp("Lexicon folder: AWS service spellings, pronunciations (the analyzer reads the same files).", valueName: "path"))
    var lexicon = "Models/lexicon"

    @Option(help: "CMUdict to take pronunciations from.")
    var cmudict = RecognizerModel.debianDirectory + "/cmudict-en-us.dict"

    @Option(help: "General English model mixed in at run time.")
    var general = RecognizerModel.debianDirectory + "/en-us.lm.bin"

    @Option(help: "Weight of the domain model in the mix (0–1).")
    var domainWeight = 0.6

    @Option(help: "Factor on the language-model probability of \"um\" (an insertion bonus; 1 = its rate in the corpus).")
    var hesitationBonus = 4.0

    /// "uh" is one vowel, the same AH as "a" or the end of "the": the acoustics barely separate
    /// it, so the decoder needs a larger push to write it than "um" (AH M). See docs/language-model.md.
    @Option(help: "Factor on the language-model probability of \"uh\", a lone vowel the acoustics barely tell from \"a\".")
    var uhBonus = 12.0

    /// Under background noise the acoustics of a name blur ("cloudwatch logs" heard as "like
    /// what logs"); a small push keeps the name in the race. 3 was the knee on noisy answers
    /// 9–36 and flite awb: 6 found one name more and twice the false ones. See
    /// docs/language-model.md, "AWS names get a small bonus".
    @Option(help: "Factor on the language-model probability of one-token AWS service names (\"cloudwatch\", \"sqs\"); 1 = their rate in the corpus.")
    var serviceBonus = 3.0

    @Flag(help: ArgumentHelp("Only write rehearse-mix.lm.bin in --output: the domain model there mixed with --general into one model, which the decoder then uses instead of mixing the two at run time. The domain model is not rebuilt.", valueName: "static-mix"))
    var staticMix = false

    /// 1 is linear interpolation (SRILM's -mix-lm). The decoder's language weight (6.5)
    /// reproduces what the run-time mix scores inside the decoder (docs/recognizer.md).
    @Option(help: "With --static-mix: interpolate p^L instead of p (1 = linear; the decoder's language weight 6.5 = what the run-time mix scores in the decoder).")
    var mixExponent = StaticMixFile.defaultExponent

    @Flag(help: "Turn on the keyword-spotting pass for um/uh in recognizer.json (more filler recall, less precision; see docs/recognizer.md, Keyword spotting).")
    var keywordPass = false

    @Option(help: ArgumentHelp("Held-out text that must not appear in the corpus (JSON list of {text}); checked, never read as training text.", valueName: "path"))
    var heldOut: [String] = ["Tests/Data/asr-dev/answers.json", "Tests/Data/asr-dev/new-services.json"]

    /// Search limits measured with `rehearse eval-asr` (docs/recognizer.md, "Decoder
    /// settings"): at most 5000 active HMMs per frame and the top 2 Gaussians per mixture cut CPU
    /// by about a quarter on clean speech and 40% under noise, with the same word error rate.
    static let decoderArguments = ["-maxhmmpf": "5000", "-topn": "2"]

    /// The names `--service-bonus` raises: every one-token form but those the lexicon keeps out
    /// ("iam", which the dictionary also says AY AE M, "I am" run together. Raised, it took "when
    /// i am done" and "my first vpc i um put", 28 Nov, the benchmark at 10:03).
    static func raisedNames(_ lexicon: Lexicon) -> Set<String> {
        ServiceCatalog.singleTokenForms(of: lexicon).subtracting(lexicon.services.notRaisedInLanguageModel.phrases)
    }

    func validate() throws {
        if !(0.05...1).contains(domainWeight) { throw ValidationError("--domain-weight must be between 0.05 and 1") }
        if !(1...100).contains(hesitationBonus) { throw ValidationError("--hesitation-bonus must be between 1 and 100") }
        if !(1...100).contains(uhBonus) { throw ValidationError("--uh-bonus must be between 1 and 100") }
        if !(1...100).contains(serviceBonus) { throw ValidationError("--service-bonus must be between 1 and 100") }
        if !(1...20).contains(mixExponent) { throw ValidationError("--mix-exponent must be between 1 and 20") }
    }

    func run() throws {
        if staticMix {
            try StaticMixFile.build(in: output, exponent: mixExponent)
            return
        }
        let fm = FileManager.default
        let words: Lexicon
        do { words = try Lexicon.load(from: URL(fileURLWithPath: lexicon, isDirectory: true)) }
        catch { throw ValidationError(error.description) }
        let raisedNames = Self.raisedNames(words)
        var tokenizer = CorpusTokenizer(lexicon: words)
        let training = try TrainingText.read(corpus: corpus, questions: questions, tokenizer: &tokenizer)
        let files = training.files
        let sentences = training.sentences
        let questionSentences = training.bank.count
        let heldOutFiles = heldOut.filter { fm.fileExists(atPath: $0) }
        for missing in heldOut where !heldOutFiles.contains(missing) {
            print("note: \(missing) not found, so it was not checked for leaks into the corpus")
        }
        try HeldOutCheck.verify(training: sentences, heldOutFiles: heldOutFiles, tokenizer: tokenizer)

        var counter = KneserNeyTrigram()
        for s in sentences { counter.add(sentence: s) }
        let estimated = counter.estimate()
        // The bonuses are relative to how often the spoken answers hesitate. The question bank is
        // written text with no fillers, so it thins every hesitation's probability by the share
        // of tokens it adds; scaling the bonuses by that share keeps a hesitation as likely per
        // spoken word as it was without the bank.
        let tokens = sentences.reduce(0) { $0 + $1.count }
        let spokenTokens = sentences.dropLast(questionSentences).reduce(0) { $0 + $1.count }
        let dilution = Double(tokens) / Double(max(1, spokenTokens))
        let umFactor = hesitationBonus * dilution, uhFactor = uhBonus * dilution
        let model = estimated.boosting(["um"], by: umFactor).boosting(["uh"], by: uhFactor)
            .boosting(raisedNames, by: serviceBonus)
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let arpaPath = output + "/rehearse-domain.arpa"
        let binPath = output + "/rehearse-domain.lm.bin"
        let header = ["Rehearse AWS-domain trigram, interpolated Kneser-Ney, built by rehearse-lm",
                      "corpus: \(files.count) files and \(questionSentences) question-bank sentences, \(sentences.count) sentences, \(tokens) tokens",
                      String(format: "discounts: D2 %.3f, D3 %.3f", model.discounts[1], model.discounts[2]),
                      String(format: "um n-grams raised by log10(%.3g), uh by log10(%.3g) (hesitation bonus x %.3f for the question bank's share; not renormalised)", umFactor, uhFactor, dilution)]
            + (serviceBonus == 1 ? [] : [String(format: "one-token AWS service names raised by log10(%g) (not renormalised)", serviceBonus)])
        try model.arpa(header: header).write(toFile: arpaPath, atomically: true, encoding: .utf8)
        try Self.convert(arpaPath, to: binPath)

        var dictionary = try PronunciationDictionary(cmudictPath: cmudict, pronunciations: words.pronunciations)
        let vocabulary = model.vocabulary
        let guessed = dictionary.cover(vocabulary, acronyms: tokenizer.acronyms)
        // Every cmudict word stays: the general model still proposes ordinary English.
        try dictionary.text(words: dictionary.allWords).write(toFile: output + "/rehearse.dict", atomically: true, encoding: .utf8)
        try FillerKeywords.text.write(toFile: output + "/fillers.kws", atomically: true, encoding: .utf8)

        let description = RecognizerModel.Description(
            name: "rehearse AWS domain + en-us",
            acousticModel: RecognizerModel.debianDirectory + "/en-us",
            languageModel: "rehearse-domain.lm.bin",
            dictionary: "rehearse.dict",
            generalLanguageModel: general,
            domainWeight: domainWeight,
            fillerKeywords: keywordPass ? "fillers.kws" : nil,
            decoderArguments: Self.decoderArguments)
        // A folder that uses a static mix keeps it (rebuilt below from the new domain model).
        var describedModel = description
        let jsonPath = output + "/" + RecognizerModel.descriptionFile
        let previous = try? JSONDecoder().decode(RecognizerModel.Description.self, from: Data(contentsOf: URL(fileURLWithPath: jsonPath)))
        describedModel.staticLanguageModel = previous?.staticLanguageModel
        describedModel.roomTransform = previous?.roomTransform   // scripts/build-room-transform.sh makes it
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(describedModel).write(to: URL(fileURLWithPath: jsonPath))

        print("corpus      \(files.count) files + \(questionSentences) question-bank sentences, \(sentences.count) sentences, \(tokens) tokens, \(vocabulary.count) words")
        print("trigram     \(model.unigrams.count) / \(model.bigrams.count) / \(model.trigrams.count) n-grams -> \(binPath)")
        let guesses = guessed.isEmpty ? "none spelled as letters" : "\(guessed.count) spelled as letters: \(guessed.sorted().prefix(60).joined(separator: " "))"
        print("dictionary  \(output)/rehearse.dict (\(guesses))")
        print(String(format: "hesitations um probabilities x%.2f, uh x%.2f (bonuses %g and %g, x%.3f for the question bank's share of the text)", umFactor, uhFactor, hesitationBonus, uhBonus, dilution))
        if serviceBonus != 1 { print(String(format: "services    %d one-token AWS names x%g", raisedNames.count, serviceBonus)) }
        print("mix         domain weight \(domainWeight) with \(general) at run time")
        // A static mix of the old domain model would be stale: rebuild it with the rest.
        if describedModel.staticLanguageModel != nil || fm.fileExists(atPath: output + "/" + StaticMixFile.name) {
            try StaticMixFile.build(in: output, exponent: mixExponent)
        }
    }

    static func convert(_ arpa: String, to bin: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sphinx_lm_convert")
        process.arguments = ["-i", arpa, "-ifmt", "arpa", "-o", bin, "-ofmt", "bin"]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        do { try process.run() } catch {
            throw ValidationError("cannot run sphinx_lm_convert (apt-get install sphinxbase-utils): \(error)")
        }
        let output = log.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "\n")
            throw ValidationError("sphinx_lm_convert failed on \(arpa):\n\(lines)")
        }
    }
}

/// What rehearse-lm trains on, in the order it reads it: the corpus's answers (every
/// `*.txt`, sorted), then the question bank's prompts, key points and follow-ups, all through
/// one tokenizer. The leak tests read training text through this same function.
struct TrainingText {
    var files: [String]
    /// The corpus's sentences: spoken-style answers.
    var spoken: [[String]]
    /// The question bank's sentences: written text, no hesitations.
    var bank: [[String]]
    var sentences: [[String]] { spoken + bank }

    /// `questions` empty: no question bank.
    static func read(corpus: String, questions: String, tokenizer: inout CorpusTokenizer) throws -> TrainingText {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        guard !files.isEmpty else { throw ValidationError("\(corpus): no .txt files") }
        var spoken: [[String]] = []
        for file in files {
            spoken += tokenizer.sentences(in: try String(contentsOfFile: corpus + "/" + file, encoding: .utf8))
        }
        // Candidates echo the question ("so the nightly job hits the time limit…") and say the
        // things its key points list; the bank's sentences are written text, not speech, so they
        // are a small addition next to the spoken answers (about an eighth of the tokens).
        var bank: [[String]] = []
        if !questions.isEmpty {
            let questionBank: QuestionBank
            do { questionBank = try QuestionBank(contentsOf: URL(fileURLWithPath: questions)) }
            catch { throw ValidationError("\(questions): cannot read the question bank: \(error)") }
            bank = tokenizer.sentences(in: QuestionText.sentences(of: questionBank).joined(separator: "\n"))
        }
        return TrainingText(files: files, spoken: spoken, bank: bank)
    }
}

/// Refuses to build when held-out evaluation text has leaked into the training corpus.
enum HeldOutCheck {
    static let window = 8

    /// A run of `window` tokens that a held-out answer shares with the training text.
    struct SharedRun: Hashable, CustomStringConvertible {
        var file: String
        var id: String
        var run: String
        var description: String { "\(id) (\(URL(fileURLWithPath: file).lastPathComponent)): \"\(run)\"" }
    }

    static func verify(training: [[String]], heldOutFiles: [String], tokenizer: CorpusTokenizer) throws {
        if let first = try sharedRuns(training: training, heldOutFiles: heldOutFiles, tokenizer: tokenizer).first {
            throw ValidationError("held-out text from \(first.file) appears in the training corpus: \"\(first.run)\" (\(first.id))")
        }
    }

    /// Every run of `window` tokens that a held-out answer shares with a training sentence. The
    /// held-out text goes through the training tokenizer (a copy, so its acronyms never reach
    /// the dictionary) after its `<pause N>` markers are removed.
    static func sharedRuns(training: [[String]], heldOutFiles: [String], tokenizer: CorpusTokenizer) throws -> [SharedRun] {
        var seen = Set<String>()
        for s in training where s.count >= window {
            for i in 0...(s.count - window) { seen.insert(s[i..<i + window].joined(separator: " ")) }
        }
        var tokenizer = tokenizer
        var found: [SharedRun] = []
        for file in heldOutFiles {
            struct Item: Decodable { var id: String?; var text: String }
            let items = try JSONDecoder().decode([Item].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            for (n, item) in items.enumerated() {
                let text = item.text.replacingOccurrences(of: #"<pause [0-9.]+>"#, with: " ", options: .regularExpression)
                for words in tokenizer.sentences(in: text) where words.count >= window {
                    for i in 0...(words.count - window) {
                        let gram = words[i..<i + window].joined(separator: " ")
                        if seen.contains(gram) { found.append(SharedRun(file: file, id: item.id ?? "#\(n + 1)", run: gram)) }
                    }
                }
            }
        }
        return found
    }
}

/// Keyword-spotting list for the second pass. Measured on 16 clean dev recordings (two
/// flite voices): "uh" is one phone (AH), so it needs a far stricter threshold than "um"
/// (AH M); at 1e+1 it fired on most schwas (filler precision 0.60), at 1e+2 precision was
/// 0.71 and recall 0.81, at 1e+3 precision 0.86 and recall 0.71. We keep the stricter one:
/// a false "uh" tells someone they hesitated when they did not.
enum FillerKeywords {
    static let text = """
    um /1/
    uh /1e+3/

    """
}

/// The question bank as training text: each prompt, key point and follow-up on its own line.
/// Key-point phrases are left out: they are fragments, and as sentences they would teach the
/// model that "dead letter queue" starts and ends an utterance.
enum QuestionText {
    static func sentences(of bank: QuestionBank) -> [String] {
        bank.questions.flatMap { q in [q.prompt] + q.keyPoints.map(\.point) + q.followUps.map(\.text) }
    }
}
