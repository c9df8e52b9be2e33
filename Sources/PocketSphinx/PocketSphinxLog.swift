import SpeechCore
import CPocketSphinx
import Foundation

/// Where PocketSphinx's log goes, for the whole process.
///
/// sphinxbase keeps one global log `FILE*`. Passing `-logfn` to `ps_init` swaps it and
/// `fclose`s the previous one, so with two decoders on two threads (`score folder/`,
/// `eval-asr --jobs 2`) one thread's start-up closed the file the other was writing its
/// per-utterance lines to, and the process aborted in `free()`. Instead the log is one unnamed
/// temp file (`tmpfile`, gone when the process exits), set once and never closed, and decoders
/// are set up one at a time, so an ERROR line logged during a set-up belongs to it.
enum PocketSphinxLog {
    private static let lock = NSRecursiveLock()

    /// `REHEARSE_PS_LOG=path` keeps the log in that file instead (PocketSphinx's per-pass CPU
    /// times, its settings as it read them): for looking into the decoder, not for users.
    nonisolated(unsafe) private static let file: UnsafeMutablePointer<FILE>? = {
        let kept = ProcessInfo.processInfo.environment["REHEARSE_PS_LOG"].flatMap { fopen($0, "w+") }
        let file = kept ?? tmpfile()
        err_set_logfp(file)  // nil (no temp dir) turns logging off rather than writing to stderr
        return file
    }()

    /// What a set-up closure can ask of the log while it runs.
    struct SetUp {
        fileprivate let start: Int
        /// The model folder being loaded, named if PocketSphinx ends the process.
        fileprivate let model: String

        /// The last ERROR or FATAL message logged since the set-up began, without its
        /// "ERROR: file.c, line n:" prefix; nil if there is none.
        func lastError() -> String? {
            guard let text = PocketSphinxLog.text(from: start) else { return nil }
            return text.split(separator: "\n").last { $0.contains("ERROR") || $0.contains("FATAL") }
                .map { line in
                    let text = String(line)
                    if let colon = text.range(of: ": ", options: .backwards) { return String(text[colon.upperBound...]) }
                    return text
                }
        }
    }

    /// Runs `body`, which creates decoders or loads the models of `model` (an acoustic model
    /// folder), while no other thread does.
    static func setUp<T>(model: String, _ body: (SetUp) throws(SpeechError) -> T) throws(SpeechError) -> T {
        lock.lock()
        defer { lock.unlock() }
        _ = fatalExitReporter
        let setUp = SetUp(start: end(), model: model)
        let outer = openSetUp  // set-ups nest (the keyword spotter starts inside the recognizer's)
        openSetUp = setUp
        defer { openSetUp = outer }
        return try body(setUp)
    }

    /// The set-up in progress, if any: read by the exit handler below.
    nonisolated(unsafe) private static var openSetUp: SetUp?

    /// On some damaged model files (random bytes in place of means, variances, transition
    /// matrices or the sendump) PocketSphinx does not return an error: it logs a FATAL line and
    /// calls `exit(1)`. That cannot be caught, but it can be explained: an exit handler prints
    /// the logged reason, so the user gets one line instead of a silent status 1.
    private static let fatalExitReporter: Void = {
        atexit {
            guard let setUp = PocketSphinxLog.openSetUp else { return }
            let reason = setUp.lastError() ?? "no reason logged"
            let line = "rehearse: PocketSphinx stopped while loading the acoustic model \(setUp.model) (\(reason)); "
                + "its files look damaged: reinstall or rebuild it, or run with --model debian\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }()

    private static func end() -> Int {
        guard let file else { return 0 }
        fflush(file)
        var info = stat()
        return fstat(fileno(file), &info) == 0 ? Int(info.st_size) : 0
    }

    private static func text(from offset: Int) -> String? {
        guard let file else { return nil }
        fflush(file)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var at = off_t(offset)
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fileno(file), $0.baseAddress, $0.count, at) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
            at += off_t(n)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
