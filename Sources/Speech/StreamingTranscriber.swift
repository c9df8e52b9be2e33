/// Feeds audio through the segmenter and decodes each utterance as soon as it closes, so by
/// the time the audio ends only the last utterance is left to decode. Used for files and,
/// block by block, for live capture.
public final class StreamingTranscriber {
    private let recognizer: any Transcribing
    private var segmenter: UtteranceSegmenter
    public private(set) var words: [RecognizedWord] = []
    public private(set) var utterancesDecoded = 0
    public private(set) var speechSamples = 0

    public init(recognizer: any Transcribing, segmentation: UtteranceSegmenter.Configuration = .init()) {
        self.recognizer = recognizer
        self.segmenter = UtteranceSegmenter(configuration: segmentation)
    }

    public var inSpeech: Bool { segmenter.inSpeech }

    public func append(_ block: [Int16]) throws(SpeechError) {
        for utterance in segmenter.append(block) { try decode(utterance) }
    }

    /// Decodes what is still open and returns every word heard, in time order.
    @discardableResult
    public func finish() throws(SpeechError) -> [RecognizedWord] {
        for utterance in segmenter.finish() { try decode(utterance) }
        return words
    }

    private func decode(_ utterance: Utterance) throws(SpeechError) {
        words.append(contentsOf: try recognizer.transcribe(utterance))
        utterancesDecoded += 1
        speechSamples += utterance.samples.count
    }
}
