import Foundation
import PocketSphinx
import SpeechCore
import Synchronization

/// How speech is heard: which recognizer to build and how its audio is prepared first. The
/// scoring pipeline, practice and the benchmark all build their recognizers through this one
/// seam, so another acoustic front end or an adapted model plugs in here and nowhere else.
public protocol RecognizerBackend: Sendable {
    /// What the report names as the recognizer.
    var name: String { get }
    /// Steady-noise filtering before decoding; nil decodes the audio as recorded.
    var noiseReduction: NoiseFilter.Configuration? { get }
    /// Dereverberation before decoding (run only where the room measures reverberant); nil: never.
    var dereverb: Dereverberation.Configuration? { get }
    /// Whether utterances the front end dereverberates are decoded with an acoustic model
    /// adapted to reverberant rooms (the report says so).
    var hearsRooms: Bool { get }
    /// A new recognizer (loads the model). One per thread: recognizers are not thread-safe.
    func makeRecognizer() throws -> any IncrementalTranscribing
}

extension RecognizerBackend {
    public var dereverb: Dereverberation.Configuration? { nil }
    public var hearsRooms: Bool { false }
}

/// PocketSphinx with one of its models: the default back end.
public struct PocketSphinxBackend: RecognizerBackend, Hashable {
    public var model: RecognizerModel

    public init(model: RecognizerModel) { self.model = model }

    public var name: String { model.name }
    public var noiseReduction: NoiseFilter.Configuration? { model.noiseFilterConfiguration }
    public var dereverb: Dereverberation.Configuration? { model.dereverbConfiguration }
    public var hearsRooms: Bool { dereverb != nil && model.roomTransformInUse != nil }
    public func makeRecognizer() throws -> any IncrementalTranscribing { try PocketSphinxRecognizer(model: model) }
}

/// What the pipeline runs with, chosen in one place (WhisperKit's `config.x ?? X()` style):
/// leave `backend` nil for PocketSphinx with `model`, or set it to hear through something else.
public struct PipelineConfiguration: Sendable {
    public var model: RecognizerModel
    public var backend: (any RecognizerBackend)?
    /// Recognizers decoding one recording in parallel, each on its own thread and its own part
    /// of the recording (`StreamingTranscriber`). 1 decodes in order on the calling thread.
    public var decodeThreads: Int

    public init(model: RecognizerModel = .debianEnUS, backend: (any RecognizerBackend)? = nil, decodeThreads: Int = 1) {
        self.model = model
        self.backend = backend
        self.decodeThreads = max(1, decodeThreads)
    }

    public var recognizerBackend: any RecognizerBackend { backend ?? PocketSphinxBackend(model: model) }
}

/// Runs `body` over `0..<count` on up to `workers` threads, each with its own `worker` value
/// (a pipeline that owns a recognizer), and returns the results in index order. `progress`
/// hears (done, total, index) after each item, serialised.
public enum ParallelWork {
    public static func map<Worker, Output: Sendable>(
        count: Int, workers: Int, worker makeWorker: @Sendable () -> Worker,
        progress: @escaping @Sendable (_ done: Int, _ total: Int, _ index: Int) -> Void = { _, _, _ in },
        _ body: @Sendable (Worker, Int) -> Output
    ) -> [Output] {
        guard count > 0 else { return [] }
        let state = Mutex<(next: Int, done: Int, outputs: [Output?])>((0, 0, Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: min(max(1, workers), count)) { _ in
            let worker = makeWorker()
            while true {
                let index: Int? = state.withLock { s in
                    guard s.next < count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let index else { return }
                let output = body(worker, index)
                state.withLock { s in
                    s.outputs[index] = output
                    s.done += 1
                    progress(s.done, count, index)
                }
            }
        }
        return state.withLock { $0.outputs.map { $0! } }
    }
}
