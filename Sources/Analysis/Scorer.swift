/// The 0–100 score and its parts, each with a sentence the user can act on.
/// Parts that need audio (pace, pauses) are left out for typed answers and the total is
/// scaled to what could be measured.
enum Scorer {
    static let paceBand = 120.0...170.0

    static func score(structure: AnswerReport.Structure, flags: AnswerReport.Flags, pacing: AnswerReport.Pacing,
                      fillers: AnswerReport.Fillers, timed: Bool, wordCount: Int) -> AnswerReport.Score {
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
        let top = fillers.byWord.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        parts["fillers"] = .init(points: round1(fillerPoints), max: 15, measured: wordCount > 0,
                                 note: per100 <= 2 ? "Few fillers (\(FigureText.short(per100)) per 100 words)."
                                     : "\(FigureText.short(per100)) fillers per 100 words\(top.map { ", mostly \"\($0)\"" } ?? ""): pause silently instead; aim for under 2.")

        if timed, let wpm = pacing.wordsPerMinute {
            let points: Double
            if paceBand.contains(wpm) { points = 15 }
            else if wpm < paceBand.lowerBound { points = 15 * clamp((wpm - 80) / (paceBand.lowerBound - 80)) }
            else { points = 15 * clamp((220 - wpm) / (220 - paceBand.upperBound)) }
            let note = paceBand.contains(wpm) ? "\(Int(wpm)) words a minute: an easy pace to follow."
                : wpm < paceBand.lowerBound ? "\(Int(wpm)) words a minute is slow; aim for 120–170 by cutting the long gaps, not by rushing."
                : "\(Int(wpm)) words a minute is fast; slow to 120–170 and let the key numbers land."
            parts["pace"] = .init(points: round1(points), max: 15, measured: true, note: note)
            let long = pacing.longPauseCount
            parts["pauses"] = .init(points: max(0, 10 - 3 * Double(long)), max: 10, measured: true,
                                    note: long == 0 ? "No long pauses (1.5 s or more)."
                                        : "\(long) long pause\(long == 1 ? "" : "s") (1.5 s or more): know your next part before you start the current one.")
        } else {
            parts["pace"] = .init(points: 0, max: 15, measured: false, note: "Pace needs a recording; typed answers are not timed.")
            parts["pauses"] = .init(points: 0, max: 10, measured: false, note: "Pauses need a recording; typed answers are not timed.")
        }

        let measured = parts.values.filter(\.measured)
        let available = measured.reduce(0) { $0 + $1.max }
        let earned = measured.reduce(0) { $0 + $1.points }
        let overall = wordCount == 0 || available == 0 ? 0 : Int((earned / available * 100).rounded())
        return .init(overall: overall, parts: parts)
    }

    static func advice(for part: AnswerPart) -> String {
        switch part {
        case .context: return "open with the problem in one sentence — what was breaking, slow or expensive."
        case .choice: return "say what you picked and what you picked it over, with the reason."
        case .tradeoff: return "volunteer the downside of your own choice before the interviewer asks."
        case .result: return "finish with what changed, ideally a number."
        }
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
    private static func sentence(_ items: [String]) -> String {
        let s = items.joined(separator: "; ")
        return s.prefix(1).uppercased() + s.dropFirst() + "."
    }
    private static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
    private static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}

import Foundation
