import AudioFiles
import Foundation
import Pipeline
import PocketSphinx
import SpeechCore
import Testing
import TestSupport
@testable import SpeechEvaluation

/// The recognizer gate: the model Rehearse loads by default (`ModelSelection`, as `rehearse
/// score` without --model), on sealed answers nobody tuned anything on (Tests/Data/asr-sealed,
/// its README), spoken by flite voices in the benchmark's noisy condition (issue 8: pink or
/// brown noise at 15–20 dB SNR, fixed per answer by its position; `scripts/synth-asr-corpus.sh`
/// makes the noise with `sox -R`, so every run hears the same audio).
///
/// The answers are the first four sealed ones with three or more fillers that share no 8-token
/// run with the training text (HeldOutSeparationTests lists the ones that do), picked from the
/// text alone; each is spoken by the voice the benchmark's rotation gives its position (kal16,
/// slt, rms, awb in turn), so these are four of docs/benchmark.md's sealed recordings.
/// Thresholds sit near the targets the README states and under what the default model measured
/// here (docs/benchmark.md, "Gates"); Debian's stock model must do worse on AWS names and
/// fillers, or the domain model is not earning its keep. Harsher rooms (steady pink noise at
/// 15 dB, a reverberant room) are measured in the benchmark, not gated.
@Suite("Recognizer gate: the default model on sealed answers under noise", .serialized)
struct SealedRecognizerGateTests {
    static let root = Fixtures.repo
    static let spoken: [(id: String, voice: String)] = [
        ("sealed-asr-003", "flite:rms:1.1"), ("sealed-asr-008", "flite:awb:1.0"),
        ("sealed-asr-010", "flite:slt:0.92"), ("sealed-asr-012", "flite:awb:1.0"),
    ]
    static let tools = ["flite", "sox", "soxi", "jq"]
    static let answers = root.appendingPathComponent("Tests/Data/asr-sealed/answers.json")

    /// The tools the rendering needs that are not on this machine.
    static var missingTools: [String] {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return tools.filter { tool in !path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") } }
    }

    /// The four answers rendered once per test process, in the "noisy" condition.
    static let rendered: Result<(folder: URL, recordings: [EvaluationManifest.Recording]), RenderError> = {
        let missing = missingTools
        guard missing.isEmpty else {
            return .failure(RenderError(message: "missing \(missing.joined(separator: ", ")): run scripts/install-deps.sh --test"))
        }
        do {
            let out = Fixtures.tempDirectory()
            // The whole answer file with --only, so each answer keeps its position's noise.
            for (id, voice) in spoken {
                try run("scripts/synth-asr-corpus.sh", ["-o", out.path, "-a", answers.path, "-v", voice, "--only", id])
            }
            let manifest = try EvaluationManifest.load(out.appendingPathComponent("manifest.json"))
            return .success((out, manifest.recordings.filter { $0.condition == "noisy" }))
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(RenderError(message: "\(error)"))
        }
    }()

    struct RenderError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    private static func run(_ script: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = root.appendingPathComponent(script)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw RenderError(message: "\(script) failed: \(message)") }
    }

    /// The model `rehearse score` loads when no --model is given, found as it finds it.
    static func defaultModel() throws -> RecognizerModel {
        let (model, note) = try ModelSelection.resolve(nil, modelsDirectory: root.appendingPathComponent("Models"))
        #expect(note == nil, "\(note ?? "")")
        return model
    }

    private func recordings() throws -> (folder: URL, recordings: [EvaluationManifest.Recording]) {
        let rendered = try Self.rendered.get()
        #expect(rendered.recordings.count == Self.spoken.count)
        return rendered
    }

    @Test("the default model is near its targets, and the stock model falls short of it on AWS names and fillers")
    func defaultModelNearTargets() throws {
        let (folder, recordings) = try recordings()
        let ours = try Evaluation(model: try Self.defaultModel(), workers: 2).run(recordings, in: folder)
        let stock = try Evaluation(model: try ModelSelection.resolve("debian").model, workers: 2).run(recordings, in: folder)
        #expect(ours.recordings.allSatisfy { $0.error == nil } && stock.recordings.allSatisfy { $0.error == nil })
        let o = ScoreSummary(ours.recordings), s = ScoreSummary(stock.recordings)
        let figures = String(format: "default: WER %.3f, AWS %d/%d, fillers matched %d heard %d said %d; stock: WER %.3f, AWS %d/%d, fillers %d/%d/%d",
                             o.wordErrorRate, o.servicesFound, o.servicesReferenced, o.fillersMatched, o.fillersHeard, o.fillersReferenced,
                             s.wordErrorRate, s.servicesFound, s.servicesReferenced, s.fillersMatched, s.fillersHeard, s.fillersReferenced)
        print("sealed recognizer gate, noisy: " + figures)

        #expect(o.wordErrorRate <= Self.ceilingWER, "\(figures)")
        #expect((o.serviceRecall ?? 0) >= Self.floorAWS, "\(figures)")
        #expect((o.fillerRecall ?? 0) >= Self.floorFillerRecall, "\(figures)")
        #expect((o.fillerPrecision ?? 0) >= Self.floorFillerPrecision, "\(figures)")
        #expect((o.serviceRecall ?? 0) > (s.serviceRecall ?? 0), "\(figures)")
        #expect((o.fillerRecall ?? 0) > (s.fillerRecall ?? 0), "\(figures)")
        #expect(o.wordErrorRate < s.wordErrorRate, "\(figures)")
    }

    @Test("decoding a sealed answer live, block by block, hears what decoding its file hears (default model)")
    func liveMatchesFileWithDefaultModel() throws {
        let (folder, recordings) = try recordings()
        let model = try Self.defaultModel()
        for recording in recordings.prefix(1) {
            let samples = try Fixtures.wavSamples(folder.appendingPathComponent(recording.path))
            let live = LiveTranscriber(recognizer: try PocketSphinxRecognizer(model: model), noiseReduction: .init())
            for block in samples.blocks(of: 320) { try live.append(block) }
            let heard = try live.finish().map(\.text)
            let file = StreamingTranscriber(recognizer: try PocketSphinxRecognizer(model: model), noiseReduction: .init())
            try file.append(samples)
            let fromFile = try file.finish().map(\.text)
            #expect(fromFile.count >= 40, "\(recording.id): \(fromFile.count) words from the file")
            // Same engine, same audio, the same number of words; under this noise the two
            // disagree on more of the words than on the sample recordings (LiveVsFileTests asks
            // 0.75 there): 52 of the file's 72 distinct words when the gate was set (0.72).
            let shared = Set(heard).intersection(fromFile).count
            print("live against file, \(recording.id) \(recording.voice): \(shared) of \(Set(fromFile).count) distinct words shared, "
                  + "\(heard.count) words live, \(fromFile.count) from the file")
            #expect(Double(shared) >= 0.65 * Double(Set(fromFile).count),
                    "\(recording.id) \(recording.voice): live and file share \(shared) of \(Set(fromFile).count) distinct words")
            #expect(abs(heard.count - fromFile.count) <= max(3, fromFile.count / 10), "\(recording.id): \(heard.count) live, \(fromFile.count) file")
        }
    }

    // Measured when the gate was set (issue 28), these four recordings: WER 0.325, AWS names 4 of
    // 4, fillers 10 matched of 11 heard and 17 said (precision 0.91, recall 0.59); the stock
    // model WER 0.449, names 3 of 4, fillers 0 of 17. The targets
    // (README) are WER <= 0.32 under noise, AWS names >= 0.90, fillers >= 0.80: WER and filler
    // recall miss them on sealed answers, so those bars sit under the measurement, not at the
    // target. With four names, 0.75 allows one miss; 0.90 would demand all four.
    static let ceilingWER = 0.40
    static let floorAWS = 0.75
    static let floorFillerRecall = 0.50
    static let floorFillerPrecision = 0.80
}
