import Foundation
import Testing
import TestSupport
@testable import History

@Suite struct ProgressAnalysisTests {
    static func attempt(_ i: Int, score: Int, fillers: Double, wpm: Double?, topic: String? = "lambda") -> AttemptSummary {
        Samples.attemptSummary(i, score: score, fillers: fillers, wpm: wpm, topic: topic)
    }

    @Test func baselineIsTheMedianOfTheFirstAttemptsAndSmallChangesAreSteady() {
        let scores = [50, 80, 52, 60, 61, 70, 72, 71, 90, 73]
        let attempts = scores.enumerated().map { Self.attempt($0.offset, score: $0.element, fillers: 6, wpm: 150) }
        let p = ProgressAnalysis().summarize(attempts)
        let score = p.metrics.first { $0.metric == .score }!
        #expect(score.baseline == 60) // median of 50, 80, 52, 60, 61
        #expect(score.recent == 72)   // median of 70, 72, 71, 90, 73
        #expect(score.change == 0.2)
        #expect(score.verdict == .better)
        let fillers = p.metrics.first { $0.metric == .fillersPerMinute }!
        #expect(fillers.verdict == .steady)
    }

    @Test func tenPercentIsTheThreshold() {
        func verdict(_ before: Double, _ after: Double) -> Verdict {
            let attempts = [before, before, after, after].enumerated().map {
                Self.attempt($0.offset, score: 70, fillers: $0.element, wpm: 150)
            }
            return ProgressAnalysis().trend(.fillersPerMinute, attempts).verdict
        }
        #expect(verdict(10, 9.1) == .steady)   // −9%
        #expect(verdict(10, 8.8) == .better)   // −12%
        #expect(verdict(10, 11.5) == .worse)   // +15%
        // Near zero, change is measured against 1 filler a minute, not against 0.1.
        #expect(verdict(0.1, 0.18) == .steady)
    }

    @Test func paceIsJudgedAgainstTheBand() {
        func verdict(_ before: Double, _ after: Double) -> Verdict {
            let attempts = [before, before, after, after].enumerated().map { Self.attempt($0.offset, score: 70, fillers: 3, wpm: $0.element) }
            return ProgressAnalysis().trend(.wordsPerMinute, attempts).verdict
        }
        #expect(verdict(95, 130) == .better)
        #expect(verdict(150, 200) == .worse)
        #expect(verdict(125, 165) == .different) // faster, still comfortable
        #expect(verdict(140, 145) == .steady)
    }

    @Test func typedAnswersLeavePaceOutAndGroupsSplitByTopic() {
        let attempts = [Self.attempt(1, score: 40, fillers: 5, wpm: nil, topic: nil),
                        Self.attempt(2, score: 50, fillers: 5, wpm: 140, topic: "s3"),
                        Self.attempt(3, score: 60, fillers: 5, wpm: 150, topic: "s3")]
        let p = ProgressAnalysis().summarize(attempts)
        #expect(p.metrics.first { $0.metric == .wordsPerMinute }!.values == [140, 150])
        #expect(p.metrics.first { $0.metric == .longPauses }!.values.count == 2)
        let topics = p.groups.filter { $0.kind == .topic }
        #expect(topics.map(\.name) == ["none", "s3"])
        #expect(topics.map(\.attempts) == [1, 2])
        #expect(ProgressAnalysis().summarize([]).metrics.allSatisfy { $0.verdict == .tooFewAttempts })
    }
}
