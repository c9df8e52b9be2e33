import Foundation

/// Finds the repository's `Models/` folder (lexicon, question bank, alternatives map, language
/// models): `$REHEARSE_MODELS` if set, else the nearest `Models/` above the running executable
/// (so a build in `.build/`, tests included, finds the checkout's), else the install location.
public enum ModelsDirectory {
    public static let installLocations = ["/usr/local/share/rehearse/Models", "/usr/share/rehearse/Models"]

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let env = environment["REHEARSE_MODELS"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        if let exe = Bundle.main.executableURL { dir = exe.resolvingSymlinksInPath().deletingLastPathComponent() }
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Models", isDirectory: true)
            if fm.fileExists(atPath: candidate.appendingPathComponent("questions.json").path)
                || fm.fileExists(atPath: candidate.appendingPathComponent("recognizer.json").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for path in installLocations where fm.fileExists(atPath: path) {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return nil
    }
}
