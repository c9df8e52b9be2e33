/// Feedback for answers judged by a rubric other than the decision story: the rubric's own
/// missing criteria and faults, worth most first, then the delivery points the story writer found
/// (hedging, marketing words, fillers) that apply to any answer. Wrong claims go before everything.
enum RubricFeedback {
    /// Story-only topics that do not apply to a concept, diagnosis, design or choice answer.
    private static let storyTopics: Set<String> = [
        "choice", "result", "context", "long preamble", "off the question",
        AnswerFlag.definitionOnly.topic, AnswerFlag.volunteeredDownside.topic, AnswerFlag.measurableResult.topic,
        AnswerFlag.serviceDump.topic, AnswerFlag.mostlyWe.topic,
    ]

    static func write(rubric: AnswerReport.RubricResult, storyFeedback: [AnswerReport.Feedback],
                      restating: Bool) -> [AnswerReport.Feedback] {
        if storyFeedback.first?.topic == "speech" { return storyFeedback }
        var out: [AnswerReport.Feedback] = []
        if restating {
            out.append(.init(topic: "restating", quote: "", suggestion: "This retells your first answer. Answer the follow-up itself, in its first sentence."))
        }
        for fault in rubric.faults.sorted(by: { $0.penalty > $1.penalty }) {
            out.append(.init(topic: fault.title.lowercased(), quote: FeedbackWriter.trim(fault.evidence), suggestion: fault.advice))
        }
        let missing = rubric.criteria.filter { !$0.met && !(restating && $0.id == "notRestating") }
            .sorted { $0.max - $0.points > $1.max - $1.points }
        for c in missing {
            out.append(.init(topic: c.title.lowercased(), quote: "", suggestion: c.advice))
        }
        if let offQuestion = storyFeedback.first(where: { $0.topic == "off the question" }) { out.insert(offQuestion, at: 0) }
        out += storyFeedback.filter { !storyTopics.contains($0.topic) }
        return out
    }

    /// Each wrong claim, quoted, with its correction.
    static func misconceptions(_ hits: [ContentCoverage.MisconceptionHit]) -> [AnswerReport.Feedback] {
        hits.map { .init(topic: "wrong claim", quote: FeedbackWriter.trim($0.said), suggestion: "Not so: \($0.correction)") }
    }
}
