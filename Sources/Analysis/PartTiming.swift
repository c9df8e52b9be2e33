/// When each part was said: its span, its share of the answer, and how long the speaker took
/// to name the decision. Needs timed words; typed answers get nulls.
enum PartTimingAnalysis {
    /// Setting the scene for more than this share of the answer before the decision is named (or,
    /// with no decision, context taking this share) is a long preamble.
    static let longPreambleShare = 0.5

    /// `decisionStart`: when the decision's own words began, when the structure knows it (a clause
    /// can open with the situation and name the decision halfway through).
    static func measure(segments: [AnswerReport.Segment], pacing: AnswerReport.Pacing,
                        words: [Word], decisionStart: Double? = nil) -> AnswerReport.Timing {
        let first = words.compactMap(\.start).min()
        let last = words.compactMap(\.end).max()
        guard let first, let last, last > first else {
            return .init(timeToDecisionSeconds: nil, parts: [:], longPreamble: false)
        }
        let total = last - first
        let decisionIndex = segments.firstIndex { $0.parts.contains(.choice) }
        // Until the decision is named, whatever the speaker says is set-up.
        func label(_ i: Int) -> AnswerPart? {
            if let part = segments[i].part { return part }
            if let decisionIndex, i < decisionIndex { return .context }
            return nil
        }
        var parts: [String: AnswerReport.PartTime] = [:]
        for part in AnswerPart.allCases {
            let own = segments.indices.filter { label($0) == part && segments[$0].start != nil && segments[$0].end != nil }
                .map { segments[$0] }
            guard let start = own.map({ $0.start! }).min(), let end = own.map({ $0.end! }).max() else { continue }
            let seconds = own.reduce(0) { $0 + ($1.end! - $1.start!) }
            parts[part.rawValue] = .init(start: start, end: end, seconds: round2(seconds), share: round2(seconds / total))
        }
        let decision = (decisionStart ?? decisionIndex.flatMap { segments[$0].start }).map { round2($0 - first) }
        // The preamble is what comes before the decision is named; without a decision, the context.
        let preamble = decision.map { $0 / total } ?? parts[AnswerPart.context.rawValue]?.share ?? 0
        return .init(timeToDecisionSeconds: decision, parts: parts, longPreamble: preamble > longPreambleShare)
    }

    private static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
