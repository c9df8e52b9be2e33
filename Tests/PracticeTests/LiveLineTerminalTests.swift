import Foundation
import Testing
import TestSupport

/// `rehearse practice` in a real terminal (a tmux pane) with the FIFO microphone playing an
/// answer in real time: the caption and a cue are read off the screen while it is spoken, and
/// nothing of the live block is left once the report is out.
@Suite("practice's live line in a terminal", .serialized)
struct LiveLineTerminalTests {
    /// A tmux server of its own (its own socket), so the test never touches anyone's sessions.
    final class Tmux {
        let socket = "rehearse-test-\(UUID().uuidString.prefix(8))"
        let session = "practice"
        static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

        /// Spawned and reaped by hand: the server that `new-session` forks keeps every
        /// descriptor the client had, so Foundation's `Process` (which waits for its own pipe
        /// and socket to close) and a stdout pipe would wait for the server to exit.
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let output = Fixtures.tempDirectory().appendingPathComponent("tmux.out")
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            let argv = ([Self.path!, "-L", socket] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            // The test runner's threads block signals and a child inherits the mask: unblock them
            // all, or the server and the pane ignore kill-server's hang-up.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for signal in [SIGHUP, SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, Self.path!, &actions, &attributes, argv, environ)
            guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }

        /// The visible screen, or with `history` everything the pane ever showed.
        func screen(history: Bool = false) throws -> String {
            try run(["capture-pane", "-p", "-t", session] + (history ? ["-S", "-"] : []))
        }
    }

    private static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @Test("the caption and the no-choice cue show while the answer is spoken; the block is gone after the take")
    func captionAndCueOnScreen() throws {
        guard Tmux.path != nil else {
            Issue.record("tmux is not installed, so the terminal test cannot run: scripts/install-deps.sh --test installs it")
            return
        }
        let definition = try Fixtures.samples("Audio/definition-answer.wav")
        let mic = try TestMicrophone(.fifo)
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        // A 70 s target: "no choice yet" is due at 28 s, and this answer (a definition, three
        // times, 33 s) never makes a choice of its own.
        var env = mic.environment
        env["TERM"] = nil
        let assignments = ["ALSA_CONFIG_PATH", "XDG_DATA_HOME", "REHEARSE_MODELS", "NO_COLOR"]
            .map { "\($0)=" + Self.shellQuoted(env[$0]!) }.joined(separator: " ")
        let command = "cd \(Self.shellQuoted(mic.directory.path)) && \(assignments) "
            + Self.shellQuoted(Fixtures.rehearseBinary.path)
            + " practice --question lambda-beginner-when-to-use --device \(mic.deviceName) --silence 2 --count-in 0"
            + " --no-follow-up; sleep 600"
        try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "30", command])
        let feeder = FifoFeeder(fifo: mic.infile, samples: Fixtures.silence(0.5) + definition + definition + definition
                                + Fixtures.silence(8))

        var caption: String?
        var cues: Set<String> = []
        var captionWhileRecording = false
        var reportShown = false
        var lastScreen = ""
        let deadline = Date().addingTimeInterval(150)
        while Date() < deadline && !reportShown {
            usleep(200_000)
            lastScreen = try tmux.screen()
            let lines = lastScreen.split(separator: "\n").map(String.init)
            let recording = lines.contains { $0.contains("REC ") }
            if caption == nil, let line = lines.first(where: { $0.contains("“") }),
               ["relational", "database", "postgres", "backups", "failover", "managed"].contains(where: line.contains) {
                caption = line
                captionWhileRecording = recording
            }
            for line in lines where line.contains("▸ ") && recording {
                cues.insert(String(line[line.range(of: "▸ ")!.upperBound...]))
            }
            reportShown = lines.contains { $0.hasPrefix("Score ") }
        }
        if !reportShown {
            // Whatever went wrong, end the take and free the feeder if nothing ever read the FIFO.
            try tmux.run(["kill-server"])
            let reader = open(mic.infile.path, O_RDONLY | O_NONBLOCK)
            if reader >= 0 { close(reader) }
        }
        feeder.wait()
        #expect(caption != nil, "no caption with the answer's words seen; last screen:\n\(lastScreen)")
        #expect(captionWhileRecording, "the caption was on screen while the take was recording: \(caption ?? "-")")
        #expect(cues.contains("no choice yet: say what you decided"), "cues seen: \(cues); last screen:\n\(lastScreen)")
        #expect(reportShown, "the report came; last screen:\n\(lastScreen)")

        // Nothing of the live block is left anywhere in the pane's history.
        let everything = try tmux.screen(history: true)
        #expect(!everything.contains("REC ") && !everything.contains("▸") && !everything.contains("“"),
                "live block left behind:\n\(everything)")
        try tmux.run(["send-keys", "-t", tmux.session, "q"])
    }

    @Test("practice --help explains the live line and the cues, with --no-cues")
    func helpExplainsCues() throws {
        let dir = Fixtures.tempDirectory()
        let run = try RehearseProcess.run(["practice", "--help"], environment: ProcessInfo.processInfo.environment, in: dir)
        #expect(run.status == 0)
        let help = run.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(help.contains("--cues/--no-cues"), "\(run.stdout)")
        for phrase in ["the last words heard", "slow down", "over 170 wpm for 10 s", "3 fillers\" within 15 s",
                       "\"no choice yet\" at 40% of the target", "\"wrap up: say the result\" at 85%",
                       "\"take your time\" after 3 s of quiet", "--no-cues keeps the line and hides the cues",
                       "Not shown with --json"] {
            #expect(help.contains(phrase), "missing \(phrase): \(run.stdout)")
        }
    }
}
