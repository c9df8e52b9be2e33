import Foundation

/// Decodes a recording from a file. Audio goes through the segmenter as it is read; each
/// utterance is cleaned of steady background noise (`NoiseFilter`, against what `NoiseTracker`
/// has heard so far) and decoded as a whole once it closes, so by the time the audio ends only
/// the last utterances are left. The segmenter works on the audio as recorded, and word edges
/// next to a silence are checked against it (`WordEdges`), so pauses are measured on what was
/// recorded too.
///
/// With one recognizer, utterances are decoded in order on the calling thread. With several
/// (one per core) and the recording's length known, the recording is split by time into that
/// many lanes: lane *k* decodes, on its own thread and in order, the utterances that start in
/// the *k*-th part. Each lane's recognizer starts from the same state, so the only difference
/// from one recognizer is what a decoder carries from one utterance to the next (the running
/// cepstral mean): the first utterances of a later lane are heard without it.
public final class StreamingTranscriber {
    private var segmenter: UtteranceSegmenter
    private var noise: NoiseReducer
    private let lanes: [Lane]
    private let totalSamples: Int?
    public private(set) var utterancesDecoded = 0
    public private(set) var speechSamples = 0
    /// What the noise filter did so far.
    public var noiseSummary: NoiseSummary { noise.summary }

    /// `noiseReduction` nil decodes the audio exactly as recorded.
    public convenience init(recognizer: any Transcribing, segmentation: UtteranceSegmenter.Configuration = .init(),
                            noiseReduction: NoiseFilter.Configuration?, dereverb: Dereverberation.Configuration? = nil) {
        self.init(recognizers: [recognizer], totalSamples: nil, segmentation: segmentation, noiseReduction: noiseReduction,
                  dereverb: dereverb)
    }

    /// Several recognizers decode in parallel when `totalSamples` (the recording's length at
    /// 16 kHz) is known; otherwise only the first is used.
    public init(recognizers: [any Transcribing], totalSamples: Int?,
                segmentation: UtteranceSegmenter.Configuration = .init(), noiseReduction: NoiseFilter.Configuration?,
                dereverb: Dereverberation.Configuration? = nil) {
        precondition(!recognizers.isEmpty, "a transcriber needs a recognizer")
        let used = totalSamples.map { $0 > 0 ? recognizers : [recognizers[0]] } ?? [recognizers[0]]
        self.lanes = used.map { Lane(recognizer: $0, threaded: used.count > 1) }
        self.totalSamples = totalSamples
        self.segmenter = UtteranceSegmenter(configuration: segmentation)
        self.noise = NoiseReducer(configuration: noiseReduction, dereverb: dereverb)
    }

    /// A transcriber dropped before `finish` (the file failed part-way) lets its threads go.
    deinit {
        for lane in lanes { lane.abandon() }
    }

    public var inSpeech: Bool { segmenter.inSpeech }

    /// Words decoded so far, in time order (all of them once `finish` has returned).
    public var words: [RecognizedWord] { lanes.flatMap { $0.decodedWords } }

    /// Samples of speech decoded so far (for progress while lanes are still working).
    public var decodedSamples: Int { lanes.reduce(0) { $0 + $1.decodedSamples } }

    public func append(_ block: [Int16]) throws(SpeechError) {
        noise.observe(block)
        for utterance in segmenter.append(block) { try enqueue(utterance) }
    }

    /// Decodes what is still open and returns every word heard, in time order. `waiting` is
    /// called on this thread about ten times a second while parallel lanes finish.
    @discardableResult
    public func finish(waiting: (() -> Void)? = nil) throws(SpeechError) -> [RecognizedWord] {
        for utterance in segmenter.finish() { try enqueue(utterance) }
        for lane in lanes { try lane.close(waiting: waiting) }
        return words
    }

    /// What the front end does to the utterance is decided here, in order; the work itself
    /// (WPE, the noise filter) runs in the utterance's lane, so parallel lanes share it.
    private func enqueue(_ utterance: Utterance) throws(SpeechError) {
        let job = Lane.Job(utterance: utterance, frontEnd: noise.plan(), noiseFloor: segmenter.vad.noiseFloor)
        let lane = laneIndex(for: utterance.startSample)
        utterancesDecoded += 1
        speechSamples += utterance.samples.count
        try lanes[lane].submit(job)
    }

    private func laneIndex(for startSample: Int) -> Int {
        guard lanes.count > 1, let totalSamples, totalSamples > 0 else { return 0 }
        return min(lanes.count - 1, max(0, startSample * lanes.count / totalSamples))
    }
}

/// One recognizer and the utterances it decodes, in order: inline on the caller's thread, or
/// on a thread of its own.
private final class Lane: @unchecked Sendable {
    struct Job {
        var utterance: Utterance       // as recorded (word edges are checked against it)
        var frontEnd: FrontEndStep     // what makes it what the recognizer hears
        var noiseFloor: Double?
        var recorded: [Int16] { utterance.samples }
    }

    private let recognizer: any Transcribing
    private let condition = NSCondition()
    // Guarded by `condition` when threaded.
    private var pending: [Job] = []
    private var closing = false
    private var done = false
    private var failure: SpeechError?
    private var words: [RecognizedWord] = []
    private var samplesDone = 0
    private let threaded: Bool

    init(recognizer: any Transcribing, threaded: Bool) {
        self.recognizer = recognizer
        self.threaded = threaded
        recognizer.startRecording()
        guard threaded else { return }
        let thread = Thread { [self] in work() }
        thread.name = "rehearse-decoder"
        thread.start()
    }

    var decodedWords: [RecognizedWord] { condition.withLock { words } }
    var decodedSamples: Int { condition.withLock { samplesDone } }

    func submit(_ job: Job) throws(SpeechError) {
        guard threaded else {
            let heard = try decode(job)
            words += heard
            samplesDone += job.recorded.count
            return
        }
        condition.withLock {
            pending.append(job)
            condition.signal()
        }
    }

    /// Waits until every submitted utterance is decoded; rethrows the first failure.
    func close(waiting: (() -> Void)?) throws(SpeechError) {
        guard threaded else { return }
        condition.lock()
        closing = true
        condition.broadcast()
        while !done {
            _ = condition.wait(until: Date().addingTimeInterval(0.1))
            if !done, let waiting {
                condition.unlock()
                waiting()
                condition.lock()
            }
        }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    /// Drops what is still queued and ends the thread, without waiting for it.
    func abandon() {
        guard threaded else { return }
        condition.withLock {
            pending = []
            closing = true
            condition.broadcast()
        }
    }

    private func decode(_ job: Job) throws(SpeechError) -> [RecognizedWord] {
        var heard = job.utterance
        heard.samples = job.frontEnd.run(job.recorded)
        recognizer.hearRoom(reverberant: job.frontEnd.dereverberates)
        return WordEdges.tighten(try recognizer.transcribe(heard), levels: EnergyVAD.frameLevels(job.recorded),
                                 utteranceStart: heard.startSeconds, noiseFloor: job.noiseFloor)
    }

    private func work() {
        while true {
            condition.lock()
            while pending.isEmpty && !closing { condition.wait() }
            if pending.isEmpty {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let job = pending.removeFirst()
            let failed = failure != nil
            condition.unlock()
            if failed { continue }       // after a failure the rest is drained, not decoded
            do {
                let heard = try decode(job)
                condition.withLock { words += heard; samplesDone += job.recorded.count }
            } catch {
                condition.withLock { failure = error }
            }
        }
    }
}
