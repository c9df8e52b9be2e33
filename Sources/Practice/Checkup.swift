import Analysis
import AudioFiles
import Capture
import Foundation
import History
import Pipeline

/// `rehearse doctor`: what a person checks when something is off, one line each. Every check
/// finishes in bounded time, so a machine without a sound card gets an answer, not a hang.
public struct Checkup: Sendable {
    public enum Status: String, Sendable { case ok, warn, fail, info }

    public struct Finding: Sendable {
        public var status: Status
        public var name: String
        public var detail: String
    }

    /// Runtime packages the Debian build links against or reads models from.
    public static let debianPackages = ["libpocketsphinx3", "libsphinxbase3", "pocketsphinx-en-us", "libsndfile1",
                                        "libsoxr0", "libasound2", "libsqlite3-0"]

    public var device: String
    public var levelSeconds: Double
    /// How long the level check may take in all before it is called unanswered.
    public var levelTimeout: Double
    public var environment: [String: String]

    public init(device: String = "default", levelSeconds: Double = 2, levelTimeout: Double = 5,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.device = device
        self.levelSeconds = levelSeconds
        self.levelTimeout = levelTimeout
        self.environment = environment
    }

    public func run() -> [Finding] {
        [captureDevices(), level(), models(), voiceProfile(), dataFolder(), packages()]
    }

    func captureDevices() -> Finding {
        // ALSA's "null" PCM discards and invents silence: it is no microphone.
        let devices = CaptureDevice.all().filter { $0.name != "null" }
        if devices.isEmpty { return .init(status: .fail, name: "capture devices", detail: "ALSA lists none (no sound card, or no permission to use it)") }
        let names = devices.prefix(4).map(\.name).joined(separator: ", ") + (devices.count > 4 ? ", …" : "")
        return .init(status: .ok, name: "capture devices", detail: "\(devices.count): \(names)")
    }

    /// Records `levelSeconds` from `device` on a thread of its own and waits at most
    /// `levelTimeout`: a device that never delivers cannot hold the check up.
    func level() -> Finding {
        let name = "sound from \(device)"
        let result = LevelProbe.run(device: device, seconds: levelSeconds, timeout: levelTimeout)
        switch result {
        case .timedOut:
            return .init(status: .fail, name: name, detail: "no audio within \(CheckupText.seconds(levelTimeout)) — is another program holding the device?")
        case .failed(let message):
            return .init(status: .fail, name: name, detail: message)
        case .measured(let peak, let mean):
            let figures = String(format: "peak %.0f dBFS, average %.0f dBFS over %@", peak, mean, CheckupText.seconds(levelSeconds))
            if peak < -70 { return .init(status: .fail, name: name, detail: "silence (\(figures)) — is the microphone muted or unplugged?") }
            if peak < -45 { return .init(status: .warn, name: name, detail: "very quiet (\(figures)) — raise the input gain or speak closer") }
            if peak > -0.5 { return .init(status: .warn, name: name, detail: "clipping (\(figures)) — lower the input gain") }
            return .init(status: .ok, name: name, detail: figures)
        }
    }

    func models() -> Finding {
        let lookup = ModelsDirectory.lookup(environment: environment)
        let notes = lookup.notes.isEmpty ? "" : " (" + lookup.notes.joined(separator: "; ") + ")"
        guard let dir = lookup.directory else {
            return .init(status: .fail, name: "models", detail: "no Models folder (looked in \(lookup.searched.joined(separator: ", ")))\(notes)")
        }
        do {
            let selection = try ModelSelection.resolve(nil, lookup: lookup)
            let bank = FileManager.default.fileExists(atPath: dir.appendingPathComponent("questions").path)
            let status: Status = selection.note == nil && bank ? .ok : .warn
            return .init(status: status, name: "models",
                         detail: "\(dir.path) (\(lookup.origin ?? "given")); using \(selection.model.name)"
                            + (bank ? "" : "; no questions/ folder") + (selection.note.map { "; \($0)" } ?? ""))
        } catch {
            return .init(status: .fail, name: "models", detail: "\(dir.path): \(error)")
        }
    }

    func voiceProfile() -> Finding {
        .init(status: .info, name: "voice profile", detail: "none: this version uses the speaker-independent en-us acoustic model")
    }

    func dataFolder() -> Finding {
        let folder: DataFolder
        do { folder = try DataFolder.resolve(environment: environment) }
        catch { return .init(status: .fail, name: "data folder", detail: "\(error)") }
        let path = folder.url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .init(status: .ok, name: "data folder", detail: "\(path) not created yet (it will be, private to you)")
        }
        let mode = info.st_mode & 0o777
        var space = statvfs()
        let free = statvfs(path, &space) == 0 ? Double(space.f_bavail) * Double(space.f_frsize) : nil
        let freeText = free.map { String(format: "%.1f GB free", $0 / 1e9) } ?? "free space unknown"
        let writable = PrivateFiles.isWritableFolder(path)
        var detail = "\(path) mode \(String(mode, radix: 8)), \(freeText)"
        var status = Status.ok
        if mode & 0o077 != 0 { status = .warn; detail += "; readable by others (the next save tightens it to 700)" }
        if !writable { status = .warn; detail += "; read-only (history can be read, not saved)" }
        // An hour of takes is about 115 MB at 16 kHz, 16-bit mono.
        if let free, free < 200e6 { status = .warn; detail += "; little room for takes" }
        return .init(status: status, name: "data folder", detail: detail)
    }

    func packages() -> Finding {
        let missing = Self.debianPackages.filter { !Self.isInstalled($0) }
        if missing.isEmpty { return .init(status: .ok, name: "Debian packages", detail: Self.debianPackages.joined(separator: ", ")) }
        return .init(status: .fail, name: "Debian packages", detail: "missing: \(missing.joined(separator: ", ")) — sudo apt install \(missing.joined(separator: " "))")
    }

    static func isInstalled(_ package: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/dpkg-query")
        p.arguments = ["-W", "-f", "${db:Status-Status}", package]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        let text = String(decoding: out.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        p.waitUntilExit()
        return p.terminationStatus == 0 && text == "installed"
    }
}

/// The level check's capture, on its own thread so that the caller can stop waiting.
enum LevelProbe {
    enum Result: Sendable {
        case measured(peak: Double, mean: Double)
        case failed(String)
        case timedOut
    }

    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var result: Result?
    }

    static func run(device: String, seconds: Double, timeout: Double) -> Result {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = measure(device: device, seconds: seconds)
            box.lock.withLock { box.result = result }
            done.signal()
        }
        thread.start()
        guard done.wait(timeout: .now() + timeout) == .success else { return .timedOut }
        return box.lock.withLock { box.result } ?? .timedOut
    }

    static func measure(device: String, seconds: Double) -> Result {
        do {
            let capture = try AlsaCapture(device: device)
            var samples: [Int16] = []
            let wanted = Int(seconds * Double(SpeechAudioReader.speechRate))
            while samples.count < wanted { samples += try capture.read(frames: 320) }
            let peak = samples.map { abs(Int32($0)) }.max() ?? 0
            let peakDB = peak == 0 ? -120 : 20 * log10(Double(peak) / 32768)
            return .measured(peak: peakDB, mean: AudioLevel.decibels(samples))
        } catch {
            return .failed("\(error)")
        }
    }
}

enum CheckupText {
    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s) }
}
