/// A recognizer that takes an utterance piece by piece as it is spoken, so that when the
/// speaker stops only the final search is left to do. Live capture uses this; files use
/// `Transcribing`'s whole-utterance call.
public protocol IncrementalTranscribing: Transcribing {
    /// Opens an utterance whose first sample is `startSample` in the whole recording.
    func beginUtterance(startSample: Int) throws(SpeechError)
    /// Decodes more audio of the open utterance.
    func process(_ samples: [Int16]) throws(SpeechError)
    /// Closes the utterance and returns its words, timed from the start of the recording.
    func endUtterance() throws(SpeechError) -> [RecognizedWord]
    /// The best guess so far at the open utterance's words (PocketSphinx's partial
    /// hypothesis), oldest first, without times; empty between utterances. It may change as
    /// more audio arrives: only `endUtterance`'s words are final.
    func partialHypothesis() -> [String]
}

extension IncrementalTranscribing {
    /// A recognizer that cannot guess before the end of an utterance shows nothing until then.
    public func partialHypothesis() -> [String] { [] }
}
