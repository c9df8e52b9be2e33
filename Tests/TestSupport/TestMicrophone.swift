import AudioFiles
import Foundation
import Testing

/// A microphone for tests, served by ALSA's `file` PCM plugin: the null PCM supplies a
/// capture stream with no clock of its own and the plugin overwrites its samples with those
/// read from `infile` (raw S16_LE, 16 kHz, mono). A regular file plays back as fast as the
/// reader asks; a FIFO fed in real time makes the capture run in real time.
///
/// The configuration goes in `asound.conf` in a temp folder: it includes the system's
/// alsa.conf first (so `null` and the hint machinery exist), then defines `rehearsemic`.
/// `ALSA_CONFIG_PATH` pointing at it replaces the top-level config for the child process.
public final class TestMicrophone {
    public let directory: URL
    public let infile: URL
    public let deviceName = "rehearsemic"

    public enum Input { case file([Int16]), fifo }

    public init(_ input: Input) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-mic-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        infile = directory.appendingPathComponent("input.raw")
        switch input {
        case .file(let samples):
            try Data(samples.withUnsafeBytes { Array($0) }).write(to: infile)
        case .fifo:
            #expect(mkfifo(infile.path, 0o600) == 0)
        }
        let config = """
        </usr/share/alsa/alsa.conf>
        pcm.\(deviceName) {
            type file
            slave.pcm "null"
            file "/dev/null"
            infile "\(infile.path)"
            format "raw"
            hint { show on description "Rehearse test microphone" }
        }

        """
        try config.write(to: configURL, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    public var configURL: URL { directory.appendingPathComponent("asound.conf") }

    /// Environment for a child `rehearse`: this ALSA config, takes kept in the temp folder.
    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["ALSA_CONFIG_PATH"] = configURL.path
        env["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        env["REHEARSE_MODELS"] = Fixtures.repo.appendingPathComponent("Models").path
        env["NO_COLOR"] = "1"
        return env
    }

    public var takesDirectory: URL { directory.appendingPathComponent("data/rehearse/takes") }
}

/// Writes raw audio into the FIFO microphone on a real-time clock: one 20 ms block (640 bytes,
/// the capture block size, so each plugin read gets exactly one whole block) every 20 ms.
public final class FifoFeeder: @unchecked Sendable {
    private let lock = NSLock()
    private var _lastSpeechWritten: Date?
    private var _blocksWritten = 0
    private let done = DispatchSemaphore(value: 0)

    /// When the last block with speech in it went into the FIFO.
    public var lastSpeechWritten: Date? { lock.withLock { _lastSpeechWritten } }
    public var samplesWritten: Int { lock.withLock { _blocksWritten * 320 } }

    public init(fifo: URL, samples: [Int16], holdOpenSeconds: Double = 2) {
        let padded = samples + [Int16](repeating: 0, count: (320 - samples.count % 320) % 320)
        signal(SIGPIPE, SIG_IGN)
        let thread = Thread { [self] in
            let fd = open(fifo.path, O_WRONLY)
            guard fd >= 0 else { done.signal(); return }
            let start = Date()
            for n in 0..<(padded.count / 320) {
                let wait = start.addingTimeInterval(Double(n) * 0.02).timeIntervalSinceNow
                if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
                let block = Array(padded[n * 320..<(n + 1) * 320])
                let written = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written != 640 { break }
                let loud = block.contains { abs(Int($0)) > 300 }
                lock.withLock {
                    _blocksWritten += 1
                    if loud { _lastSpeechWritten = Date() }
                }
            }
            usleep(UInt32(holdOpenSeconds * 1_000_000))
            close(fd)
            done.signal()
        }
        thread.start()
    }

    public func wait() { done.wait() }
}

/// A `rehearse` child process with stdin not a terminal and its output captured to files.
public final class RehearseProcess {
    public let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    public init(_ arguments: [String], environment: [String: String], in directory: URL) throws {
        process.executableURL = Fixtures.rehearseBinary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let tag = UUID().uuidString.prefix(6)
        stdoutURL = directory.appendingPathComponent("stdout-\(tag)")
        stderrURL = directory.appendingPathComponent("stderr-\(tag)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    /// Waits for exit, killing the child if it outlives `timeout`: a hung capture fails the test.
    @discardableResult
    public func wait(timeout: Double = 90) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            Issue.record("rehearse \(process.arguments ?? []) still running after \(timeout) s")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    public static func run(_ arguments: [String], environment: [String: String], in directory: URL,
                    timeout: Double = 90) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try RehearseProcess(arguments, environment: environment, in: directory)
        let status = child.wait(timeout: timeout)
        return (status, child.stdout, child.stderr)
    }
}
