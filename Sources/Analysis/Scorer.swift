/// The 0–100 score and its parts, each with a sentence the user can act on.
/// Parts that need audio (pace, pauses) are left out for typed answers, the question part is
/// there only when the answer was given to a bank question with key points, and the total is
/// scaled to what could be measured.
enum Scorer {
    /// Key points that make a complete answer. The bank lists four to six per question, several
    /// of them alternatives ("split it with Step Functions, or move it to Fargate") or extras, so
    /// three earn the question part in full (or all of them, where a question has fewer).
    static let keyPointsForFullMarks = 3
    /// An answer that touches none of the question's key points and names none of its services
    /// is answering some other question. An interviewer would not pass it however well it is
    /// built, so the overall is held at this.
    static let offQuestionCeiling = 40

    /// What the answer had to do with the question it was given to.
    struct QuestionFit {
        var coverage: ContentCoverage
        /// The question's own services (`Question.services`), in the bank's order.
        var questionServices: [String]
        /// Whether the answer named any of them.
        var namedQuestionService: Bool

        var offQuestion: Bool { coverage.total > 0 && coverage.hit.isEmpty && !namedQuestionService }
    }

    static func score(structure: AnswerReport.Structure, flags: AnswerReport.Flags, pacing: AnswerReport.Pacing,
                      fillers: AnswerReport.Fillers, timed: Bool, wordCount: Int,
                      question: QuestionFit? = nil) -> AnswerReport.Score {
        var parts: [String: AnswerReport.ScorePart] = [:]

        let missing = AnswerPart.allCases.filter { !structure[$0].present }
        parts["structure"] = .init(
            points: Double(4 - missing.count) * 10, max: 40, measured: true,
            note: missing.isEmpty
                ? "All four parts are there: context, choice, trade-off and result."
                : "Add the missing \(list(missing.map { $0.title.lowercased() })): \(advice(for: missing[0]))")

        var substance = 0.0
        var substanceNote: [String] = []
        if flags.measurableResult { substance += 10 } else if structure.result.present {
            substance += 5; substanceNote.append("put a number on the result (%, ms, minutes, dollars)")
        } else { substanceNote.append("close with a measured result") }
        if flags.serviceDump {
            substanceNote.append("give each service you name the reason you needed it")
        } else if flags.definitionOnly {
            substanceNote.append("say when you used it and why, not what it is")
        } else if !structure.choice.present {
            substance += 5; substanceNote.append("name what you chose and what you ruled out")
        } else { substance += 10 }
        if flags.marketingLanguage { substance = max(0, substance - 3); substanceNote.append("drop brochure words like \"robust\" or \"seamless\"") }
        parts["substance"] = .init(points: substance, max: 20, measured: true,
                                   note: substanceNote.isEmpty ? "Reasons and a measured result: this sounds like a decision you owned."
                                                               : sentence(substanceNote))

        let per100 = fillers.per100Words
        let fillerPoints = wordCount == 0 ? 0 : 15 * clamp((10 - per100) / 8)
        // "mostly X" only when X is more than half of them: one "uh" and one "um" is not mostly "uh".
        let total = fillers.byWord.values.reduce(0, +)
        let top = fillers.byWord.first { 2 * $0.value > total }?.key
        parts["fillers"] = .init(points: round1(fillerPoints), max: 15, measured: wordCount > 0,
                                 note: per100 <= 2 ? "Few fillers (\(FigureText.short(per100)) per 100 words)."
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
        } else {
            parts["pace"] = .init(points: 0, max: 15, measured: false, note: "Pace needs a recording; typed answers are not timed.")
            parts["pauses"] = .init(points: 0, max: 10, measured: false, note: "Pauses need a recording; typed answers are not timed.")
        }

        if let question, question.coverage.total > 0 {
            parts["question"] = questionPart(question, wordCount: wordCount)
        }

        let measured = parts.values.filter(\.measured)
        let available = measured.reduce(0) { $0 + $1.max }
        let earned = measured.reduce(0) { $0 + $1.points }
        var overall = wordCount == 0 || available == 0 ? 0 : Int((earned / available * 100).rounded())
        if wordCount > 0, question?.offQuestion == true { overall = min(overall, offQuestionCeiling) }
        return .init(overall: overall, parts: parts)
    }

    /// 20 points for covering the question's key points: full marks at `keyPointsForFullMarks`.
    private static func questionPart(_ fit: QuestionFit, wordCount: Int) -> AnswerReport.ScorePart {
        let c = fit.coverage
        let needed = min(keyPointsForFullMarks, c.total)
        let points = wordCount == 0 ? 0 : 20 * min(1, Double(c.hit.count) / Double(needed))
        let covered = "Covered \(c.hit.count) of \(c.total) key points"
        let note: String
        if wordCount == 0 {
            note = "Nothing was said to cover the question's key points."
        } else if fit.offQuestion {
            let named = fit.questionServices.isEmpty ? "" : " and no \(list(fit.questionServices, joiner: "or"))"
            note = "This seems to answer another question: none of its key points\(named) came up, so the overall "
                + "is held at \(offQuestionCeiling). Start from: \(c.missed.first ?? "")"
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
