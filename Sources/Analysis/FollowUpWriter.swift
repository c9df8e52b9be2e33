/// The next question an interviewer would push, aimed at the weakest part of the answer.
enum FollowUpWriter {
    static func write(structure: AnswerReport.Structure, flags: AnswerReport.Flags, services: [String],
                      mentions: [ServiceCatalog.Mention], clauses: [Clause], question: Question?,
                      alternatives: AlternativesMap, cues: CompiledCues) -> [String] {
        var out: [String] = []
        func add(_ s: String) { if !out.contains(s) { out.append(s) } }

        if flags.noSpeech {
            add(question?.prompt ?? "Take it from the top: what problem were you solving, and what did you choose?")
            return out
        }
        let chosen = chosenService(structure: structure, services: services, index: cues.services)
        let alternative = chosen.flatMap { alternatives.alternatives(to: $0).first }

        if flags.definitionOnly {
            let s = services.first ?? "it"
            add("That's what \(s) is. Tell me about a time you chose \(s): what problem did it solve, and what did you rule out?")
        }
        if flags.serviceDump {
            let named = services.prefix(3).joined(separator: ", ")
            add("You named \(named). Take one of them: why did you need it, and what would have broken without it?")
        }
        if !structure.tradeoff.present && structure.choice.present {
            if let chosen, let alternative {
                add(fill(alternative.pair.followUps.first, chosen: chosen, other: alternative.other)
                    ?? "You chose \(chosen). Why not \(alternative.other), and what did \(chosen) cost you?")
            } else if let chosen {
                add("What was the downside of going with \(chosen), and how did you live with it?")
            } else {
                add("What was the downside of that choice, and how did you live with it?")
            }
        }
        if !structure.context.present {
            add("Before the solution: what problem were you solving, and what made it urgent?")
        }
        if !structure.choice.present && !flags.definitionOnly {
            add("What did you decide, and which other option did you turn down?")
        }
        if !structure.result.present || !flags.measurableResult {
            add(structure.result.present
                ? "You said it worked. What number moved, and by how much?"
                : "How did you know it worked? What did you measure afterwards?")
        }
        // A strong answer still gets the comparison question.
        if let chosen, let alternative {
            add(fill(alternative.pair.followUps.last, chosen: chosen, other: alternative.other)
                ?? "Why \(chosen) rather than \(alternative.other)?")
        }
        if let question {
            for f in question.followUps { add(f.text) }
        }
        if out.isEmpty { add("What would you do differently if you built it again today?") }
        // The question's own follow-ups go first when the answer has no glaring hole.
        let own = question.map { Set($0.followUps.map(\.text)) } ?? []
        if !own.isEmpty, structure.presentCount == 4, !flags.serviceDump, !flags.definitionOnly {
            out.sort { own.contains($0) && !own.contains($1) }
        }
        return Array(out.prefix(3))
    }

    /// The service the answer seems to have picked: the first one named in the choice clause,
    /// else the first one named at all.
    static func chosenService(structure: AnswerReport.Structure, services: [String], index: ServiceIndex) -> String? {
        if structure.choice.present {
            let tokens = Tokenizer.tokens(from: Tokenizer.words(fromText: structure.choice.evidence)).map(\.text)
            if let m = ServiceCatalog.mentions(in: tokens, index).first { return m.name }
        }
        return services.first
    }

    static func fill(_ template: String?, chosen: String, other: String) -> String? {
        template.map { $0.replacingOccurrences(of: "{chosen}", with: chosen).replacingOccurrences(of: "{other}", with: other) }
    }

    /// The next push for an answer judged by a rubric other than the story: the bank question's
    /// own follow-ups, in the bank's order.
    static func bankFollowUps(of question: Question) -> [String] {
        Array(question.followUps.map(\.text).prefix(3))
    }

    /// After an answer to a follow-up: nothing when it was complete (practice moves on), else the
    /// same question put again so the person answers what they left out.
    static func afterFollowUp(rubric: AnswerReport.RubricResult, followUp: FollowUp, coverage: ContentCoverage?) -> [String] {
        let missing = Set(rubric.criteria.filter { !$0.met }.map(\.id))
        if missing.isEmpty && (coverage?.misconceptions.isEmpty ?? true) { return [] }
        if let wrong = coverage?.misconceptions.first {
            return ["Are you sure? You said \"\(wrong.said)\". \(followUp.text)"]
        }
        if missing.contains("direct") || missing.contains("notRestating") {
            return ["In one or two sentences: \(followUp.text)"]
        }
        if missing.contains("points"), let next = coverage?.missed.first {
            return ["What else? Think about this: \(next.prefix(1).lowercased() + next.dropFirst())"]
        }
        return []
    }
}
