/// The 0–100 score and its parts, each with a sentence the user can act on.
/// The rubric part judges the answer as its kind of question needs (docs/rubrics.md); the
/// question part counts the bank question's key points; fillers, pace and pauses need a
/// recording (a typed answer is judged on what it says). The total is scaled to what could be
/// measured, then held down for a wrong claim of fact or an answer to another question.
enum Scorer {
    /// Key points that make a complete answer. The bank lists three to six per question, several
    /// of them alternatives or extras, so three earn the question part in full (or all of them,
    /// where a question has fewer).
    static let keyPointsForFullMarks = 3

    /// What the answer had to do with the question it was given to.
    struct QuestionFit {
        var coverage: ContentCoverage
        /// The question's own services (`Question.services`), in the bank's order.
        var questionServices: [String]
        /// Whether the answer named any of them.
        var namedQuestionService: Bool
        /// Whether the answer said what the question is about (`Question.subject`); true when the
        /// question names no subject.
        var saidSubject = true
        /// The question's subject phrases, for the note when the answer missed them.
        var subject: [String] = []

        var offQuestion: Bool { coverage.total > 0 && (coverage.hit.isEmpty && !namedQuestionService || !saidSubject) }
    }

    static func score(rubric: AnswerReport.RubricResult?, flags: AnswerReport.Flags, pacing: AnswerReport.Pacing,
                      fillers: AnswerReport.Fillers, timed: Bool, recorded: Bool = false, wordCount: Int,
                      question: QuestionFit? = nil, misconceptions: [ContentCoverage.MisconceptionHit] = [],
                      book: RubricBook? = nil) -> AnswerReport.Score {
        var parts: [String: AnswerReport.ScorePart] = [:]
        // The fault that holds the whole answer lowest, if any ("nothing concrete", "takes no decision").
        let holding = rubric?.faults.compactMap { f in f.ceiling.map { (fault: f, ceiling: $0) } }.min { $0.ceiling < $1.ceiling }

        if let rubric {
            let missing = rubric.criteria.filter { !$0.met }.sorted { $0.max - $0.points > $1.max - $1.points }
            let kind = rubric.kind == .followUp ? "follow-up" : rubric.kind.rawValue
            var note = missing.first.map(\.advice) ?? "Everything a \(kind) answer needs is there."
            if let fault = rubric.faults.max(by: { $0.penalty < $1.penalty }), missing.isEmpty || fault.penalty >= 8 {
                note = fault.advice
            }
            // A fault that holds the whole score says so, or the total would not add up.
            if let holding {
                note = "The whole answer is held at \(holding.ceiling) (\(holding.fault.title.lowercased())). \(holding.fault.advice)"
            }
            parts["rubric"] = .init(points: wordCount == 0 ? 0 : rubric.points, max: rubric.max, measured: true, note: note)
        }

        let per100 = fillers.per100Words
        let fillerPoints = wordCount == 0 ? 0 : 15 * clamp((10 - per100) / 8)
        // "mostly X" only when X is more than half of them: one "uh" and one "um" is not mostly "uh".
        let total = fillers.byWord.values.reduce(0, +)
        let top = fillers.byWord.first { 2 * $0.value > total }?.key
        parts["fillers"] = .init(points: timed ? round1(fillerPoints) : 0, max: 15, measured: timed && wordCount > 0,
                                 note: !timed && recorded ? "Nothing to count: too few words were heard in the recording."
                                     : !timed ? "Fillers are scored on recordings; typed answers are judged on what they say."
                                     : per100 <= 2 ? "Few fillers (\(FigureText.short(per100)) per 100 words)."
                                     : "\(FigureText.short(per100)) fillers per 100 words\(top.map { ", mostly \"\($0)\"" } ?? ""): pause silently instead; aim for under 2.")

        if timed, let wpm = pacing.wordsPerMinute {
            let band = PaceBand.wordsPerMinute, points: Double
            if band.contains(wpm) { points = 15 }
            else if wpm < band.lowerBound { points = 15 * clamp((wpm - 80) / (band.lowerBound - 80)) }
            else { points = 15 * clamp((220 - wpm) / (220 - band.upperBound)) }
            // The figure every report shows (rounded), and the verdict read from that figure, so
            // 170.4 is not "170 words a minute is fast" and 177.8 is 178 here as in the header.
            let shown = wpm.rounded()
            let note = switch PaceBand.verdict(wpm) {
            case .easy: "\(Int(shown)) words a minute: an easy pace to follow."
            case .slow: "\(Int(shown)) words a minute is slow; aim for 120–170 by cutting the long gaps, not by rushing."
            case .fast: "\(Int(shown)) words a minute is fast; slow to 120–170 and let the key numbers land."
            }
            parts["pace"] = .init(points: round1(points), max: 15, measured: true, note: note)
            let long = pacing.longPauseCount
            parts["pauses"] = .init(points: max(0, 10 - 3 * Double(long)), max: 10, measured: true,
                                    note: long == 0 ? "No long pauses (1.5 s or more)."
                                        : "\(long) long pause\(long == 1 ? "" : "s") (1.5 s or more): know your next part before you start the current one.")
        } else if recorded {
            parts["pace"] = .init(points: 0, max: 15, measured: false, note: "Nothing to time: too few words were heard in the recording.")
            parts["pauses"] = .init(points: 0, max: 10, measured: false, note: "Nothing to time: too few words were heard in the recording.")
        } else {
            parts["pace"] = .init(points: 0, max: 15, measured: false, note: "Pace needs a recording; typed answers are not timed.")
            parts["pauses"] = .init(points: 0, max: 10, measured: false, note: "Pauses need a recording; typed answers are not timed.")
        }

        let offCeiling = book?.offQuestionCeiling ?? 40
        if let question, question.coverage.total > 0 {
            parts["question"] = questionPart(question, wordCount: wordCount, ceiling: offCeiling)
        }

        let measured = parts.values.filter(\.measured)
        let available = measured.reduce(0) { $0 + $1.max }
        let earned = measured.reduce(0) { $0 + $1.points }
        var overall = wordCount == 0 || available == 0 ? 0 : Int((earned / available * 100).rounded())
        if wordCount > 0, question?.offQuestion == true { overall = min(overall, offCeiling) }
        // A wrong claim of fact is what an interviewer remembers about an answer, however well built.
        if !misconceptions.isEmpty { overall = min(overall, book?.misconceptionCeiling ?? 35) }
        // An answer with nothing concrete in it could be about anything, however it is built.
        if let holding { overall = min(overall, holding.ceiling) }
        return .init(overall: overall, parts: parts)
    }

    /// 20 points for covering the question's key points: full marks at `keyPointsForFullMarks`.
    private static func questionPart(_ fit: QuestionFit, wordCount: Int, ceiling: Int) -> AnswerReport.ScorePart {
        let c = fit.coverage
        let needed = min(keyPointsForFullMarks, c.total)
        let points = wordCount == 0 ? 0 : 20 * min(1, Double(c.hit.count) / Double(needed))
        let covered = "Covered \(c.hit.count) of \(c.total) key points"
        let note: String
        if wordCount == 0 {
            note = "Nothing was said to cover the question's key points."
        } else if fit.offQuestion, !fit.saidSubject {
            note = "This seems to answer another question: it never comes to what this one is about ("
                + list(Array(fit.subject.prefix(3)).map { "\"\($0)\"" }, joiner: "or") + "), so the overall is held at \(ceiling)."
        } else if fit.offQuestion {
            let named = fit.questionServices.isEmpty ? "" : " and no \(list(fit.questionServices, joiner: "or"))"
            note = "This seems to answer another question: none of its key points\(named) came up, so the overall "
                + "is held at \(ceiling). Start from: \(c.missed.first ?? "")"
        } else if c.hit.count >= needed {
            note = covered + " of the question."
        } else {
            note = covered + "; also cover: \(c.missed.first ?? "")"
        }
        return .init(points: round1(points), max: 20, measured: true, note: note)
    }

    static func advice(for part: AnswerPart) -> String {
        switch part {
        case .context: return "open with the problem in one sentence — what was breaking, slow or expensive."
        case .choice: return "say what you picked and what you picked it over, with the reason."
        case .tradeoff: return "volunteer the downside of your own choice before the interviewer asks."
        case .result: return "finish with what changed, ideally a number."
        }
    }

    private static func list(_ items: [String], joiner: String = "and") -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(joiner) " + items.last!
    }
    private static func sentence(_ items: [String]) -> String {
        let s = items.joined(separator: "; ")
        return s.prefix(1).uppercased() + s.dropFirst() + "."
    }
    private static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
    private static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}

import Foundation
