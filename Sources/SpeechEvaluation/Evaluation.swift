import Analysis
import Foundation
import Pipeline
import PocketSphinx
import SpeechCore

/// Runs the real pipeline (audio reader, segmenter, PocketSphinx, analyzer) over a manifest's
/// recordings and scores what it heard against what was rendered.
public struct Evaluation: Sendable {
    public var model: RecognizerModel
    public var workers: Int
    /// Recognizers decoding each recording side by side (`PipelineConfiguration.decodeThreads`).
    public var decodeThreads: Int
    public var analyzer = AnswerAnalyzer()

    public init(model: RecognizerModel, workers: Int = 1, decodeThreads: Int = 1) {
        self.model = model
        self.workers = max(1, workers)
        self.decodeThreads = max(1, decodeThreads)
    }

    public struct Result: Codable, Sendable {
        public var model: String
        public var modelLoadSeconds: Double
        /// Whether the steady-noise filter ran (nil in results saved before it existed).
        public var noiseReduction: Bool?
        /// Whether dereverberation was on (nil in results saved before it existed).
        public var dereverb: Bool?
        /// Recordings decoded at once, and recognizers per recording (nil in older results).
        public var workers: Int?
        public var decodeThreads: Int?
        /// Wall time of the whole run, model load included (nil in older results).
        public var wallSeconds: Double?
        public var recordings: [RecordingScore]
    }

    /// CPU seconds to load the model and build the decoder, measured once.
    public func measureLoad() throws -> Double {
        let started = Self.threadCPUSeconds()
        _ = try PocketSphinxBackend(model: model).makeRecognizer()
        return Self.threadCPUSeconds() - started
    }

    public func run(_ recordings: [EvaluationManifest.Recording], in folder: URL,
                    progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) throws -> Result {
        let started = Date()
        let load = try measureLoad()
        let model = self.model, analyzer = self.analyzer, decodeThreads = self.decodeThreads
        // Decoding on several threads per recording: the CPU of the whole process is the cost.
        let cpuClock = decodeThreads > 1 ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID
        let configuration = PipelineConfiguration(model: model, decodeThreads: decodeThreads)
        let scores = ParallelWork.map(count: recordings.count, workers: workers,
                                      worker: { ScoringPipeline(analyzer: analyzer, configuration: configuration) },
                                      progress: { done, total, index in progress(done, total, recordings[index].path) }) { pipeline, index in
            let recording = recordings[index]
            let path = folder.appendingPathComponent(recording.path).path
            do {
                let cpuBefore = Self.cpuSeconds(cpuClock)
                let report = try pipeline.scoreRecording(path: path)
                var score = RecordingScore.compare(recording, heard: report, analyzer: analyzer)
                score.cpuSeconds = Self.cpuSeconds(cpuClock) - cpuBefore
                return score
            } catch {
                var score = RecordingScore(id: recording.id, voice: recording.voice, condition: recording.condition)
                score.error = "\(path): \(error)"
                return score
            }
        }
        return Result(model: model.name, modelLoadSeconds: load, noiseReduction: model.noiseFilter, dereverb: model.dereverb,
                      workers: workers, decodeThreads: decodeThreads, wallSeconds: Date().timeIntervalSince(started),
                      recordings: scores)
    }
}

extension Evaluation.Result {
    /// The same run scored again with `analyzer` over each recording's stored words, so a
    /// change to the analyzer's rules can be measured without decoding. Times and CPU are the
    /// run's own; recordings without stored words (older results) or with an error stay as
    /// they were.
    public func reanalysed(with analyzer: AnswerAnalyzer = AnswerAnalyzer(), manifest: [EvaluationManifest.Recording]) -> Self {
        let byKey = Dictionary(manifest.map { ($0.key, $0) }) { first, _ in first }
        var again = self
        again.recordings = recordings.map { old in
            guard old.error == nil, let heard = old.heardWords,
                  let recording = byKey[old.key] else { return old }
            let words = heard.map { Word($0.text, start: $0.start, end: $0.end, confidence: $0.confidence) }
            var score = RecordingScore.compare(recording, heard: analyzer.analyze(words: words), analyzer: analyzer)
            score.audioSeconds = old.audioSeconds
            score.decodeSeconds = old.decodeSeconds
            score.cpuSeconds = old.cpuSeconds
            return score
        }
        return again
    }
}

extension Evaluation {
    /// CPU time of the calling thread: the real-time factor on one core, whatever else the
    /// machine is doing (wall time on a shared machine measures the neighbours).
    static func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }

    static func cpuSeconds(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

extension Evaluation.Result {
    /// Rows per voice and condition, then per condition over all voices.
    public var summaries: [(voice: String, condition: String, summary: ScoreSummary)] {
        var rows: [(String, String, ScoreSummary)] = []
        let known = ["clean", "noisy", "stereo44k", "user", "room",
                     "reverb-light", "reverb-medium", "reverb-strong", "fan", "reverb-fan"]
        let conditions = known.filter { c in recordings.contains { $0.condition == c } }
            + Set(recordings.map(\.condition)).subtracting(known).sorted()
        let voices = Array(Set(recordings.map(\.voice))).sorted()
        for voice in voices {
            for condition in conditions {
                let group = recordings.filter { $0.voice == voice && $0.condition == condition }
                if !group.isEmpty { rows.append((voice, condition, ScoreSummary(group))) }
            }
        }
        for condition in conditions {
            rows.append(("all voices", condition, ScoreSummary(recordings.filter { $0.condition == condition })))
        }
        return rows
    }

    /// The table `rehearse eval-asr` prints.
    public func table() -> String {
        func f(_ x: Double?, _ digits: Int = 2) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            s.count >= n ? s : (left ? s + String(repeating: " ", count: n - s.count) : String(repeating: " ", count: n - s.count) + s)
        }
        // The voice column is as wide as the longest voice name, plus a gap.
        let voiceWidth = max(12, summaries.map(\.voice.count).max() ?? 0) + 2
        let conditionWidth = max(8, summaries.map(\.condition.count).max() ?? 0) + 2
        let filter = (noiseReduction.map { $0 ? "   noise filter on" : "   noise filter off" } ?? "")
            + (dereverb.map { $0 ? ", dereverb on" : ", dereverb off" } ?? "")
        let threads = workers.map { w in "   threads: \(w) recording\(w == 1 ? "" : "s") at once × \(decodeThreads ?? 1) decoder\(decodeThreads ?? 1 == 1 ? "" : "s") each" } ?? ""
        var lines = ["model: \(model)   load \(f(modelLoadSeconds)) s CPU\(filter)\(threads)",
                     "(RTF: CPU seconds per audio second, of the decoding thread, or of the process with several decoders per recording; wallRTF: wall clock, slowed by whatever else runs; derev: recordings dereverberated)"
                        + (wallSeconds.map { String(format: "\nwall time of the run: %.1f s for %.0f s of audio", $0, recordings.reduce(0) { $0 + $1.audioSeconds }) } ?? ""),
                     pad("voice", voiceWidth, left: true) + pad("cond", conditionWidth, left: true)
                        + ["n", "WER", "AWS-R", "fill-P", "fill-R", "um/uh-P", "um/uh-R", "WPM-err", "long-R", "RTF", "wallRTF", "derev"].map { pad($0, 8) }.joined()]
        for (voice, condition, s) in summaries {
            if voice == "all voices" && lines.last?.hasPrefix("all") == false { lines.append("") }
            let n = s.failed > 0 ? "\(s.recordings - s.failed)/\(s.recordings)" : "\(s.recordings)"
            lines.append(pad(voice, voiceWidth, left: true) + pad(condition, conditionWidth, left: true)
                + [n, f(s.wordErrorRate), f(s.serviceRecall), f(s.fillerPrecision), f(s.fillerRecall), f(s.hesitationPrecision), f(s.hesitationRecall),
                   s.wpmError.map { String(format: "%.1f%%", $0 * 100) } ?? "–", f(s.longPauseRecall), f(s.realTimeFactor, 3), f(s.wallRealTimeFactor, 3),
                   s.dereverbed.map { "\($0)" } ?? "–"]
                    .map { pad($0, 8) }.joined())
        }
        let all = ScoreSummary(recordings)
        if all.fillersFoundInReference != all.fillersReferenced {
            lines.append("")
            lines.append("note: on the reference texts themselves the analyzer finds \(all.fillersFoundInReference) of \(all.fillersReferenced) fillers; its rules cap fill-R")
        }
        return lines.joined(separator: "\n")
    }
}
