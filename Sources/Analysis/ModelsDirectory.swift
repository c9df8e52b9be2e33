import Foundation

/// Finds the `Models/` folder (question bank, alternatives map, lexicon, language models).
///
/// The rule, in order:
/// 1. `$REHEARSE_MODELS`, when set to a non-empty value, is used as it is. Set but empty, it is
///    ignored and the lookup says so (a note, not silence).
/// 2. The install layout: `<folder of the executable>/../share/rehearse/Models`, the executable's
///    path resolved through symbolic links first (`PREFIX/bin/rehearse` finds
///    `PREFIX/share/rehearse/Models`, wherever PREFIX is).
/// 3. The nearest `Models/` in the executable's folder or up to five folders above it (a build
///    in `.build/` finds the checkout's).
/// 4. `/usr/local/share/rehearse/Models`, then `/usr/share/rehearse/Models`.
/// A candidate in steps 2–4 counts only when it holds `questions/` or `recognizer.json`.
public enum ModelsDirectory {
    public static let installLocations = ["/usr/local/share/rehearse/Models", "/usr/share/rehearse/Models"]

    /// Where the models are, where else was looked, and anything the user should be told.
    public struct Lookup: Sendable {
        public var directory: URL?
        /// How the folder was found: "REHEARSE_MODELS", "installed beside the program", ...
        public var origin: String?
        /// Every folder tried, in order, for messages when none was found.
        public var searched: [String]
        public var notes: [String]

        public init(directory: URL?, origin: String? = nil, searched: [String] = [], notes: [String] = []) {
            self.directory = directory
            self.origin = origin
            self.searched = searched
            self.notes = notes
        }
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        lookup(environment: environment).directory
    }

    public static func lookup(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = currentExecutable()) -> Lookup {
        let fm = FileManager.default
        var lookup = Lookup(directory: nil, origin: nil, searched: [], notes: [])
        if let env = environment["REHEARSE_MODELS"] {
            if !env.isEmpty {
                lookup.directory = URL(fileURLWithPath: env, isDirectory: true)
                lookup.origin = "REHEARSE_MODELS"
                return lookup
            }
            lookup.notes.append("REHEARSE_MODELS is set but empty, so it is ignored; unset it or name the Models folder")
        }
        func holdsModels(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("questions").path)
                || fm.fileExists(atPath: url.appendingPathComponent("recognizer.json").path)
        }
        var candidates: [(URL, String)] = []
        if let bin = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            let installed = bin.deletingLastPathComponent().appendingPathComponent("share/rehearse/Models", isDirectory: true)
            candidates.append((installed.standardizedFileURL, "installed beside the program"))
            var dir = bin
            for _ in 0..<6 {
                candidates.append((dir.appendingPathComponent("Models", isDirectory: true), "a checkout above the program"))
                dir = dir.deletingLastPathComponent()
            }
        }
        for path in installLocations {
            candidates.append((URL(fileURLWithPath: path, isDirectory: true), "the system install"))
        }
        for (candidate, origin) in candidates where !lookup.searched.contains(candidate.path) {
            lookup.searched.append(candidate.path)
            if holdsModels(candidate) {
                lookup.directory = candidate
                lookup.origin = origin
                return lookup
            }
        }
        return lookup
    }

    /// The running program's own file (`/proc/self/exe` on Linux), else argv[0].
    public static func currentExecutable() -> URL? {
        if let exe = Bundle.main.executableURL { return exe }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    }
}
