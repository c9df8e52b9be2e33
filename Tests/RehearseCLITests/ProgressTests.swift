import Foundation
@testable import Pipeline
import Practice
@testable import Reports
import Testing
import TestSupport

/// How far a long recording is, while `rehearse score` transcribes it.
@Suite struct ProgressTests {
    @Test func theRecognizerReportsItsWayThroughTheRecording() throws {
        let sample = Fixtures.repo.appendingPathComponent("Audio/strong-answer.wav").path
        var seen: [(done: Double, total: Double)] = []
        let report = try ScoringPipeline(analyzer: .init(), model: .debianEnUS)
            .score(path: sample) { seen.append(($0, $1)) }
        #expect(!report.transcript.words.isEmpty)
        // 29.4 s read in blocks of about a second: many steps, each further on, ending at the end.
        #expect(seen.count >= 10, "\(seen.count) updates")
        #expect(seen.allSatisfy { abs($0.total - 29.37) < 0.05 }, "\(seen.map(\.total))")
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done < $1.done })
        let last = try #require(seen.last)
        #expect(abs(last.done - last.total) < 0.05, "last update at \(last.done) s")
    }

    @Test func theLineSaysHowFarIntoHowLong() {
        #expect(ProgressBar.line(seconds: 65.9, of: 234.9, name: "mock-interview.wav") == "1:05 of 3:54  mock-interview.wav")
        #expect(ProgressBar.line(seconds: 300, of: 234.9, name: "a.wav") == "3:54 of 3:54  a.wav")
        let long = String(repeating: "x", count: 50) + ".wav"
        #expect(ProgressBar.line(seconds: 0, of: 3600, name: long) == "0:00 of 60:00  " + String(repeating: "x", count: 30))
    }
}
