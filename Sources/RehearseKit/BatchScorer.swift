import Analysis
import AudioFiles
import Foundation
import Speech
import Synchronization

/// Scores many recordings on several threads, each with its own recognizer.
public struct BatchScorer: Sendable {
    public var analyzer: AnswerAnalyzer
    public var model: RecognizerModel
    public var workers: Int

    public init(analyzer: AnswerAnalyzer, model: RecognizerModel, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.analyzer = analyzer
        self.model = model
        self.workers = max(1, workers)
    }

    /// One file's outcome: a report, or the one-line error for it.
    public enum Outcome: Sendable {
        case scored(AnswerReport)
        case failed(path: String, message: String)
    }

    /// Scores `paths` and returns outcomes in the same order. `progress` is called (from worker
    /// threads, serialised) after each file with the number done so far.
    public func score(_ paths: [String], progress: @escaping @Sendable (Int, Int, String) -> Void) -> [Outcome] {
        let state = Mutex<(next: Int, done: Int, outcomes: [Outcome?])>((0, 0, Array(repeating: nil, count: paths.count)))
        let analyzer = self.analyzer, model = self.model
        DispatchQueue.concurrentPerform(iterations: min(workers, paths.count)) { _ in
            let pipeline = ScoringPipeline(analyzer: analyzer, model: model)
            while true {
                let index: Int? = state.withLock { s in
                    guard s.next < paths.count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let index else { return }
                let path = paths[index]
                let outcome: Outcome
                do { outcome = .scored(try pipeline.score(path: path)) }
                catch { outcome = .failed(path: path, message: String(describing: error)) }
                state.withLock { s in
                    s.outcomes[index] = outcome
                    s.done += 1
                    progress(s.done, paths.count, path)
                }
            }
        }
        return state.withLock { $0.outcomes.map { $0! } }
    }

    /// Recordings directly inside `directory`, sorted by name.
    public static func recordings(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return names.filter { RecordingExtensions.all.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
            .map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
    }
}
