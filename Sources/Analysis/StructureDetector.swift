/// Finds context, choice, trade-off and result in an answer's clauses, and when each was said.
///
/// Cue phrases score each clause (PartCues). On top of them, three rules about how spoken
/// answers are built:
/// - A choice is the speaker's own: its clause says "I" or "we" ("you pick a partition key" in a
///   definition is not a decision), unless it is an impersonal "the fix was…".
/// - An answer with no first-person narrative at all is a description: it has no parts.
/// - What comes before the first choice is the situation (context); results come after it, and a
///   clause that reads more like a cost than an outcome is a trade-off, not a result.
enum StructureDetector {
    struct Output {
        var findings: AnswerReport.Structure
        var segments: [AnswerReport.Segment]
        /// Clause indices read as each part, for the flags.
        var clausesByPart: [AnswerPart: [Int]]
        var narrative: Bool
        /// When the first decision's own words began (its cue), for the time to the decision.
        var decisionStart: Double?
        /// Every clause read as a choice only lists services ("we used X, Y and Z").
        var choiceIsList = false
    }

    /// A stretch of one clause read as one part (the whole clause unless several parts share it).
    struct Piece: Hashable {
        var range: Range<Int>
        var part: AnswerPart?
        var parts: [AnswerPart]
    }
    struct PieceID: Hashable { var clause: Int; var piece: Int }

    /// A part's evidence quotes at most this many words.
    static let maxEvidenceWords = 25

    static let minimumContextTokens = 4
    /// A clause this long before the decision, told in the past, describes the situation even with
    /// no problem word in it ("the dev environments were running all weekend with nobody using them").
    static let sceneTokens = 6
    /// Marketing phrases in one clause that make it brochure copy rather than a story.
    static let brochureRun = 3
    /// How many clauses at the start may hold a result said before the decision.
    static let resultFirstClauses = 3

    static func hasFirstPerson(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        !firstPersonTokens(tokens, cues).isEmpty
    }

    /// First-person words, leaving out those that only hedge ("I think").
    static func firstPersonTokens(_ tokens: [String], _ cues: CompiledCues) -> [String] {
        var masked = tokens
        for phrase in cues.hedgingFirstPerson {
            for start in cues.occurrences(of: phrase, in: masked) { masked[start] = "_" }
        }
        return masked.filter(cues.firstPerson.contains)
    }

    /// An answer tells the speaker's own story when "I" or "we" appear in it, or it says "our"/"my"
    /// more than once. One lone "our" counts only where a possessive fits (opening a clause, after
    /// a preposition): mid-phrase, as in "on demand our provisioned", it is a misheard "or".
    static func isNarrative(_ clauses: [Clause], _ cues: CompiledCues) -> Bool {
        let found = clauses.flatMap { firstPersonTokens($0.tokens, cues) }
        if found.contains(where: { !cues.possessives.contains($0) }) || found.count >= 2 { return true }
        return clauses.contains { clause in
            clause.tokens.indices.contains { i in
                cues.possessives.contains(clause.tokens[i]) && (i == 0 || cues.possessiveLeads.contains(clause.tokens[i - 1]))
            }
        }
    }

    /// "I pushed for", "we basically moved": a first-person subject and, within three words,
    /// a verb of action. Weak verbs ("we used", "we had") need a reason or an alternative too.
    static func ownAction(_ tokens: [String], _ cues: CompiledCues) -> (score: Int, cue: String?, strongVerb: Bool) {
        var best: (Int, String?) = (0, nil)
        for (i, t) in tokens.enumerated() where cues.actionSubjects.contains(t) {
            for j in (i + 1)..<min(tokens.count, i + 4) {
                // "we are locked in", "we were stuck": a state, not something the speaker did.
                if cues.beVerbs.contains(tokens[j]) || cues.notActions.contains(tokens[j]) { break }
                if cues.actionVerbs.contains(tokens[j]) { return (2, t + " " + tokens[j], true) }
                if cues.weakActionVerbs.contains(tokens[j]) { best = (1, t + " " + tokens[j]); break }
            }
        }
        if best.0 == 1 && (hasAlternative(tokens, cues) || !cues.matches(cues.reasons, tokens).isEmpty) {
            return (2, best.1, false)
        }
        return (best.0, best.1, false)
    }

    /// The tokens with "went" blanked where it is a motion idiom, for the choice rules.
    /// "We went through the bill", "it went down": "went" that moves through a process or a
    /// state, not toward an option (decisions.json, motionIdioms). ("We went with", "we went
    /// multi-AZ" stay decisions.)
    static func withoutMotionIdioms(_ tokens: [String], _ cues: CompiledCues) -> [String] {
        var out = tokens
        for i in tokens.indices.dropLast() where tokens[i] == "went" && cues.motionIdioms.contains(tokens[i + 1]) {
            out[i] = "_"
        }
        return out
    }

    /// "That roughly tripled what we spend on NAT": a cost word and a rise, with no fall beside them.
    static func costRose(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        // A rise may take two words ("went up").
        let pairs = zip(tokens, tokens.dropFirst()).map { "\($0) \($1)" }
        return tokens.contains(where: cues.costWords.contains)
            && (tokens.contains(where: cues.riseWords.contains) || pairs.contains(where: cues.riseWords.contains))
            && !tokens.contains(where: cues.fallWords.contains)
    }

    /// "We used Route 53, an ALB and Aurora": two or more services named with no verb of decision,
    /// no alternative, and (for two) no reason.
    static func isListOfServices(_ tokens: [String], action: (score: Int, cue: String?, strongVerb: Bool), _ cues: CompiledCues) -> Bool {
        let servicesNamed = tokens.filter { $0 == ServiceCatalog.placeholder }.count
        let reasoned = !cues.matches(cues.reasons, tokens).isEmpty
        // A decision said in words other than "used" or "had" ("we ended up running the workers on
        // Spot in the ECS cluster") is a decision whatever it names.
        let decided = cues.score(.choice, tokens.map { cues.weakActionVerbs.contains($0) ? "_" : $0 }).score >= cues.threshold
        return servicesNamed >= 2 && !action.strongVerb && !decided && !hasAlternative(tokens, cues) && (servicesNamed >= 3 || !reasoned)
    }

    /// "We had GuardDuty, Config and Macie on", "our platform was built on S3, Glue and Athena": the
    /// speaker or their team, a verb of having or using, then the services (not "our NAT gateway
    /// charges were the biggest line", where the service is the subject of a problem).
    /// "We had three services, each with its own NAT gateway" is the situation: "had" says what was
    /// used only with the services switched on ("we had GuardDuty and Macie turned on").
    static func saysWhatWasUsed(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        let switchedOn = cues.switchedOn.contains { cues.contains($0, in: tokens) }
        return tokens.indices.contains { i in
            guard cues.actionSubjects.contains(tokens[i]) || cues.possessives.contains(tokens[i]) else { return false }
            guard let verb = tokens[(i + 1)..<min(tokens.count, i + 5)].firstIndex(where: { cues.weakActionVerbs.contains($0) || cues.beVerbs.contains($0) })
            else { return false }
            if cues.haveVerbs.contains(tokens[verb]) && !switchedOn { return false }
            return tokens[verb...].filter { $0 == ServiceCatalog.placeholder }.count >= 2
        }
    }

    /// "I don't know if that fixed it", "we haven't measured it yet".
    static func saysOutcomeUnknown(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        cues.unknownOutcomes.contains { cues.contains($0, in: tokens) }
    }

    /// "That should cut it by ninety percent once it's rolled out": what is expected, not what happened.
    /// The modal must come before the outcome's first word or figure: in "…forty percent cheaper
    /// than the old plan, you will see" the outcome is already said.
    static func saysForecast(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        guard let modal = cues.forecasts.compactMap({ cues.occurrences(of: $0, in: tokens).first }).min() else { return false }
        let outcomeCues = cues.score(.result, tokens).cues.compactMap { cues.occurrences(of: PhraseMatcher.split($0), in: tokens).first }
        let figure = tokens.firstIndex { Quantities.isNumber($0, cues.numbers) }
        let outcome = (outcomeCues + [figure].compactMap { $0 }).min() ?? tokens.count
        return modal < outcome
    }

    /// "It used to take forty minutes": how things were, with a figure, said just before an outcome.
    static func measuresHowItWas(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        cues.formerly.contains { cues.contains($0, in: tokens) }
            && Quantities.hasMeasurement(tokens[...], cues.numbers, durations: false)
    }

    static func hasAlternative(_ tokens: [String], _ cues: CompiledCues) -> Bool {
        cues.alternatives.contains { cues.contains($0, in: tokens) }
    }

    static func detect(clauses: [Clause], cues: CompiledCues) -> Output {
        let narrative = isNarrative(clauses, cues)

        // Cue scores per clause, with the speaker's-own-choice rule applied: the clause or a
        // neighbour says "I"/"we" ("rather than chasing line items, I made tags mandatory").
        let owned = clauses.map { hasFirstPerson($0.tokens, cues) }
        let decisionTokens = clauses.map { withoutMotionIdioms($0.tokens, cues) }
        let actions = decisionTokens.map { ownAction($0, cues) }
        let listsServices = clauses.indices.map { isListOfServices(clauses[$0].tokens, action: actions[$0], cues) }
        var scores: [[AnswerPart: (Int, [String])]] = clauses.indices.map { i in
            let clause = clauses[i]
            var s: [AnswerPart: (Int, [String])] = [:]
            for part in AnswerPart.allCases { s[part] = cues.score(part, clause.tokens) }
            s[.choice] = cues.score(.choice, decisionTokens[i])
            let action = actions[i]
            if action.score > s[.choice]!.0 { s[.choice] = (action.score, action.cue.map { [$0] } ?? []) }
            let neighbourOwned = owned[i] || (i > 0 && owned[i - 1]) || (i + 1 < clauses.count && owned[i + 1])
            let impersonal = cues.impersonalChoices.contains { cues.contains($0, in: clause.tokens) }
            if !(neighbourOwned || impersonal) || (!owned[i] && !impersonal && action.score == 0 && !hasAlternative(clause.tokens, cues)) {
                s[.choice] = (0, [])
            }
            // "We used Kinesis, Lambda, S3 and Glue" says what the speaker's team ran: a choice,
            // though one with no reason (the service-dump flag says so), and one generic reason for
            // a whole list ("to keep costs down") does not make it a reasoned one. Said by nobody
            // in particular, a list of services decides nothing.
            if listsServices[i] {
                s[.choice] = owned[i] && saysWhatWasUsed(clause.tokens, cues) ? (cues.threshold, [action.cue ?? "what was used"]) : (0, [])
            }
            // "I think maybe we used…": a weak decision hedged in the same breath is not owned;
            // "I think we moved it to Aurora" still names what was done.
            if let choice = s[.choice], choice.0 > 0, !action.strongVerb, !FlagDetector.hedgeOccurrences(clause.tokens, cues).isEmpty {
                s[.choice] = (choice.0 - 1, choice.1)
            }
            // A run of brochure words ("drove a robust, fully managed, best-in-class platform and
            // delivered seamless outcomes") names no situation, decision or outcome, whatever verbs
            // carry it. Without punctuation such a run is one long clause, so it is judged whole.
            if cues.matches(cues.marketing, clause.tokens).count >= brochureRun {
                for part in AnswerPart.allCases where part != .tradeoff { s[part] = (0, []) }
            }
            return s
        }
        if !narrative { scores = scores.map { _ in [:] } }

        func score(_ i: Int, _ part: AnswerPart) -> Int { scores[i][part]?.0 ?? 0 }
        let firstChoice = clauses.indices.first { score($0, .choice) >= cues.threshold }
        // After the decision, what got slower, dearer or more work is the price of it, and a bill
        // that rose is a cost, not an outcome.
        if let firstChoice {
            for i in clauses.indices where i > firstChoice {
                if scores[i].isEmpty { continue }
                let consequence = cues.tradeoffAfterChoice(clauses[i].tokens)
                if consequence.score > score(i, .tradeoff) { scores[i][.tradeoff] = consequence }
                if costRose(clauses[i].tokens, cues) && score(i, .tradeoff) < cues.threshold {
                    scores[i][.tradeoff] = (cues.threshold, ["a cost that rose"])
                }
            }
        }

        // "We did not want a server sitting idle" gives the reason for the choice, not its price;
        // so does a clause that opens with "because" right after the decision ("we picked DynamoDB
        // over RDS because a relational database would have meant managing connections"), and
        // "I don't know if that fixed it" is no price at all.
        for i in clauses.indices where scores[i][.tradeoff] != nil
            && (cues.motives.contains(where: { cues.contains($0, in: clauses[i].tokens) })
                || (i > 0 && score(i - 1, .choice) >= cues.threshold
                    && cues.reasonOpeners.contains(where: { clauses[i].tokens.starts(with: $0) }))
                || saysOutcomeUnknown(clauses[i].tokens, cues)) {
            scores[i][.tradeoff] = (0, [])
        }

        var byPart: [AnswerPart: [Int]] = [:]
        for i in clauses.indices {
            for part in AnswerPart.allCases where score(i, part) >= cues.threshold {
                if part == .result {
                    // Before the decision is the situation, unless the answer opens on its measured
                    // outcome ("Our nightly batch now finishes in a third of the time…") and tells
                    // the story after: a figure that did not rise in the first few clauses ("within
                    // an hour" there times the scene: "within an hour we got a billing alert").
                    // "…used to take forty minutes, and now it's done in under three": the figure
                    // of how it was, in the clause before, measures the outcome too.
                    let contrasted = i > 0 && measuresHowItWas(clauses[i - 1].tokens, cues)
                    if let firstChoice, i < firstChoice, !(i < resultFirstClauses
                        && (Quantities.hasMeasurement(clauses[i].tokens[...], cues.numbers, durations: false) || contrasted)
                        && !costRose(clauses[i].tokens, cues)) { continue }
                    if score(i, .tradeoff) >= score(i, .result) { continue }
                    if saysOutcomeUnknown(clauses[i].tokens, cues) || saysForecast(clauses[i].tokens, cues) { continue }
                    // "…and delivered seamless outcomes": a brochure claim is not an outcome.
                    if !cues.matches(cues.marketing, clauses[i].tokens).isEmpty { continue }
                }
                byPart[part, default: []].append(i)
            }
        }
        // After the decision, a figure that is not a cost is an outcome ("the last drill failed
        // over in under two minutes").
        if narrative, let firstChoice {
            for i in clauses.indices where i > firstChoice && !(byPart[.result]?.contains(i) ?? false) {
                if Quantities.hasMeasurement(clauses[i].tokens[...], cues.numbers), score(i, .result) >= 1,
                   score(i, .tradeoff) < cues.threshold, !saysForecast(clauses[i].tokens, cues),
                   score(i, .choice) < cues.threshold {
                    byPart[.result, default: []].append(i)
                    scores[i][.result] = (cues.threshold, ["a figure after the decision"])
                }
            }
            // "We switched regions in eleven minutes": how long the outcome took makes a result of
            // the clause, even one that also names the action.
            for i in clauses.indices where i >= firstChoice && !(byPart[.result]?.contains(i) ?? false)
                && score(i, .tradeoff) < cues.threshold && !saysForecast(clauses[i].tokens, cues) {
                if let span = Quantities.timedOutcome(clauses[i].tokens, cues.numbers) {
                    byPart[.result, default: []].append(i)
                    scores[i][.result] = (cues.threshold, [span.joined(separator: " ")])
                }
            }
            byPart[.result]?.sort()
        }
        // Everything said before the decision sets the scene.
        if narrative, let firstChoice, byPart[.context] == nil,
           let scene = clauses.indices[..<firstChoice].first(where: { i in
               clauses[i].tokens.count >= minimumContextTokens && ((scores[i][.context]?.0 ?? 0) >= 1
                   || (clauses[i].tokens.count >= sceneTokens && clauses[i].tokens.contains(where: cues.isPastVerb))) }) {
            byPart[.context] = [scene]
        }

        // "I chose S3 rather than a bigger server because we needed durability": a reason that
        // opens right after the decision is its "why", whatever problem words it repeats, so on
        // the timeline it belongs to the choice. It still counts as naming the problem: which
        // parts are present does not change, only where the clause is drawn.
        var reasons: Set<Int> = []
        if narrative {
            for i in clauses.indices.dropFirst() where byPart[.choice]?.contains(i - 1) == true
                && cues.reasonOpeners.contains(where: { clauses[i].tokens.starts(with: $0) })
                && [.choice, .tradeoff, .result].allSatisfy({ score(i, $0) < cues.threshold }) {
                reasons.insert(i)
                byPart[.choice]!.append(i)
            }
            byPart[.choice]?.sort()
        }

        // Each clause's label on the timeline: its strongest part; ties go to the earlier part.
        var primary: [Int: AnswerPart] = [:]
        for i in clauses.indices {
            if reasons.contains(i) { primary[i] = .choice; continue }
            let candidates = AnswerPart.allCases.filter { byPart[$0]?.contains(i) == true }
            primary[i] = candidates.max { a, b in
                score(i, a) != score(i, b) ? score(i, a) < score(i, b) : a.order > b.order
            }
        }

        // Where in its clause each part is said: the position of its strongest cue. Run-on speech
        // puts a situation, a decision and its price in one clause; the clause is cut at these
        // anchors so each part quotes its own words and is timed from them.
        func anchor(_ i: Int, _ part: AnswerPart) -> Int {
            let tokens = clauses[i].tokens
            var found: [Int] = []
            for cue in scores[i][part]?.1 ?? [] {
                let phrase = PhraseMatcher.split(cue)
                if let at = cues.occurrences(of: phrase, in: tokens).first { found.append(at); continue }
                // "we moved" from the own-action rule: the subject, with its verb a few words on.
                if phrase.count == 2, let at = tokens.indices.first(where: { j in
                    tokens[j] == phrase[0] && tokens[(j + 1)..<min(tokens.count, j + 4)].contains(phrase[1]) }) { found.append(at) }
            }
            // The earliest of its cues: "i pushed for X rather than Y" is named at "i pushed".
            // "i moved the…" is named at its subject, whatever part of it the cue holds.
            if var first = found.min() {
                while first > 0, cues.actionSubjects.contains(tokens[first - 1]) || cues.firstPerson.contains(tokens[first - 1]) { first -= 1 }
                return first
            }
            if part == .result, let at = tokens.firstIndex(where: { Quantities.isNumber($0, cues.numbers) }) { return at }
            return 0
        }
        let firstChoiceClause = byPart[.choice]?.min()
        let pieces: [[Piece]] = clauses.indices.map { i in
            let here = AnswerPart.allCases.filter { byPart[$0]?.contains(i) == true }
            let whole = [Piece(range: 0..<clauses[i].tokens.count, part: primary[i], parts: here)]
            guard !reasons.contains(i) else { return whole }
            // After the decision a scene word ("black friday", "had to") does not open a new part of
            // the clause: only the decision, its price and its outcome cut it.
            let cutting = here.filter { !($0 == .context && firstChoiceClause.map { i > $0 } == true) }
            var anchors = cutting.map { ($0, anchor(i, $0)) }
            // Until the decision is named, the speaker is setting the scene: in the first decision's
            // clause, the words before it are context even when no cue says so.
            if i == firstChoiceClause, !here.contains(.context),
               let choiceAt = anchors.first(where: { $0.0 == .choice })?.1, choiceAt >= minimumContextTokens {
                anchors.append((.context, 0))
            }
            guard anchors.count > 1 else { return whole }
            anchors.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.order < $1.0.order }
            var out: [Piece] = []
            for (k, (part, at)) in anchors.enumerated() {
                let from = k == 0 ? 0 : at
                let to = k + 1 < anchors.count ? anchors[k + 1].1 : clauses[i].tokens.count
                // Two parts on one cue ("couldn't"): the later one starts after the earlier's words.
                guard to > from else { continue }
                let lower = out.last.map { max(from, $0.range.upperBound) } ?? from
                guard to > lower else { continue }
                if let last = out.indices.last { out[last].range = out[last].range.lowerBound..<lower }
                out.append(Piece(range: lower..<to, part: here.contains(part) ? part : nil, parts: here.contains(part) ? [part] : []))
            }
            return out.isEmpty ? whole : out
        }
        /// At most this many words quote a part.
        let evidenceWords = maxEvidenceWords
        var structure = AnswerReport.Structure(context: .absent, choice: .absent, tradeoff: .absent, result: .absent)
        var usedPieces: Set<PieceID> = []
        var decisionStart: Double?
        for part in AnswerPart.allCases {
            guard let indices = byPart[part], !indices.isEmpty else { continue }
            // The strongest clause whose words no other part quotes yet.
            let ranked = indices.sorted { score($0, part) != score($1, part) ? score($0, part) > score($1, part) : $0 < $1 }
            func pieceIndex(_ i: Int) -> Int? {
                pieces[i].firstIndex { $0.part == part } ?? (pieces[i].count == 1 ? 0 : nil)
            }
            let best = ranked.first { i in pieceIndex(i).map { !usedPieces.contains(PieceID(clause: i, piece: $0)) } ?? false } ?? ranked[0]
            let pi = pieceIndex(best) ?? 0
            usedPieces.insert(PieceID(clause: best, piece: pi))
            var range = pieces[best][pi].range
            if range.count > evidenceWords {
                let at = anchor(best, part)
                let from = max(range.lowerBound, min(at - 4, range.upperBound - evidenceWords))
                range = from..<min(range.upperBound, from + evidenceWords)
            }
            let quote = clauses[best].piece(range)
            // The part's time: its own pieces up to the first piece that belongs to another part.
            let flat = pieces.indices.flatMap { i in pieces[i].indices.map { (i, $0) } }
            let own = flat.filter { pieces[$0.0][$0.1].part == part }
            var spanned: [(Int, Int)] = own.isEmpty ? [(best, pi)] : [own[0]]
            if let first = own.first, let at = flat.firstIndex(where: { $0 == first }) {
                for next in flat[(at + 1)...] {
                    let p = pieces[next.0][next.1].part
                    if p == part { spanned.append(next) } else if p != nil { break }
                }
            }
            let times = spanned.map { clauses[$0.0].piece(pieces[$0.0][$0.1].range) }
            structure[part] = .init(present: true, evidence: quote.text, cues: scores[best][part]?.1 ?? [],
                                    start: times.compactMap(\.start).min(), end: times.compactMap(\.end).max())
            if part == .choice, let first = indices.min(), let p = pieceIndex(first) {
                let r = pieces[first][p].range
                let at = max(r.lowerBound, min(anchor(first, .choice), r.upperBound - 1))
                decisionStart = clauses[first].piece(at..<(at + 1)).start
            }
        }
        let segments = clauses.indices.flatMap { i in
            pieces[i].map { piece in
                let words = clauses[i].piece(piece.range)
                return AnswerReport.Segment(text: words.text, part: piece.part, parts: piece.parts, start: words.start, end: words.end)
            }
        }
        return Output(findings: structure, segments: segments, clausesByPart: byPart, narrative: narrative,
                      decisionStart: decisionStart, choiceIsList: (byPart[.choice] ?? []).allSatisfy { listsServices[$0] })
    }
}

extension AnswerPart {
    var order: Int { AnswerPart.allCases.firstIndex(of: self)! }
}
