import AudioFiles
import Capture
import Foundation
import History
import PocketSphinx
import Reports
import SpeechCore
import VoiceProfile

/// `rehearse enroll`: shows the sentences one at a time, records each through ALSA with the
/// usual meter (`LiveTakeRecorder`, `RecordingDisplay`), decodes it while it is read, and keeps
/// it only if the words match the sentence; then adapts (`Enrollment`).
///
/// Takes that passed are kept in voices/NAME/takes/ as they come, with their check in
/// takes.json beside them, so Ctrl-C (or a crash) loses at most the take being read and
/// `rehearse enroll --name NAME` goes on from the next sentence.
public final class EnrollmentSession {
    public struct Options: Sendable {
        public var capture: CaptureSettings
        public var count: Int
        /// Silence after speech that ends a take.
        public var silenceSeconds = 1.2
        public var maxSeconds = 20.0
        /// Attempts at one sentence before it is skipped for the next.
        public var attempts = 3
        public init(capture: CaptureSettings, count: Int) { self.capture = capture; self.count = count }
    }

    public let options: Options
    let enrollment: Enrollment
    let prompts: [EnrollmentPrompt]

    public init(options: Options, enrollment: Enrollment, prompts: [EnrollmentPrompt]) {
        self.options = options
        self.enrollment = enrollment
        self.prompts = prompts
    }

    struct Ledger: Codable {
        struct Entry: Codable { var check: TakeCheck; var seconds: Double }
        var takes: [String: Entry] = [:]
    }

    private func say(_ line: String) { StandardError.print(line) }

    /// Records what is missing, then adapts. Returns nil when stopped by a signal (takes kept).
    public func run() throws -> VoiceProfileRecord? {
        let store = enrollment.store, name = enrollment.name
        switch store.state(name) {
        case .ready: throw VoiceError.exists(name: name)
        case .unusable(let error): throw error
        case .inProgress: break
        }
        let takesFolder = try store.prepare(name)
        let ledgerURL = store.profileFolder(name).appendingPathComponent("takes.json")
        var ledger = (try? JSONDecoder().decode(Ledger.self, from: Data(contentsOf: ledgerURL))) ?? Ledger()
        // A take on disk without its check (written by hand, or the ledger lost) is read again.
        let kept = Set(store.takeIDs(name))
        ledger.takes = ledger.takes.filter { kept.contains($0.key) }
        var good = prompts.filter { ledger.takes[$0.id]?.check.verdict == .good }.count
        if good > 0 { say("Going on with voice \"\(name)\": \(good) of \(options.count) sentences already read.") }
        else {
            say("Enrolling voice \"\(name)\": read each sentence aloud as you normally speak, where you usually practise.")
            say("A take ends after \(String(format: "%.1f", options.silenceSeconds)) s of silence (or Enter). Ctrl-C stops; finished takes are kept.")
        }
        let checkStart = CPUTime.now()
        // The check hears the sentences only (a grammar): live, and again on the whole take, with
        // the same decoder (the live decode has finished when a take is checked).
        let checker = try TakeDecoder.checking(prompts, base: enrollment.baseModel,
                                               grammar: store.profileFolder(name).appendingPathComponent(Enrollment.checkGrammarFile))
        let recorder = LiveTakeRecorder(settings: CaptureSettings(device: options.capture.device, maxSeconds: options.maxSeconds,
                                                                  silenceSeconds: options.silenceSeconds),
                                        recognizer: checker.recognizer, noiseReduction: enrollment.baseModel.noiseFilterConfiguration)
        let keys = KeyInput()
        let started = Date()
        var unchecked = prompts.filter { kept.contains($0.id) && ledger.takes[$0.id] == nil }
        if !unchecked.isEmpty {
            for prompt in unchecked {
                let path = takesFolder.appendingPathComponent("\(prompt.id).wav").path
                let heard = try checker.decode(path)
                let check = TakeCheck(prompt: prompt.words, heard: heard.words, speechSeconds: heard.speechSeconds, others: others(prompt))
                let seconds = (try? SpeechAudioReader(path: path).format.durationSeconds) ?? 0
                ledger.takes[prompt.id] = .init(check: check, seconds: seconds)
            }
            good = prompts.filter { ledger.takes[$0.id]?.check.verdict == .good }.count
            unchecked = []
        }

        for prompt in prompts where good < options.count && ledger.takes[prompt.id] == nil {
            var accepted = false
            for attempt in 1...options.attempts {
                say("")
                say("Sentence \(good + 1) of \(options.count)\(attempt > 1 ? " (again)" : ""):")
                say("    \(prompt.text)")
                guard pause(seconds: 1, keys: keys) else { return stopped(good) }
                let temporary = takesFolder.appendingPathComponent(".reading.wav").path
                unlink(temporary)
                let display = RecordingDisplay(targetSeconds: nil, hint: keys == nil ? "Ctrl-C stops" : "Enter ends the take")
                let take = try recorder.record(to: temporary, display: display) {
                    if StopSignal.pending != nil { return .signal }
                    if let keys, keys.poll() == "\n" { return .enter }
                    return nil
                }
                if take.outcome.stopReason == .signal { unlink(temporary); return stopped(good) }
                // The live decode may have cut the sentence at a pause; the check hears it whole.
                let heard = try checker.decode(temporary)
                let check = TakeCheck(prompt: prompt.words, heard: heard.words, speechSeconds: heard.speechSeconds, others: others(prompt))
                if check.verdict == .good {
                    let target = takesFolder.appendingPathComponent("\(prompt.id).wav").path
                    guard rename(temporary, target) == 0 else { throw VoiceError.cannotWrite(path: target, reason: String(cString: strerror(errno))) }
                    PrivateFiles.tightenFile(target)
                    ledger.takes[prompt.id] = .init(check: check, seconds: take.outcome.durationSeconds)
                    try saveLedger(ledger, to: ledgerURL)
                    good += 1
                    say("  ✓ \(check.explanation)")
                    accepted = true
                    break
                }
                unlink(temporary)
                say("  ✗ \(check.explanation) — " + (attempt < options.attempts ? "please read it again" : "skipping this sentence"))
            }
            _ = accepted
        }
        let readingSeconds = Date().timeIntervalSince(started)
        let checkingCPU = CPUTime.now() - checkStart
        let takes = prompts.compactMap { prompt -> CheckedTake? in
            guard let entry = ledger.takes[prompt.id], entry.check.verdict == .good else { return nil }
            return CheckedTake(prompt: prompt, path: takesFolder.appendingPathComponent("\(prompt.id).wav").path,
                               check: entry.check, seconds: entry.seconds)
        }
        if takes.count < options.count {
            say("Read \(takes.count) of \(options.count) sentences (the others were skipped).")
        }
        say(String(format: "Reading took %.0f s. Adapting…", readingSeconds))
        return try enrollment.adapt(takes, checkingCPU: checkingCPU) { say($0) }
    }

    private func others(_ prompt: EnrollmentPrompt) -> [[String]] {
        prompts.filter { $0.id != prompt.id }.map(\.words)
    }

    private func saveLedger(_ ledger: Ledger, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(ledger).write(to: url, options: .atomic)
        PrivateFiles.tightenFile(url.path)
    }

    private func stopped(_ good: Int) -> VoiceProfileRecord? {
        say("")
        say("Stopped. \(good) take\(good == 1 ? "" : "s") kept; `rehearse enroll --name \(enrollment.name)` goes on from here.")
        return nil
    }

    /// Waits, returning false when a signal arrives.
    private func pause(seconds: Double, keys: KeyInput?) -> Bool {
        keys?.drain()
        let until = Date().addingTimeInterval(seconds)
        while Date() < until {
            if StopSignal.pending != nil { return false }
            usleep(20_000)
        }
        return true
    }
}
