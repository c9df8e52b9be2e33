import Foundation

/// Runs a `LiveTranscriber` on its own thread, so decoding never holds up the capture loop
/// (which must keep reading or the device overruns). Blocks go in as they are captured;
/// `finish` waits only for the final search over the last utterance.
public final class BackgroundTranscriber: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [[Int16]] = []
    private var ending = false
    private var outcome: Result<[RecognizedWord], SpeechError>?
    private var summary = NoiseSummary()
    private var latest = HeardSoFar()
    // Touched only by the worker thread once it starts.
    private let transcriber: LiveTranscriber

    public init(recognizer: any IncrementalTranscribing, noiseReduction: NoiseFilter.Configuration?,
                dereverb: Dereverberation.Configuration? = nil) {
        self.transcriber = LiveTranscriber(recognizer: recognizer, noiseReduction: noiseReduction, dereverb: dereverb)
        let thread = Thread { [self] in work() }
        thread.name = "rehearse-decoder"
        thread.start()
    }

    public func append(_ block: [Int16]) {
        guard !block.isEmpty else { return }
        condition.lock()
        // After a decode failure nothing reads the queue; `finish` reports the error.
        if outcome == nil { pending.append(block) }
        condition.signal()
        condition.unlock()
    }

    /// Decodes what is left and returns every word heard, in time order.
    public func finish() throws(SpeechError) -> [RecognizedWord] {
        condition.lock()
        ending = true
        condition.broadcast()
        while outcome == nil { condition.wait() }
        let result = outcome!
        condition.unlock()
        return try result.get()
    }

    /// What the decoder has heard so far (for the live line); safe to read from any thread.
    public var heard: HeardSoFar {
        condition.lock()
        defer { condition.unlock() }
        return latest
    }

    /// What the noise filter did; complete once `finish` has returned.
    public var noiseSummary: NoiseSummary {
        condition.lock()
        defer { condition.unlock() }
        return summary
    }

    private func work() {
        while true {
            condition.lock()
            while pending.isEmpty && !ending { condition.wait() }
            let blocks = pending
            pending = []
            let last = ending
            condition.unlock()

            do {
                for block in blocks { try transcriber.append(block) }
                let heard = transcriber.heard
                condition.lock()
                latest = heard
                condition.unlock()
                if last {
                    let words = try transcriber.finish()
                    condition.lock()
                    summary = transcriber.noiseSummary
                    condition.unlock()
                    publish(.success(words))
                    return
                }
            } catch {
                publish(.failure(error))
                return
            }
        }
    }

    private func publish(_ result: Result<[RecognizedWord], SpeechError>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }
}
