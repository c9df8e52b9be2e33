/// The recognition stage: one utterance of 16 kHz mono audio in, timed words out.
/// `PocketSphinxRecognizer` is the real one; tests may pass another.
public protocol Transcribing: AnyObject {
    func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord]
}
