import Speech

/// Cuts live audio into utterances at silences, like `UtteranceSegmenter`, but hands each
/// utterance to the recognizer while it is still being spoken. When the speaker stops, only
/// PocketSphinx's final search over the last utterance remains, so the report is ready within
/// a fraction of a second however long the answer ran without a pause. As with files, the
/// recognizer hears each utterance through `NoiseFilter`, against the noise heard so far, and
/// word edges next to a silence are checked against the audio as recorded (`WordEdges`).
final class LiveTranscriber {
    struct Configuration {
        /// Silence that closes an utterance (as the file segmenter: longer than gaps between words).
        var splitSilence = 0.6
        /// Audio kept before the first speech frame, so soft onsets are not clipped.
        var preRoll = 0.3
        /// Past this length an utterance closes at the next quiet frame, bounding decoder memory.
        var longUtterance = 30.0
        /// Shorter bursts of "speech" (clicks, bumps) are decoded but their words dropped.
        var minSpeech = 0.08
    }

    private let recognizer: any IncrementalTranscribing
    private let configuration: Configuration
    private var vad = EnergyVAD()
    private var partial: [Int16] = []
    private var position = 0                 // samples classified so far
    private var preRoll: [Int16] = []
    private var open = false
    private var speechFrames = 0
    private var silenceFrames = 0
    private var feed: [Int16] = []           // classified audio not yet handed to the recognizer
    private var utteranceStart = 0           // in samples
    private var levels: [Double] = []        // the open utterance's frame levels, as recorded (WordEdges)
    private var noise: NoiseReducer
    var noiseSummary: NoiseSummary { noise.summary }
    private(set) var words: [RecognizedWord] = []

    init(recognizer: any IncrementalTranscribing, configuration: Configuration = Configuration(),
         noiseReduction: NoiseFilter.Configuration?) {
        self.recognizer = recognizer
        self.configuration = configuration
        self.noise = NoiseReducer(configuration: noiseReduction)
        recognizer.startRecording()
    }

    private func frames(_ seconds: Double) -> Int { Int((seconds * 100).rounded()) }

    func append(_ block: [Int16]) throws(SpeechError) {
        noise.observe(block)
        partial.append(contentsOf: block)
        var offset = 0
        while partial.count - offset >= EnergyVAD.frameSamples {
            try consume(Array(partial[offset..<offset + EnergyVAD.frameSamples]))
            offset += EnergyVAD.frameSamples
        }
        partial.removeFirst(offset)
        if open { try flushFeed() }
    }

    /// Decodes what is still open; returns every word heard, in time order.
    func finish() throws(SpeechError) -> [RecognizedWord] {
        if open {
            feed.append(contentsOf: partial)
            partial = []
            try close()
        }
        return words
    }

    private func consume(_ frame: [Int16]) throws(SpeechError) {
        let level = EnergyVAD.level(frame)
        let speech = vad.isSpeech(level: level)
        defer { position += frame.count }
        if !open {
            guard speech else {
                preRoll.append(contentsOf: frame)
                let keep = frames(configuration.preRoll) * EnergyVAD.frameSamples
                if preRoll.count > keep { preRoll.removeFirst(preRoll.count - keep) }
                return
            }
            utteranceStart = position - preRoll.count
            try recognizer.beginUtterance(startSample: utteranceStart)
            noise.beginUtterance()
            open = true
            levels = EnergyVAD.frameLevels(preRoll)
            feed = preRoll
            preRoll = []
            speechFrames = 0
            silenceFrames = 0
        }
        feed.append(contentsOf: frame)
        levels.append(level)
        if speech { speechFrames += 1; silenceFrames = 0 } else { silenceFrames += 1 }
        // The utterance so far is whole frames (the pre-roll is kept in frames too), one level each.
        let long = Double(levels.count * EnergyVAD.frameSamples) >= configuration.longUtterance * Double(SpeechAudio.sampleRate)
        if silenceFrames >= frames(configuration.splitSilence) || (long && !speech) {
            try close()
        }
    }

    private func flushFeed() throws(SpeechError) {
        guard !feed.isEmpty else { return }
        let cleaned = noise.process(feed)
        if !cleaned.isEmpty { try recognizer.process(cleaned) }
        feed = []
    }

    private func close() throws(SpeechError) {
        try flushFeed()
        let rest = noise.endUtterance()
        if !rest.isEmpty { try recognizer.process(rest) }
        let heard = WordEdges.tighten(
            try recognizer.endUtterance(), levels: levels,
            utteranceStart: Double(utteranceStart) / Double(SpeechAudio.sampleRate), noiseFloor: vad.noiseFloor)
        if speechFrames >= frames(configuration.minSpeech) { words.append(contentsOf: heard) }
        open = false
    }
}
