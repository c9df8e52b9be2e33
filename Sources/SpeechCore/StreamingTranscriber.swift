/// Feeds audio through the segmenter and decodes each utterance as soon as it closes, so by
/// the time the audio ends only the last utterance is left to decode. Used for files and,
/// block by block, for live capture. Each utterance is cleaned of steady background noise
/// (`NoiseFilter`, against what `NoiseTracker` has heard so far) before it is decoded; the
/// segmenter works on the audio as recorded, and word edges next to a silence are checked
/// against it (`WordEdges`), so pauses are measured on what was recorded too.
public final class StreamingTranscriber {
    private let recognizer: any Transcribing
    private var segmenter: UtteranceSegmenter
    private var noise: NoiseReducer
    public private(set) var words: [RecognizedWord] = []
    public private(set) var utterancesDecoded = 0
    public private(set) var speechSamples = 0
    /// What the noise filter did so far.
    public var noiseSummary: NoiseSummary { noise.summary }

    /// `noiseReduction` nil decodes the audio exactly as recorded.
    public init(recognizer: any Transcribing, segmentation: UtteranceSegmenter.Configuration = .init(),
                noiseReduction: NoiseFilter.Configuration?) {
        self.recognizer = recognizer
        self.segmenter = UtteranceSegmenter(configuration: segmentation)
        self.noise = NoiseReducer(configuration: noiseReduction)
        recognizer.startRecording()
    }

    public var inSpeech: Bool { segmenter.inSpeech }

    public func append(_ block: [Int16]) throws(SpeechError) {
        noise.observe(block)
        for utterance in segmenter.append(block) { try decode(utterance) }
    }

    /// Decodes what is still open and returns every word heard, in time order.
    @discardableResult
    public func finish() throws(SpeechError) -> [RecognizedWord] {
        for utterance in segmenter.finish() { try decode(utterance) }
        return words
    }

    private func decode(_ utterance: Utterance) throws(SpeechError) {
        var heard = utterance
        heard.samples = noise.clean(utterance.samples)
        words.append(contentsOf: WordEdges.tighten(
            try recognizer.transcribe(heard), levels: EnergyVAD.frameLevels(utterance.samples),
            utteranceStart: utterance.startSeconds, noiseFloor: segmenter.vad.noiseFloor))
        utterancesDecoded += 1
        speechSamples += utterance.samples.count
    }
}
