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
}
