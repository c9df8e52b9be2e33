import Foundation
import Testing
@testable import Analysis

/// Checks every file under Models/lexicon the way LanguageTool checks its rules: each entry's
/// examples must match and its counterExamples must not, and the lists must not contradict
/// themselves. Adding a word is editing JSON; these tests grow with it.
enum LexiconLint {
    static let partLists = ["context", "choice", "tradeoff", "result", "tradeoffAfterChoice"]

    static func cueLists(_ lexicon: Lexicon) -> [(String, [LexiconEntry])] {
        partLists.map { name in
            let groups = name == "tradeoffAfterChoice" ? lexicon.parts.tradeoffAfterChoice : lexicon.parts.parts[name] ?? []
            return (name, groups.flatMap(\.phrases))
        }
    }

    static func wordLists(_ l: Lexicon) -> [(String, [String])] {
        let d = l.decisions, s = l.speaker, f = l.flags, n = l.numbers, fi = l.fillers
        let named: [(String, WordList)] = [
            ("decisions.actionSubjects", d.actionSubjects), ("decisions.actionVerbs", d.actionVerbs),
            ("decisions.weakActionVerbs", d.weakActionVerbs), ("decisions.notActions", d.notActions),
            ("decisions.beVerbs", d.beVerbs), ("decisions.impersonalChoices", d.impersonalChoices),
            ("decisions.motionIdioms", d.motionIdioms), ("decisions.reasons", d.reasons),
            ("decisions.reasonOpeners", d.reasonOpeners), ("decisions.alternatives", d.alternatives),
            ("decisions.motives", d.motives), ("decisions.costWords", d.costWords), ("decisions.riseWords", d.riseWords),
            ("decisions.fallWords", d.fallWords), ("speaker.firstPerson", s.firstPerson),
            ("speaker.hedgingFirstPerson", s.hedgingFirstPerson), ("speaker.possessiveLeads", s.possessiveLeads),
            ("speaker.ownershipI", s.ownershipI), ("speaker.ownershipWe", s.ownershipWe),
            ("flags.definition", f.definition), ("flags.firstPersonDecision", f.firstPersonDecision),
            ("flags.marketing", f.marketing), ("flags.hedges", f.hedges), ("flags.serviceListGlue", f.serviceListGlue),
            ("clauses.openers", l.clauses.openers), ("clauses.pairOpeners", l.clauses.pairOpeners),
            ("clauses.subjectStarts.subjects", WordList(l.clauses.subjectStarts.subjects)),
            ("clauses.subjectStarts.verbs", WordList(l.clauses.subjectStarts.verbs)),
            ("clauses.subjectStarts.notAfter", WordList(l.clauses.subjectStarts.notAfter)),
            ("clauses.timing.notEndingWords", WordList(l.clauses.timing.notEndingWords)),
            ("implied.cues", WordList(l.implied.services.flatMap(\.cues))),
            ("numbers.numberWords", n.numberWords), ("numbers.units", n.units),
            ("fillers.like.governors", fi.like.governors), ("fillers.like.numberStarters", fi.like.numberStarters),
            ("fillers.clauseSubjects", fi.clauseSubjects),
        ]
        return named.map { ($0.0, $0.1.phrases) }
            + [("fillers.hesitations", fi.hesitations.flatMap(\.spellings) + fi.discourse.map(\.phrase)),
               ("services.forms", l.services.services.flatMap(\.forms)),
               ("services.names", l.services.services.map(\.name))]
    }

    /// Every problem found, one line each, naming the list and the phrase.
    static func problems(_ lexicon: Lexicon, dictionary: Set<String>?) -> [String] {
        var out: [String] = []
        let cues = CompiledCues(lexicon)
        func tokens(_ text: String) -> [String] { Tokenizer.tokens(from: Tokenizer.words(fromText: text)).map(\.text) }

        // No phrase twice within a list.
        var lists = cueLists(lexicon).map { ($0.0, $0.1.map(\.phrase)) } + wordLists(lexicon)
        // The after-choice cues are read after the trade-off cues, as one list.
        lists.append(("tradeoff+tradeoffAfterChoice", cueLists(lexicon).filter { $0.0.hasPrefix("tradeoff") }.flatMap { $0.1.map(\.phrase) }))
        for (name, phrases) in lists {
            var seen = Set<String>()
            for p in phrases where !seen.insert(p).inserted { out.append("\(name): \"\(p)\" is listed twice") }
        }

        // A phrase that counts for two parts says so, in every list that has it.
        var listsOf: [String: Set<String>] = [:]
        for (name, entries) in cueLists(lexicon) { for e in entries { listsOf[e.phrase, default: []].insert(name) } }
        for (name, entries) in cueLists(lexicon) {
            for e in entries {
                let all = listsOf[e.phrase]!
                if all.count > 1 && Set(e.parts ?? []) != all {
                    out.append("\(name): \"\(e.phrase)\" counts for \(all.sorted().joined(separator: " and ")) but is not marked \"parts\": \(all.sorted())")
                } else if all.count == 1, let parts = e.parts, Set(parts) != all {
                    out.append("\(name): \"\(e.phrase)\" is marked \(parts) but is only in \(name)")
                }
            }
        }

        // Cue examples (parts and flags): the phrase occurs in each example and in no counterexample.
        let cueEntries = cueLists(lexicon).flatMap { list in list.1.map { (list.0, $0) } }
            + [("flags.marketing", lexicon.flags.marketing), ("flags.hedges", lexicon.flags.hedges),
               ("flags.definition", lexicon.flags.definition)].flatMap { list in list.1.entries.map { (list.0, $0) } }
        for (name, e) in cueEntries {
            let phrase = PhraseMatcher.split(e.phrase)
            for x in e.examples where !cues.contains(phrase, in: tokens(x)) {
                out.append("\(name): \"\(e.phrase)\" does not match its example \"\(x)\"")
            }
            for x in e.counterExamples where cues.contains(phrase, in: tokens(x)) {
                out.append("\(name): \"\(e.phrase)\" matches its counterexample \"\(x)\"")
            }
        }

        // Filler examples: the detector finds the filler in each example and not in a counterexample.
        let fillers = lexicon.fillers
        var fillerCases: [(String, [String], [String])] = [
            ("you know", fillers.youKnow.examples, fillers.youKnow.counterExamples),
            ("i mean", fillers.iMean.examples, fillers.iMean.counterExamples),
            ("like", fillers.like.examples, fillers.like.counterExamples),
        ]
        fillerCases += fillers.hesitations.map { ($0.word, $0.examples ?? [], $0.counterExamples ?? []) }
        fillerCases += fillers.discourse.map { ($0.phrase, $0.examples, $0.counterExamples) }
        for (filler, examples, counterExamples) in fillerCases {
            func found(_ text: String) -> Bool {
                FillerDetector.find(in: Tokenizer.tokens(from: Tokenizer.words(fromText: text)), cues.fillers).contains { $0.text == filler }
            }
            for x in examples where !found(x) { out.append("fillers: \"\(filler)\" is not found in its example \"\(x)\"") }
            for x in counterExamples where found(x) { out.append("fillers: \"\(filler)\" is found in its counterexample \"\(x)\"") }
        }

        // Services: examples name the service, counterexamples do not; every spoken word is in the dictionary.
        for service in lexicon.services.services {
            func names(_ text: String) -> Bool { ServiceCatalog.mentions(in: tokens(text), cues.services).contains { $0.name == service.name } }
            for x in service.examples ?? [] where !names(x) { out.append("services: \(service.name) is not found in its example \"\(x)\"") }
            for x in service.counterExamples ?? [] where names(x) { out.append("services: \(service.name) is found in its counterexample \"\(x)\"") }
            guard let dictionary else { continue }
            for form in service.forms where !(service.writtenOnly ?? []).contains(form) {
                // Forms with digits are how people write a name ("route 53"); they are not said so.
                for word in tokens(form) where !word.contains(where: \.isNumber) && !dictionary.contains(word) {
                    out.append("services: \(service.name): \"\(word)\" (in \"\(form)\") is not in Models/rehearse.dict")
                }
            }
        }
        // Implied services: each names a catalog service; examples imply it, counterexamples do not.
        let catalog = Set(lexicon.services.services.map(\.name))
        for entry in lexicon.implied.services {
            for name in [entry.service] + (entry.alsoNamedBy ?? []) where !catalog.contains(name) {
                out.append("implied: \(name) is not a service in services.json")
            }
            func implies(_ text: String) -> Bool {
                AnswerAnalyzer(lexicon: lexicon).analyze(text: text).impliedServices.contains { $0.service == entry.service }
            }
            for x in entry.examples ?? [] where !implies(x) { out.append("implied: \(entry.service) is not implied by its example \"\(x)\"") }
            for x in entry.counterExamples ?? [] where implies(x) { out.append("implied: \(entry.service) is implied by its counterexample \"\(x)\"") }
        }

        // Spoken durations are measures; their counterexamples are not.
        let durations = lexicon.numbers.durations
        for x in durations.examples where !Quantities.hasMeasurement(tokens(x)[...], cues.numbers) {
            out.append("numbers.durations: \"\(x)\" is not a measure")
        }
        for x in durations.counterExamples where Quantities.hasMeasurement(tokens(x)[...], cues.numbers) {
            out.append("numbers.durations: counterexample \"\(x)\" is a measure")
        }
        let comparisons = lexicon.numbers.comparisons
        for x in comparisons.examples where !Quantities.hasMeasurement(tokens(x)[...], cues.numbers) {
            out.append("numbers.comparisons: \"\(x)\" is not a measure")
        }
        for x in comparisons.counterExamples where Quantities.hasMeasurement(tokens(x)[...], cues.numbers) {
            out.append("numbers.comparisons: counterexample \"\(x)\" is a measure")
        }

        // A subject and its verb start a clause in the examples and not in the counterexamples.
        let starts = lexicon.clauses.subjectStarts
        func clauseCount(_ text: String) -> Int {
            let t = Tokenizer.tokens(from: Tokenizer.words(fromText: text))
            return ClauseSplitter.split(t, masked: t.map(\.text), cues: cues).count
        }
        for x in starts.examples where clauseCount(x) < 2 { out.append("clauses.subjectStarts: \"\(x)\" is not cut") }
        for x in starts.counterExamples where clauseCount(x) > 1 { out.append("clauses.subjectStarts: counterexample \"\(x)\" is cut") }
        return out
    }

    static func dictionaryWords() throws -> Set<String> {
        let url = try #require(ModelsDirectory.locate()).appendingPathComponent("rehearse.dict")
        let text = try String(contentsOf: url, encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.map { String($0.prefix { $0 != "(" }) }
        })
    }
}

@Suite struct LexiconLintTests {
    @Test func theLexiconLoadsFromTheModelsFolder() throws {
        let lexicon = try Lexicon.standard.get()
        #expect(lexicon.services.services.count > 50)
        #expect(lexicon.parts.parts.keys.sorted() == AnswerPart.allCases.map(\.rawValue).sorted())
    }

    /// One test runs every entry's examples and every list check.
    @Test func everyEntryHoldsUp() throws {
        let problems = LexiconLint.problems(try Lexicon.standard.get(), dictionary: try LexiconLint.dictionaryWords())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The checks catch what they are for: a repeat, an unmarked shared cue, a wrong example, a
    /// service word the recognizer cannot say.
    @Test func theLintCatchesMistakes() throws {
        var lexicon = try Lexicon.standard.get()
        lexicon.parts.parts["result"]![0].phrases.append(LexiconEntry("halved"))
        lexicon.parts.parts["choice"]![0].phrases.append(LexiconEntry("the problem"))
        lexicon.parts.parts["context"]![0].phrases.append(LexiconEntry("nobody wanted", examples: ["we all wanted it"]))
        lexicon.fillers.discourse.append(LexiconEntry("literally", counterExamples: ["it literally stopped"]))
        lexicon.services.services.append(.init(name: "Qzxv", category: "test", forms: ["qzxv"], examples: ["we used qzxv"]))
        let problems = LexiconLint.problems(lexicon, dictionary: try LexiconLint.dictionaryWords())
        #expect(problems.contains("result: \"halved\" is listed twice"))
        #expect(problems.contains { $0.hasPrefix("choice: \"the problem\" counts for choice and context") })
        #expect(problems.contains("context: \"nobody wanted\" does not match its example \"we all wanted it\""))
        #expect(problems.contains("fillers: \"literally\" is found in its counterexample \"it literally stopped\""))
        #expect(problems.contains("services: Qzxv: \"qzxv\" (in \"qzxv\") is not in Models/rehearse.dict"))
        #expect(problems.count == 6, "\(problems)")
    }

    @Test func aBrokenFileIsNamedWithWhatIsWrong() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try #require(ModelsDirectory.locate()).appendingPathComponent("lexicon")
        for name in Lexicon.fileNames {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let fillers = dir.appendingPathComponent("fillers.json")
        let text = try String(contentsOf: fillers, encoding: .utf8).replacingOccurrences(of: "\"spellings\"", with: "\"spelling\"")
        try text.write(to: fillers, atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try Lexicon.load(from: dir) }
        do { _ = try Lexicon.load(from: dir) } catch {
            #expect(error.description.contains("fillers.json"))
            #expect(error.description.contains("missing \"spellings\" at hesitations[0]"), "\(error.description)")
        }
        try FileManager.default.removeItem(at: fillers)
        do { _ = try Lexicon.load(from: dir) } catch {
            #expect(error.description.hasPrefix("cannot read \(fillers.path)"), "\(error.description)")
        }
    }
}

/// A newcomer adds a word by editing data, never a Swift list.
@Suite struct LexiconNewcomerTests {
    @Test func addingAFillerWordMakesTheAnalyzerCountIt() throws {
        let text = "we literally moved the queue to sqs because it literally kept timing out"
        var lexicon = try Lexicon.standard.get()
        #expect(AnswerAnalyzer(lexicon: lexicon).analyze(text: text).fillers.byWord["literally"] == nil)
        lexicon.fillers.discourse.append(LexiconEntry("literally"))
        let report = AnswerAnalyzer(lexicon: lexicon).analyze(text: text)
        #expect(report.fillers.byWord["literally"] == 2)
        #expect(!report.transcript.text.isEmpty)
    }

    @Test func addingAServiceMakesTheAnalyzerNameIt() throws {
        let text = "we moved the edge tier to wave length zones because players in the city needed single digit latency"
        var lexicon = try Lexicon.standard.get()
        #expect(!AnswerAnalyzer(lexicon: lexicon).analyze(text: text).services.contains("Wavelength"))
        lexicon.services.services.append(.init(name: "Wavelength", category: "networking", forms: ["wavelength", "wave length"]))
        let analyzer = AnswerAnalyzer(lexicon: lexicon)
        #expect(analyzer.analyze(text: text).services == ["Wavelength"])
        #expect(ServiceCatalog.canonicalName(for: "wave length", index: ServiceIndex(lexicon.services)) == "Wavelength")
    }
}
