/// Decodes a live take while it is spoken. The audio is cut into utterances by the same
/// `UtteranceSegmenter` that cuts files, but each utterance goes to the recognizer piece by
/// piece as the segmenter releases it, so when the speaker stops only PocketSphinx's final
/// search over the last utterance remains: the report is ready within a fraction of a second
/// however long the answer ran without a pause. As with files, the recognizer hears each
/// utterance through `NoiseFilter`, against the noise heard so far, and word edges next to a
/// silence are checked against the audio as recorded (`WordEdges`).
public final class LiveTranscriber {
    private let recognizer: any IncrementalTranscribing
    private var segmenter: UtteranceSegmenter
    private var noise: NoiseReducer
    private var utterance: [Int16] = []       // the open utterance as recorded (word edges)
    private var utteranceStart = 0            // in samples
    public var noiseSummary: NoiseSummary { noise.summary }
    public private(set) var words: [RecognizedWord] = []
    /// The recognizer's guess at the open utterance, spread over its audio (`HeardSoFar`).
    public private(set) var partialWords: [RecognizedWord] = []
    /// Seconds of audio between two asks for the partial guess: each ask walks the decoder's
    /// best path, so a few a second is enough for a caption and costs next to nothing.
    public var partialInterval = 0.25
    private var samplesSinceGuess = 0
    private var samplesSeen = 0

    /// Words so far, settled and guessed, for the live line.
    public var heard: HeardSoFar {
        HeardSoFar(settled: words, partial: partialWords,
                   decodedSeconds: Double(samplesSeen) / Double(SpeechAudio.sampleRate))
    }

    public init(recognizer: any IncrementalTranscribing, segmentation: UtteranceSegmenter.Configuration = .init(),
                noiseReduction: NoiseFilter.Configuration?, dereverb: Dereverberation.Configuration? = nil) {
        self.recognizer = recognizer
        self.segmenter = UtteranceSegmenter(configuration: segmentation)
        self.noise = NoiseReducer(configuration: noiseReduction, dereverb: dereverb)
        recognizer.startRecording()
    }

    public func append(_ block: [Int16]) throws(SpeechError) {
        noise.observe(block)
        samplesSeen += block.count
        for event in segmenter.stream(block) { try handle(event) }
        if samplesSinceGuess >= Int(partialInterval * Double(SpeechAudio.sampleRate)) { guessOpenUtterance() }
    }

    private func guessOpenUtterance() {
        samplesSinceGuess = 0
        let rate = Double(SpeechAudio.sampleRate)
        // Speech starts after the pre-roll the segmenter keeps in front of it.
        let start = Double(utteranceStart) / rate + min(segmenter.configuration.preRoll, Double(utterance.count) / rate)
        partialWords = HeardSoFar.spread(recognizer.partialHypothesis(), from: start,
                                         to: Double(utteranceStart + utterance.count) / rate)
    }

    /// Decodes what is still open; returns every word heard, in time order.
    public func finish() throws(SpeechError) -> [RecognizedWord] {
        for event in segmenter.finishStream() { try handle(event) }
        return words
    }

    private func handle(_ event: SegmentEvent) throws(SpeechError) {
        switch event {
        case .began(let start):
            utteranceStart = start
            utterance = []
            partialWords = []
            samplesSinceGuess = 0
            recognizer.hearRoom(reverberant: noise.beginUtterance())
            try recognizer.beginUtterance(startSample: start)
        case .audio(let samples):
            utterance.append(contentsOf: samples)
            samplesSinceGuess += samples.count
            let cleaned = noise.process(samples)
            if !cleaned.isEmpty { try recognizer.process(cleaned) }
        case .ended(let keep):
            let rest = noise.endUtterance()
            if !rest.isEmpty { try recognizer.process(rest) }
            let heard = WordEdges.tighten(
                try recognizer.endUtterance(), levels: EnergyVAD.frameLevels(utterance),
                utteranceStart: Double(utteranceStart) / Double(SpeechAudio.sampleRate),
                noiseFloor: segmenter.vad.noiseFloor)
            if keep { words.append(contentsOf: heard) }
            utterance = []
            partialWords = []
            samplesSinceGuess = 0
        }
    }
}
