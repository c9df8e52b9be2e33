/// Finds context, choice, trade-off and result in an answer's clauses, and when each was said.
enum StructureDetector {
    struct Output {
        var findings: AnswerReport.Structure
        var segments: [AnswerReport.Segment]
    }

    static func detect(clauses: [Clause]) -> Output {
        let cues = CompiledCues.shared
        var best: [AnswerPart: (score: Int, clause: Clause, cues: [String])] = [:]
        var spans: [AnswerPart: (start: Double?, end: Double?)] = [:]
        var segments: [AnswerReport.Segment] = []

        for clause in clauses {
            var scores: [(AnswerPart, Int, [String])] = []
            for part in AnswerPart.allCases {
                let (score, matched) = cues.score(part, clause.tokens)
                if score >= PartCues.threshold { scores.append((part, score, matched)) }
            }
            for (part, score, matched) in scores where score > (best[part]?.score ?? 0) {
                best[part] = (score, clause, matched)
            }
            // The clause's own label on the timeline is its strongest part; ties go to the
            // part that usually comes first in an answer.
            let primary = scores.max { a, b in a.1 != b.1 ? a.1 < b.1 : a.0.order > b.0.order }?.0
            if let primary {
                var span = spans[primary] ?? (clause.start, clause.end)
                if span.start == nil { span.start = clause.start }
                span.end = clause.end ?? span.end
                spans[primary] = span
            }
            segments.append(.init(text: clause.text, part: primary, start: clause.start, end: clause.end))
        }

        var structure = AnswerReport.Structure(context: .absent, choice: .absent, tradeoff: .absent, result: .absent)
        for part in AnswerPart.allCases {
            guard let found = best[part] else { continue }
            let span = spans[part] ?? (found.clause.start, found.clause.end)
            structure[part] = .init(present: true, evidence: found.clause.text, cues: found.cues,
                                    start: span.start, end: span.end)
        }
        return Output(findings: structure, segments: segments)
    }
}

extension AnswerPart {
    var order: Int { AnswerPart.allCases.firstIndex(of: self)! }
}
