/// The recognition stage: one utterance of 16 kHz mono audio in, timed words out.
/// `PocketSphinxRecognizer` is the real one; tests may pass another.
public protocol Transcribing: AnyObject {
    func transcribe(_ utterance: Utterance) throws(SpeechError) -> [RecognizedWord]
    /// A new recording starts: forget what earlier ones taught the recognizer, so a recording
    /// gets the same words whatever was decoded before it.
    func startRecording()
    /// The next utterances were heard in a reverberant room (the front end dereverberates
    /// them), or not: a recognizer with an acoustic model for such rooms switches to it.
    func hearRoom(reverberant: Bool)
}

extension Transcribing {
    /// Recognizers that keep nothing between utterances have nothing to forget.
    public func startRecording() {}
    /// Recognizers with one acoustic model hear every room alike.
    public func hearRoom(reverberant: Bool) {}
}
