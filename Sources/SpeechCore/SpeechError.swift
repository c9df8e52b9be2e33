/// What can go wrong turning audio into words.
public enum SpeechError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A model file or directory the recognizer needs is not there.
    case modelMissing(path: String, what: String)
    /// `ps_init` refused the configuration; `message` is PocketSphinx's own last error line.
    case decoderInitFailed(message: String)
    /// A model directory's `recognizer.json` is not valid.
    case modelDescriptionUnreadable(path: String, reason: String)
    /// An acoustic model folder whose model definition (mdef) PocketSphinx cannot read.
    case notAnAcousticModel(path: String)
    /// A file named as a language model is not in a format PocketSphinx reads.
    case notALanguageModel(path: String)
    /// A language model file could not be loaded or mixed (`function` is the sphinxbase call).
    case languageModelFailed(path: String, function: String)
    /// A decoding call returned an error code.
    case decodeFailed(function: String, code: Int32)

    public var description: String {
        switch self {
        case .modelMissing(let path, let what):
            return "\(path): \(what) not found — install pocketsphinx-en-us (apt-get install pocketsphinx-en-us) or pass --model"
        case .modelDescriptionUnreadable(let path, let reason):
            return "\(path): cannot read the model description (\(reason))"
        case .notAnAcousticModel(let path):
            return "\(path): not a PocketSphinx acoustic model (its mdef is not a model definition) — reinstall pocketsphinx-en-us or pass --model"
        case .notALanguageModel(let path):
            return "\(path): not a language model (expected ARPA text or a PocketSphinx .lm.bin; `swift run rehearse-lm` builds one)"
        case .languageModelFailed(let path, let function):
            return "\(path): \(function) could not load the language model"
        case .decoderInitFailed(let message):
            return "PocketSphinx could not start: \(message)"
        case .decodeFailed(let function, let code):
            return "PocketSphinx failed in \(function) (code \(code))"
        }
    }
}
