import AudioFiles
import Foundation

/// Shared by the test targets: test recordings made on the spot with sox (apt: sox), so every format and rate is covered
/// without committing binary fixtures.
public enum Fixtures {
    public static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Real speech and malformed WAVs from PocketSphinx's test suite, copied into the repo.
    public static let peer = repo.appendingPathComponent("Tests/Data/pocketsphinx")

    /// A fresh folder under this test process's own scratch folder, which is removed when the process exits.
    public static func tempDirectory() -> URL {
        let dir = scratch.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// One folder per test process (`rehearse-tests-<pid>`), so a run leaves nothing behind in /tmp.
    private static let scratch: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-tests-\(getpid())")
        try? FileManager.default.removeItem(at: dir)  // a leftover from a crashed run with a recycled pid
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fixtures.scratch) }
        return dir
    }()

    /// Runs sox with `arguments`; fails the test with sox's own message if it fails.
    @discardableResult
    public static func sox(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sox")
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        guard p.terminationStatus == 0 else { throw SoxError(message: message) }
        return message
    }

    public struct SoxError: Error { public var message: String }

    /// `recording` with seeded pink noise mixed in about 17 dB under the voice (as the
    /// benchmark's noisy copies), written into `dir`; the same file on every run.
    public static func noisyCopy(of recording: String, seconds: Double, in dir: URL) throws -> String {
        let noise = dir.appendingPathComponent("hiss.wav").path
        let noisy = dir.appendingPathComponent("noisy-" + URL(fileURLWithPath: recording).lastPathComponent).path
        try sox(["-R", "-n", "-r", "16000", "-c", "1", "-b", "16", noise, "synth", "\(seconds)", "pinknoise", "vol", "0.5"])
        try sox(["-R", "-m", recording, "-v", "0.2", noise, "-b", "16", noisy])
        return noisy
    }

    /// A sine tone file; `options` are sox output options such as ["-b", "24"].
    public static func tone(_ name: String, in dir: URL, rate: Int, channels: Int, seconds: Double = 1,
                     frequency: Int = 440, options: [String] = [], gain: Double = -6) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try sox(["-n", "-r", "\(rate)", "-c", "\(channels)"] + options + [path, "synth", "\(seconds)", "sine", "\(frequency)", "gain", "\(gain)"])
        return path
    }
}

/// Frequency of a tone estimated from zero crossings.
public func dominantFrequency(_ samples: [Int16], rate: Int = 16_000) -> Double {
    var crossings = 0
    for (a, b) in zip(samples, samples.dropFirst()) where (a < 0) != (b < 0) { crossings += 1 }
    return Double(crossings) / 2 / (Double(samples.count) / Double(rate))
}

extension Fixtures {
    /// The built `rehearse` executable next to the test bundle.
    public static var rehearseBinary: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = here.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("rehearse")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repo.appendingPathComponent(".build/debug/rehearse")
    }

    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `rehearse` with `arguments` and waits for it.
    public static func rehearse(_ arguments: [String], environment: [String: String] = [:], asUser user: String? = nil) throws -> Run {
        let p = Process()
        if let user {
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            p.arguments = ["-u", user, "--", rehearseBinary.path] + arguments
        } else {
            p.executableURL = rehearseBinary
            p.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["REHEARSE_MODELS"] = repo.appendingPathComponent("Models").path
        // Never write into the real history: each run gets its own data directory unless the
        // test names one.
        let data = tempDirectory()
        try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: data.path)
        env["XDG_DATA_HOME"] = data.path
        env.merge(environment) { _, new in new }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes while the process runs so a large report cannot fill a pipe and stall it.
        let outData = Data(out.fileHandleForReading.readAllRetryingInterrupts())
        let errData = err.fileHandleForReading.readAllRetryingInterrupts()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension Fixtures {
    /// The 16-bit samples of a repository recording (16 kHz mono PCM WAV), bit for bit.
    public static func samples(_ relativePath: String) throws -> [Int16] {
        try wavSamples(repo.appendingPathComponent(relativePath))
    }

    /// The samples in a 16-bit PCM WAV's data chunk, exactly as stored. (`SpeechAudioReader`
    /// goes through float and may move a sample by one step, so it cannot prove bit-exactness.)
    public static func wavSamples(_ url: URL) throws -> [Int16] {
        let bytes = [UInt8](try Data(contentsOf: url))
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        var at = 12
        while at + 8 <= bytes.count {
            let id = String(decoding: bytes[at..<at + 4], as: UTF8.self)
            let size = u32(at + 4)
            if id == "data" {
                let end = min(bytes.count, at + 8 + size)
                return stride(from: at + 8, to: end - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
            }
            at += 8 + size + (size & 1)
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    /// Digital silence at 16 kHz.
    public static func silence(_ seconds: Double) -> [Int16] { [Int16](repeating: 0, count: Int(seconds * 16_000)) }
}
