/// What can go wrong turning audio into words.
public enum SpeechError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A model file or directory the recognizer needs is not there.
    case modelMissing(path: String, what: String)
    /// `ps_init` refused the configuration; `message` is PocketSphinx's own last error line.
    case decoderInitFailed(message: String)
    /// A decoding call returned an error code.
    case decodeFailed(function: String, code: Int32)

    public var description: String {
        switch self {
        case .modelMissing(let path, let what):
            return "\(path): \(what) not found — install pocketsphinx-en-us (apt-get install pocketsphinx-en-us) or pass --model"
        case .decoderInitFailed(let message):
            return "PocketSphinx could not start: \(message)"
        case .decodeFailed(let function, let code):
            return "PocketSphinx failed in \(function) (code \(code))"
        }
    }
}
