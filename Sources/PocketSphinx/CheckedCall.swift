import SpeechCore

/// The one place a PocketSphinx return code becomes an error: negative means failure, and the
/// error keeps the function's name and its code.
func check(_ rc: Int32, _ function: String) throws(SpeechError) {
    if rc < 0 { throw .decodeFailed(function: function, code: rc) }
}
