import Analysis
import AudioFiles
import History
import Foundation

/// A fresh folder under the system temp dir, removed when the value goes away.
public final class TemporaryDirectory {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-history-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The history database a `rehearse` run with `XDG_DATA_HOME` set to this folder uses.
    public var databasePath: String { DataFolder(url: url.appendingPathComponent("rehearse")).databasePath }
}

public enum Samples {
    /// An answer with all four parts, two fillers and one long pause.
    public static let answerText = """
        So the problem was our checkout API kept timing out at peak traffic, um, every Black Friday. \
        We chose DynamoDB instead of RDS for the cart because the access pattern was simple key lookups. \
        The trade-off is eventual consistency, like, and we can't run ad hoc joins anymore. \
        As a result p99 latency dropped from 800 to 120 milliseconds and we saved 40 percent.
        """

    /// `answerText` spoken at about 150 words a minute, with a 2-second pause after the first sentence.
    public static func timedWords(_ text: String = answerText, pauseAfterWord pauseIndex: Int = 15) -> [Word] {
        var t = 0.6
        var words: [Word] = []
        for (i, raw) in text.split(separator: " ").enumerated() {
            let length = 0.32
            words.append(Word(String(raw), start: t, end: t + length, confidence: 0.9))
            t += length + 0.08
            if i == pauseIndex { t += 2.0 }
        }
        return words
    }

    public static func report(recordingPath: String = "/tmp/rehearse-missing-recording.wav",
                       question: Question? = nil) -> AnswerReport {
        let words = timedWords()
        let duration = (words.last?.end ?? 0) + 0.7
        let source = AnswerReport.SourceInfo(path: recordingPath, durationSeconds: duration, sampleRate: 16_000,
                                             channels: 1, format: "WAV (Microsoft) 16-bit PCM",
                                             recognizer: "test", decodeSeconds: 0.1)
        return AnswerAnalyzer(question: question).analyze(words: words, source: source)
    }

    public static let question = try! JSONDecoder().decode(Question.self, from: Data("""
        {"id": "dynamodb-mid-choice", "role": "mid", "topic": "dynamodb", "kind": "choice",
         "prompt": "When would you pick DynamoDB over RDS?", "targetSeconds": 90, "keyPoints": [],
         "followUps": [], "services": ["DynamoDB", "RDS"]}
        """.utf8))
}

/// Runs a built executable of this package and collects its output.
public struct ChildProcess {
    public static var productsDirectory: URL {
        // `swift test` runs the tests from the build's products folder, beside the executables.
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for var dir in candidates {
            for _ in 0..<3 {
                if FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("HistoryStress").path) { return dir }
                dir.deleteLastPathComponent()
            }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug")
    }

    public static func executable(_ name: String) -> URL { productsDirectory.appendingPathComponent(name) }

    public let process = Process()
    public let stdout = Pipe()
    public let stderr = Pipe()

    public init(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = name.hasPrefix("/") ? URL(fileURLWithPath: name) : Self.executable(name)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
    }

    /// Waits for the exit and returns (status, stdout, stderr).
    public func finish() -> (status: Int32, out: String, err: String) {
        let out = stdout.fileHandleForReading.readAllRetryingInterrupts()
        let err = stderr.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    public static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, out: String, err: String) {
        try ChildProcess(name, arguments, environment: environment).finish()
    }
}

extension Samples {
    /// The i-th attempt of a made-up history, an hour apart: for progress and trend tests.
    public static func attemptSummary(_ i: Int, score: Int, fillers: Double, wpm: Double?,
                                      topic: String? = "lambda") -> AttemptSummary {
        AttemptSummary(id: Int64(i), createdAt: Date(timeIntervalSince1970: Double(i) * 3600), questionId: topic.map { "\($0)-q" },
                       topic: topic, role: "mid", recordingPath: wpm == nil ? nil : "/r/\(i).wav", durationSeconds: 60,
                       wordsPerMinute: wpm, fillersPerMinute: fillers, fillersPer100Words: fillers / 2, fillerCount: 2,
                       longPauseCount: 1, wordCount: 140, parts: .init(context: true, choice: true, tradeoff: false, result: true),
                       score: score)
    }
}
