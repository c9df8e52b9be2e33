/// The shared analyzer: timed words (or plain text) in, an `AnswerReport` out.
/// Pure Swift with no audio or C: the same code scores a recording, a live take and a typed answer.
public struct AnswerAnalyzer: Sendable {
    public var question: Question?
    public var alternatives: AlternativesMap
    /// Set when the answer replies to "why `chosen` and not `other`?".
    public var followUpTo: (chosen: String, other: String)?
    /// Set when the answer replies to the question's follow-up `number` (from 1): it is then
    /// judged by the follow-up rubric against that follow-up's points.
    public var followUp: (number: Int, followUp: FollowUp)?
    /// The first answer's text, when a follow-up answer is judged beside it (to tell a retelling).
    public var firstAnswer: String?
    /// The rubric to judge by, instead of the question's kind (or the one the answer reads as).
    public var kind: RubricKind?
    /// Rubrics and key-point matching rules; nil reads Models/rubrics.json (`RubricBook.standard`).
    public var rubrics: RubricBook?
    /// Wrong beliefs checked whatever the question; nil reads Models/misconceptions.json
    /// (`CommonMisconceptions.standard`).
    public var commonMisconceptions: CommonMisconceptions?
    /// AWS quotas and defaults checked whatever the question; nil reads Models/limits.json
    /// (`ServiceLimits.standard`).
    public var serviceLimits: ServiceLimits?
    /// The words the rules read. Setting it recompiles them.
    public var lexicon: Lexicon {
        didSet { cues = CompiledCues(lexicon); lexiconProblem = nil }
    }
    private var cues: CompiledCues
    /// Why the standard lexicon could not be read, when it was not; every report then says so.
    private var lexiconProblem: LexiconError?

    /// `lexicon` nil reads the standard one (`Lexicon.standard`, Models/lexicon). When that cannot
    /// be read the analyzer still runs, with no words, and every report carries the reason as a
    /// warning; a program should check `Lexicon.standard` first and stop with its error.
    public init(question: Question? = nil, alternatives: AlternativesMap = AlternativesMap(),
                followUpTo: (chosen: String, other: String)? = nil, lexicon: Lexicon? = nil) {
        self.question = question
        self.alternatives = alternatives
        self.followUpTo = followUpTo
        if let lexicon {
            self.lexicon = lexicon
            cues = CompiledCues(lexicon)
        } else {
            switch Lexicon.standard {
            case .success(let standard): self.lexicon = standard
            case .failure(let error): self.lexicon = .empty; lexiconProblem = error
            }
            cues = .standard
        }
    }

    /// Analyses typed or pasted text (no times: pace and pauses are not measured).
    public func analyze(text: String) -> AnswerReport {
        analyze(words: Tokenizer.words(fromText: text))
    }

    /// Analyses recognizer words (with times) or text words (without).
    public func analyze(words: [Word], source: AnswerReport.SourceInfo? = nil, warnings: [String] = []) -> AnswerReport {
        let tokens = Tokenizer.tokens(from: words)
        let fillerMatches = FillerDetector.find(in: tokens, cues.fillers)
        var fillerTokenSet = Set<Int>()
        for m in fillerMatches { fillerTokenSet.formUnion(m.tokenRange) }
        // A word is a filler when every token it produced is one ("um," or "like").
        let tokensByWord = Dictionary(grouping: tokens.indices, by: { tokens[$0].wordIndex })
        let fillerWords = Set(tokensByWord.filter { $0.value.allSatisfy(fillerTokenSet.contains) }.keys)
        var content = tokens.enumerated().filter { !fillerTokenSet.contains($0.offset) }.map(\.element)
        // A filler between two words ends no phrase, but punctuation on the filler ("um,") does.
        for m in fillerMatches where m.tokenRange.lowerBound > 0 && tokens[m.tokenRange.upperBound - 1].breakAfter {
            if let idx = content.lastIndex(where: { $0.wordIndex < tokens[m.tokenRange.lowerBound].wordIndex }) {
                content[idx].breakAfter = true
                content[idx].sentenceEnd = content[idx].sentenceEnd || tokens[m.tokenRange.upperBound - 1].sentenceEnd
            }
        }

        let timed = words.contains { $0.start != nil && $0.end != nil }
        let pacing = PacingAnalysis.measure(words: words, contentCount: content.count, timed: timed)
        let fillers = PacingAnalysis.fillers(fillerMatches, tokens: tokens, words: words, pacing: pacing,
                                             contentCount: content.count, timed: timed)
        let contentTexts = content.map(\.text)
        let mentions = ServiceCatalog.mentions(in: contentTexts, cues.services)
        var masked = contentTexts
        for m in mentions { for i in m.tokenRange { masked[i] = ServiceCatalog.placeholder } }
        let silenceBefore: [Double?] = content.indices.map { i in
            let w = content[i].wordIndex
            guard w > 0, i == 0 || content[i - 1].wordIndex != w,
                  let start = words[w].start, let end = words[w - 1].end else { return nil }
            return start - end
        }
        let clauses = ClauseSplitter.split(content, masked: masked, silenceBefore: silenceBefore, cues: cues)
        var services: [String] = []
        for m in mentions where !services.contains(m.name) { services.append(m.name) }
        let implied = ImpliedServiceDetector.find(masked: masked, words: contentTexts, named: Set(services), cues.implied)

        let structure = StructureDetector.detect(clauses: clauses, cues: cues)
        var flags = FlagDetector.detect(clauses: clauses, structure: structure, mentions: mentions, tokens: masked, words: contentTexts,
                                            cues: cues)
        flags.flags.noSpeech = content.isEmpty
        let timing = PartTimingAnalysis.measure(segments: structure.segments, pacing: pacing, words: words,
                                                decisionStart: structure.decisionStart)
        flags.flags.longPreamble = timing.longPreamble
        let ownership = OwnershipAnalysis.measure(tokens: contentTexts, question: question, cues: cues)
        flags.flags.mostlyWe = ownership.mostlyWe
        let followUps = FollowUpWriter.write(structure: structure.findings, flags: flags.flags, services: services,
                                             mentions: mentions, clauses: clauses, question: question,
                                             alternatives: alternatives, cues: cues)
        let transcriptWords: [AnswerReport.TranscriptWord] = words.enumerated().map { i, w in
            .init(text: w.text, start: w.start, end: w.end, confidence: w.confidence, isFiller: fillerWords.contains(i))
        }

        // Key points, misconceptions and the rubric.
        var rubricProblem: String?
        let book: RubricBook? = rubrics ?? {
            switch RubricBook.standard {
            case .success(let b): return b
            case .failure(let e): rubricProblem = e.description; return nil
            }
        }()
        let matcher = book.map { KeyPointMatcher(rules: $0.matching) }
        // A recording has no punctuation: for key points and claims a spoken sentence ends at a
        // silence long for this speaker (the clause splitter's measure; a dropped filler is no
        // silence), not only at the end of the whole answer.
        var sentences = content
        if timed, let long = ClauseSplitter.longSilence(silenceBefore, cues.clauseTiming) {
            for i in sentences.indices.dropFirst() where (silenceBefore[i] ?? 0) >= long { sentences[i - 1].sentenceEnd = true }
        }
        let text = KeyPointMatcher.text(sentences)
        let firstWords = firstAnswer.map { Tokenizer.tokens(from: Tokenizer.words(fromText: $0)).map(\.text) }
        let retelling = firstWords.map { (first: $0, share: book.map(RubricJudge.restateShare) ?? 0.3) }
        let options = followUpTo ?? followUp?.followUp.options.map { ($0.chosen, $0.other) }
        let judged = options.flatMap { options -> (answer: AnswerReport.FollowUpAnswer, firstAt: Int?)? in
            // A separating dimension counts as key points do: not in words the follow-up said, nor
            // in sentences that say it back or retell the first answer.
            let asked = followUp.map { KeyPointMatcher.text($0.followUp.text) }
            let own = matcher.map { ContentCoverage.ownWords(text, prompt: asked, retelling: retelling, matcher: $0) } ?? text
            return FollowUpJudge.judge(words: contentTexts, chosen: options.0, other: options.1, alternatives: alternatives,
                                       cues: cues, text: own, asked: asked, matcher: matcher)
        }
        let followUpAnswer = judged?.answer
        var questionCoverage = question.flatMap { q in
            matcher.map { ContentCoverage.measure(q.keyPoints, prompt: q.prompt, text: text, matcher: $0, phraseWords: true) }
        }
        // A follow-up's points are earned outside sentences that retell the first answer.
        var followUpCoverage = followUp.flatMap { f in
            matcher.map {
                ContentCoverage.measure(f.followUp.keyPoints, prompt: f.followUp.text, text: text, matcher: $0,
                                        retelling: retelling)
            }
        }
        let answeringFollowUp = followUp != nil || followUpTo != nil
        // Wrong beliefs that are wrong whatever was asked, added to the coverage the report shows;
        // with no question, a coverage of them alone.
        var commonProblem: String?
        let common: CommonMisconceptions = commonMisconceptions ?? {
            switch CommonMisconceptions.standard {
            case .success(let c): return c
            case .failure(let e): commonProblem = e.description; return CommonMisconceptions()
            }
        }()
        var limitsProblem: String?
        let limits: ServiceLimits = serviceLimits ?? {
            switch ServiceLimits.standard {
            case .success(let l): return l
            case .failure(let e): limitsProblem = e.description; return .none
            }
        }()
        if let matcher, !common.misconceptions.isEmpty || !limits.file.limits.isEmpty {
            let shown = answeringFollowUp ? followUpCoverage : questionCoverage
            let added = (shown ?? ContentCoverage(hit: [], missed: [])).adding(common, text: text, matcher: matcher)
                .adding(limits, text: text)
            if shown != nil || !added.misconceptions.isEmpty {
                if answeringFollowUp { followUpCoverage = added } else { questionCoverage = added }
            }
        }
        var fit: Scorer.QuestionFit?
        if !answeringFollowUp, let q = question, let coverage = questionCoverage {
            fit = Scorer.QuestionFit(coverage: coverage, questionServices: q.services,
                                     namedQuestionService: q.anyService ? !services.isEmpty : q.services.contains { services.contains($0) },
                                     saidSubject: matcher.map { m in q.subject.isEmpty || q.subject.contains { !m.occurrences(KeyPointMatcher.compile($0), in: text).isEmpty } } ?? true,
                                     subject: q.subject)
        }
        let input = RubricInput(
            text: text, clauses: clauses, structure: structure.findings, flags: flags.flags, evidence: flags.evidence,
            services: services, ownership: ownership, speakingSeconds: timed ? pacing.speakingSeconds : nil,
            targetSeconds: question?.targetSeconds, followUpCoverage: followUpCoverage,
            questionCoverage: questionCoverage, promptStems: question.map { Set(KeyPointMatcher.text($0.prompt).stems) },
            separatingDimension: followUpAnswer?.namesRealDifference,
            separatingDimensionAt: judged?.firstAt,
            firstAnswer: firstWords,
            bareServices: flags.bareServices,
            namedThings: services.count + Quantities.amountRuns(contentTexts, cues.numbers),
            storyEvents: OwnershipAnalysis.storyEvents(tokens: contentTexts, cues: cues))
        let rubric: AnswerReport.RubricResult? = book.flatMap { book in
            let (kind, chosenBy): (RubricKind, String) =
                answeringFollowUp ? (.followUp, "follow-up")
                : self.kind.map { ($0, "option") }
                ?? question.map { (RubricKind($0.kind), "question") }
                ?? (RubricJudge.infer(book: book, input: input), "answer")
            return RubricJudge.judge(kind, chosenBy: chosenBy, book: book, input: input)
        }
        let misconceptions = (answeringFollowUp ? followUpCoverage : questionCoverage)?.misconceptions ?? []
        let score = Scorer.score(rubric: rubric, flags: flags.flags, pacing: pacing, fillers: fillers,
                                 timed: timed, recorded: timed || source != nil, wordCount: content.count, question: fit,
                                 misconceptions: misconceptions, book: book)
        var feedback = FeedbackWriter.write(structure: structure.findings, flags: flags.flags, evidence: flags.evidence,
                                            fillers: fillers, timing: timing, services: services,
                                            transcript: transcriptWords, alternatives: alternatives,
                                            missedQuestion: fit?.offQuestion == true ? question : nil, cues: cues)
        if let rubric, rubric.kind != .ownership {
            feedback = RubricFeedback.write(rubric: rubric, storyFeedback: feedback, restating: answeringFollowUp && RubricJudge.restating(input, share: book.map(RubricJudge.restateShare) ?? 0.3))
        }
        feedback = RubricFeedback.misconceptions(misconceptions) + feedback
        feedback = Array(feedback.prefix(FeedbackWriter.limit))
        var pushes = followUps
        if let rubric, let f = followUp, rubric.kind == .followUp {
            pushes = FollowUpWriter.afterFollowUp(rubric: rubric, followUp: f.followUp, coverage: followUpCoverage)
        } else if let rubric, rubric.kind != .ownership, let question {
            pushes = FollowUpWriter.bankFollowUps(of: question)
        }
        let followUpRef = followUp.flatMap { f in
            question.map { AnswerReport.FollowUpRef(questionID: $0.id, number: f.number, text: f.followUp.text, kind: f.followUp.kind) }
        }
        var allWarnings = warnings
        if rubricProblem != nil || book == nil { allWarnings.append("no rubric, so the answer's content was not judged: \(rubricProblem ?? "Models/rubrics.json missing")") }
        if let lexiconProblem { allWarnings.append("no lexicon, so nothing was scored: \(lexiconProblem)") }
        if let commonProblem { allWarnings.append("common wrong beliefs not checked: \(commonProblem)") }
        if let limitsProblem { allWarnings.append("AWS limits not checked: \(limitsProblem)") }
        if content.isEmpty { allWarnings.append("no speech detected") }

        return AnswerReport(
            source: source,
            question: question.map { .init(id: $0.id, prompt: $0.prompt) },
            transcript: .init(
                text: words.map { $0.text.lowercased() }.joined(separator: " "),
                words: transcriptWords),
            pacing: pacing,
            fillers: fillers,
            structure: structure.findings,
            segments: structure.segments,
            timing: timing,
            ownership: ownership,
            services: services,
            flags: flags.flags,
            evidence: flags.evidence,
            followUps: pushes,
            feedback: feedback,
            followUpAnswer: followUpAnswer,
            score: score,
            warnings: allWarnings,
            coverage: answeringFollowUp ? followUpCoverage : questionCoverage,
            rubric: rubric,
            followUpOf: followUpRef,
            impliedServices: implied)
    }
}
