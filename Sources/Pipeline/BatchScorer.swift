import Analysis
import AudioFiles
import Foundation
import PocketSphinx

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
        let analyzer = self.analyzer, model = self.model
        return ParallelWork.map(count: paths.count, workers: workers,
                                worker: { ScoringPipeline(analyzer: analyzer, model: model) },
                                progress: { done, total, index in progress(done, total, paths[index]) }) { pipeline, index in
            do { return .scored(try pipeline.score(path: paths[index])) }
            catch { return .failed(path: paths[index], message: String(describing: error)) }
        }
    }

    /// Recordings directly inside `directory`, sorted by name.
    public static func recordings(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return names.filter { RecordingExtensions.all.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
            .map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
    }
}
