/// Decision-quality flags: does the answer sound like a decision or like a definition?
enum FlagDetector {
    /// Services named in one run that make a dump whatever story surrounds them.
    static let longListRun = 5
    /// Services named in one run with nothing but "and", "or" or an article between them, which
    /// the non-story rubrics call a list without reasons.
    static let bareListRun = 4
    struct Output {
        var flags: AnswerReport.Flags
        var evidence: AnswerReport.FlagEvidence
        /// Services listed without reasons whatever the answer's shape (a bare run of four):
        /// what the non-story rubrics call a dump, where `serviceDump` also asks whether the
        /// answer tells a reasoned story.
        var bareServices: String?
    }

    static func detect(clauses: [Clause], structure: StructureDetector.Output, mentions: [ServiceCatalog.Mention],
                       tokens: [String], words: [String], cues: CompiledCues) -> Output {
        let parts = structure.findings
        // Explaining security groups and network ACLs is not listing services.
        let mentions = mentions.filter { !cues.services.features.contains($0.name) }

        // Service dump: three or more services, none tied to a reason in its own or the next clause.
        var unreasoned: [String] = []
        var dumpClause: String?
        let ordered = mentions.sorted { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        for (k, m) in ordered.enumerated() {
            guard let ci = clauses.firstIndex(where: { $0.tokenRange.contains(m.tokenRange.lowerBound) }) else { continue }
            // Its reason is said next to it: after it, up to the next service named or the end of
            // the next clause ("SQS behind it to soak up the spikes"), or before it in its own
            // clause ("to soak up the spikes, SQS"). A reason given for one service in a list is
            // not a reason for the others ("codebuild into codedeploy with cloudformation for the
            // infrastructure").
            let clauseEnd = ci + 1 < clauses.count ? clauses[ci + 1].tokenRange.upperBound : clauses[ci].tokenRange.upperBound
            let next = ordered[(k + 1)...].first { $0.name != m.name }?.tokenRange.lowerBound ?? tokens.count
            let after = Array(tokens[min(m.tokenRange.upperBound, tokens.count)..<max(min(next, clauseEnd, tokens.count), min(m.tokenRange.upperBound, tokens.count))])
            let previous = k > 0 ? ordered[k - 1].tokenRange.upperBound : 0
            let before = Array(tokens[max(clauses[ci].tokenRange.lowerBound, min(previous, m.tokenRange.lowerBound))..<m.tokenRange.lowerBound])
            // "SQS is a queue, where one consumer…": a service explained is not name-dropped.
            let reasoned = !cues.matches(cues.reasons, after).isEmpty || !cues.matches(cues.reasons, before).isEmpty
                || !cues.matches(cues.definition, clauses[ci].tokens).isEmpty
            if !reasoned && !unreasoned.contains(m.name) {
                unreasoned.append(m.name)
                dumpClause = dumpClause ?? clauses[ci].text
            }
        }
        let distinct = Set(mentions.map(\.name)).count
        let listRun = longestListRun(mentions, tokens: words, glue: cues.serviceListGlue)
        let reasonedStory = parts.context.present && parts.choice.present && !structure.choiceIsList
        // A run of five or more services with nothing between them but "and" is a dump even
        // inside a story: "around it we also had glue, athena, lake formation, quicksight and emr".
        let bare = listRun.count >= bareListRun
        // An explanation that says what each service is ("SQS is a queue… SNS is publish and
        // subscribe…") compares them; it does not drop their names.
        let explainsEach = !structure.narrative && 2 * unreasoned.count <= distinct
        // Four services each with its reason ("API Gateway in front, because…; SQS behind it to soak
        // up the spikes…") are a design, whatever else the answer lacks.
        let mostlyUnreasoned = 2 * unreasoned.count >= distinct
        let serviceDump = listRun.count >= longListRun || (!explainsEach && ((listRun.count >= 3 && !reasonedStory)
            || (unreasoned.count >= 3 && Double(unreasoned.count) >= 0.6 * Double(distinct) && !reasonedStory)
            || (distinct >= 4 && mostlyUnreasoned && !parts.tradeoff.present && !parts.result.present && !reasonedStory)))

        // Definition only: describes what something is, makes no decision of its own.
        let definitionClause = clauses.first { !cues.matches(cues.definition, $0.tokens).isEmpty }
        let decides = !cues.matches(cues.firstPersonDecision, tokens).isEmpty
        // A description with no story of the speaker's own is a definition even without "is a".
        // An answer that opens with "X is a…" is a definition; one that says it later, after its
        // own story ("our platform used… it's a scalable solution"), is not.
        let opensWithDefinition = definitionClause.map { $0 == clauses.first } ?? false
        let describes = (definitionClause != nil && (!structure.narrative || opensWithDefinition))
            || (!structure.narrative && tokens.count >= 12)
        let definitionOnly = describes && !parts.choice.present && !decides
            && !(parts.context.present && parts.result.present)

        // Measurable result: a quantity with a unit in a result clause, or right after one.
        var measurable: String?
        for i in structure.clausesByPart[.result] ?? [] {
            if Quantities.hasMeasurement(clauses[i].tokens[...], cues.numbers) { measurable = clauses[i].text; break }
            if i + 1 < clauses.count, Quantities.hasMeasurement(clauses[i + 1].tokens[...], cues.numbers),
               cues.score(.context, clauses[i + 1].tokens).score < cues.threshold,
               cues.score(.tradeoff, clauses[i + 1].tokens).score < cues.threshold {
                measurable = clauses[i].text + " " + clauses[i + 1].text; break
            }
            // "It used to take forty minutes, and now it's done in under three."
            if i > 0, StructureDetector.measuresHowItWas(clauses[i - 1].tokens, cues) {
                measurable = clauses[i - 1].text + " " + clauses[i].text; break
            }
        }

        let marketing = cues.matches(cues.marketing, tokens)
        let hedges = hedgeOccurrences(tokens, cues)

        let flags = AnswerReport.Flags(
            serviceDump: serviceDump,
            definitionOnly: definitionOnly,
            volunteeredDownside: parts.tradeoff.present,
            measurableResult: measurable != nil,
            marketingLanguage: !marketing.isEmpty,
            hedging: hedges.count >= 2,
            noSpeech: false, longPreamble: false, mostlyWe: false)
        let evidence = AnswerReport.FlagEvidence(
            serviceDump: serviceDump ? (listRun.text ?? dumpClause) : nil,
            definitionOnly: definitionOnly ? (definitionClause ?? clauses.first)?.text : nil,
            volunteeredDownside: parts.tradeoff.present ? parts.tradeoff.evidence : nil,
            measurableResult: measurable,
            marketingLanguage: marketing,
            hedging: hedges)
        return Output(flags: flags, evidence: evidence,
                      bareServices: bare ? listRun.text : nil)
    }

    /// The longest run of services separated only by at most two `glue` words ("and", "or",
    /// articles; flags.json): "sqs sns eventbridge and lambda".
    static func longestListRun(_ mentions: [ServiceCatalog.Mention], tokens: [String], glue: Set<String>) -> (count: Int, text: String?) {
        var best: (Int, Range<Int>?) = (0, nil)
        var runStart = 0
        for i in mentions.indices {
            if i > 0 {
                let gap = tokens[mentions[i - 1].tokenRange.upperBound..<mentions[i].tokenRange.lowerBound]
                if !gap.allSatisfy(glue.contains) || gap.count > 2 { runStart = i }
            }
            let names = Set(mentions[runStart...i].map(\.name))
            if names.count > best.0 {
                best = (names.count, mentions[runStart].tokenRange.lowerBound..<mentions[i].tokenRange.upperBound)
            }
        }
        return (best.0, best.1.map { tokens[$0].joined(separator: " ") })
    }

    static func hedgeOccurrences(_ tokens: [String], _ cues: CompiledCues) -> [String] {
        var found: [String] = []
        var covered = Set<Int>()
        // Longest hedges first so "i think maybe" is one hedge, not two.
        for phrase in cues.hedges.sorted(by: { $0.count > $1.count }) {
            for start in cues.occurrences(of: phrase, in: tokens) {
                let range = Set(start..<start + phrase.count)
                if !range.isDisjoint(with: covered) { continue }
                covered.formUnion(range)
                found.append(phrase.joined(separator: " "))
            }
        }
        return found
    }
}
