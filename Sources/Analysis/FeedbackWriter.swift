/// The two or three fixes worth most, each quoting the speaker's own words and saying what a
/// stronger sentence would add. Ordered by how much the fix would change the answer.
import Foundation

enum FeedbackWriter {
    static let limit = 3

    static func write(structure: AnswerReport.Structure, flags: AnswerReport.Flags, evidence: AnswerReport.FlagEvidence,
                      fillers: AnswerReport.Fillers, timing: AnswerReport.Timing, services: [String],
                      transcript: [AnswerReport.TranscriptWord], alternatives: AlternativesMap,
                      missedQuestion: Question? = nil, cues: CompiledCues) -> [AnswerReport.Feedback] {
        var out: [AnswerReport.Feedback] = []
        func add(_ topic: String, _ quote: String?, _ suggestion: String) {
            out.append(.init(topic: topic, quote: quote.map(trim) ?? "", suggestion: suggestion))
        }
        guard !flags.noSpeech else {
            add("speech", nil, "Nothing was heard. Check the microphone level, then answer in four beats: problem, choice, cost, result.")
            return out
        }
        let chosen = FollowUpWriter.chosenService(structure: structure, services: services, index: cues.services)
        let other = chosen.flatMap { alternatives.alternatives(to: $0).first?.other }

        if let q = missedQuestion {
            let start = q.keyPoints.first.map { " Start from its first point: \($0.point)" } ?? ""
            let prompt = q.prompt.last.map { ".?!".contains($0) } == true ? q.prompt : q.prompt + "."
            add("off the question", nil, "Answer the question that was asked: \"\(prompt)\"\(start)")
        }

        if flags.definitionOnly {
            add(AnswerFlag.definitionOnly.topic, evidence.definitionOnly,
                "This describes the service. Replace it with a time you used it: \"We moved X to \(services.first ?? "it") because…, instead of …\".")
        }
        if flags.serviceDump {
            add(AnswerFlag.serviceDump.topic, evidence.serviceDump,
                "Keep the one service that mattered and tie it to the problem: \"\(services.first ?? "SQS"), because …\". Drop the rest or give each its reason.")
        }
        if !structure.choice.present && !flags.definitionOnly {
            add("choice", nil, "Say what you decided and what you ruled out: \"I chose … over …, because …\".")
        }
        if !structure.tradeoff.present && structure.choice.present {
            let versus = other.map { " compared with \($0)" } ?? ""
            add(AnswerFlag.volunteeredDownside.topic, structure.choice.evidence,
                "Follow the choice with its cost\(versus): \"The downside was …, so we …\". Volunteering it is what sounds senior.")
        }
        if !structure.result.present && structure.choice.present {
            add("result", nil, "End with what changed, with a number: \"…, and p99 latency fell from 800 to 120 ms\".")
        } else if structure.result.present && !flags.measurableResult {
            add(AnswerFlag.measurableResult.topic, structure.result.evidence,
                "Put a number on it: how much, how fast, how often, or how many dollars — \"… by 40% in two weeks\".")
        }
        if !structure.context.present && structure.choice.present {
            add("context", nil, "Open with the problem in one sentence: what was breaking, slow or expensive, and for whom.")
        }
        if timing.longPreamble {
            add("long preamble", structure.context.evidence,
                "The set-up took over half the answer. Cut it to one sentence and name your decision in the first 15 seconds.")
        }
        if flags.hedging {
            add(AnswerFlag.hedging.topic, evidence.hedging.prefix(3).joined(separator: "\", \""),
                "State it plainly. If you are unsure of a figure, say the one you are sure of: \"about 30 services\".")
        }
        if flags.marketingLanguage {
            add(AnswerFlag.marketing.topic, evidence.marketingLanguage.prefix(3).joined(separator: "\", \""),
                "Swap brochure words for what actually happened: a number, a failure you avoided, a cost you cut.")
        }
        if fillers.per100Words > 5, let worst = densestFillerStretch(transcript) {
            add("fillers", worst, "Pause silently where the fillers are; a one-second pause sounds more confident than \"um\".")
        }
        if flags.mostlyWe {
            add(AnswerFlag.mostlyWe.topic, nil, "Say what you did yourself: \"I proposed…\", \"I measured…\". \"We\" hides your part.")
        }
        return out
    }

    /// The ten-word stretch with the most fillers, for quoting.
    static func densestFillerStretch(_ words: [AnswerReport.TranscriptWord]) -> String? {
        let window = min(10, words.count)
        guard window > 0 else { return nil }
        var best = 0, bestCount = -1
        for start in 0...(words.count - window) {
            let count = words[start..<start + window].filter(\.isFiller).count
            if count > bestCount { best = start; bestCount = count }
        }
        guard bestCount > 0 else { return nil }
        return words[best..<best + window].map { $0.text.lowercased().trimmingCharacters(in: .punctuationCharacters) }
            .joined(separator: " ")
    }

    /// At most 18 words of the speaker's, for quoting.
    static func trim(_ s: String) -> String {
        let words = s.split(separator: " ")
        return words.count <= 18 ? s : words.prefix(18).joined(separator: " ") + " …"
    }
}

/// Scores an answer to "why X and not Y?": does it name a real dimension that separates them?
/// Nil when `Models/alternatives.json` lists nothing that separates the two: with no
/// dimensions to look for, no answer could be said to name one.
public enum FollowUpJudge {
    public static func judge(words: [String], chosen: String, other: String,
                             alternatives: AlternativesMap) -> AnswerReport.FollowUpAnswer? {
        judge(words: words, chosen: chosen, other: other, alternatives: alternatives, cues: .standard)?.answer
    }

    /// The verdict, and where the first dimension was named (a word index of `text` when a
    /// matcher is given, else of `words`). With a matcher, phrases match as key-point phrases
    /// do, on stems ("retried" for "retry"), but a negated mention counts ("we never needed to
    /// replay" names replay as the reason), and a phrase the follow-up itself says does not
    /// (`asked`: "since it gives you throttling" is no reason to credit "throttling"); pass
    /// `text` with echoes and retelling already masked.
    static func judge(words: [String], chosen: String, other: String, alternatives: AlternativesMap,
                      cues: CompiledCues, text: KeyPointMatcher.Text? = nil, asked: KeyPointMatcher.Text? = nil,
                      matcher: KeyPointMatcher? = nil) -> (answer: AnswerReport.FollowUpAnswer, firstAt: Int?)? {
        guard let dimensions = alternatives.separating(chosen, other)?.dimensions else { return nil }
        var named: [String] = []
        var firstAt: Int?
        for d in dimensions {
            let at: Int?
            if let matcher, let text {
                at = matcher.firstMatch(of: d.phrases, in: text, except: asked, negatedCounts: true)?.match.range.lowerBound
            } else {
                at = d.phrases.compactMap {
                    PhraseMatcher.occurrences(of: PhraseMatcher.split($0), in: words, homophones: cues.homophones).first
                }.min()
            }
            if let at {
                named.append(d.name)
                firstAt = min(firstAt ?? at, at)
            }
        }
        return (.init(chosen: chosen, other: other, dimensionsNamed: named, dimensionsAvailable: dimensions.map(\.name),
                      namesRealDifference: !named.isEmpty), firstAt)
    }
}
