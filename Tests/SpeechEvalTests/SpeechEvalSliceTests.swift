import Foundation
import Pipeline
import PocketSphinx
import SpeechCore
import Testing
@testable import SpeechEvaluation

/// A small slice of the benchmark as a regression guard: three dev answers spoken by one
/// flite voice, clean and noisy, through the real pipeline with the domain model. Thresholds
/// are loose (noisy speech is still hard for this acoustic model, about 0.5 WER here); the
/// full run (docs/benchmark.md) is the benchmark.
@Suite(.serialized) struct SpeechEvalSliceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var toolsPresent: Bool {
        ["/usr/bin/flite", "/usr/bin/sox", "/usr/bin/jq"].allSatisfy { FileManager.default.fileExists(atPath: $0) }
            && FileManager.default.fileExists(atPath: root.appendingPathComponent("Models/recognizer.json").path)
    }

    @Test func threeAnswersOneVoice() throws {
        // A missing tool fails the test with what to install, rather than skipping it unseen.
        try #require(Self.toolsPresent, "needs /usr/bin/flite, sox and jq (scripts/install-deps.sh --test) and Models/recognizer.json")
        let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rehearse-eval-slice-\(getpid())")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = Process()
        script.executableURL = Self.root.appendingPathComponent("scripts/synth-asr-corpus.sh")
        script.arguments = ["-o", out.path, "-v", "flite:slt:1.0", "-n", "3"]
        script.standardError = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)

        let manifest = try EvaluationManifest.load(out.appendingPathComponent("manifest.json"))
        let recordings = manifest.recordings.filter { $0.condition != "stereo44k" }
        #expect(recordings.count == 6)
        let model = try RecognizerModel.rehearseDomain(modelsDirectory: Self.root.appendingPathComponent("Models"))
        let result = try Evaluation(model: model, workers: 2).run(recordings, in: out)
        #expect(result.recordings.allSatisfy { $0.error == nil })
        let clean = ScoreSummary(result.recordings.filter { $0.condition == "clean" })
        let noisy = ScoreSummary(result.recordings.filter { $0.condition == "noisy" })
        #expect(clean.wordErrorRate < 0.35, "clean WER \(clean.wordErrorRate)")
        #expect(noisy.wordErrorRate < 0.7, "noisy WER \(noisy.wordErrorRate)")
        #expect((clean.serviceRecall ?? 0) >= 0.6)
        #expect((clean.fillerRecall ?? 0) >= 0.3)
        #expect((clean.longPauseRecall ?? 0) >= 0.5)
        #expect(result.modelLoadSeconds < 3)
        for r in result.recordings {
            // Each recording keeps its timed words: the same words as the hypothesis, in order.
            let heard = try #require(r.heardWords, "\(r.id) \(r.voice) \(r.condition)")
            #expect(heard.map(\.text).joined(separator: " ") == r.hypothesis)
            #expect(heard.allSatisfy { ($0.start ?? -1) >= 0 && ($0.end ?? -1) > ($0.start ?? 0) && $0.confidence != nil })
            #expect(zip(heard, heard.dropFirst()).allSatisfy { ($0.start ?? 0) <= ($1.start ?? 0) })
        }
    }
}
