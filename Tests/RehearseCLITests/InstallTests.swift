import Analysis
import Foundation
import Pipeline
import Testing
import TestSupport

/// The models folder is found beside an installed binary (PREFIX/bin/../share/rehearse/Models),
/// and an empty REHEARSE_MODELS is reported rather than silently ignored.
@Suite("install layout", .serialized)
struct InstallTests {
    /// PREFIX/bin/rehearse (a copy of the built binary) and PREFIX/share/rehearse/Models.
    private func install(in dir: URL) throws -> URL {
        let bin = dir.appendingPathComponent("prefix/bin")
        let share = dir.appendingPathComponent("prefix/share/rehearse")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.rehearseBinary, to: bin.appendingPathComponent("rehearse"))
        try FileManager.default.copyItem(at: Fixtures.repo.appendingPathComponent("Models"), to: share.appendingPathComponent("Models"))
        return bin.appendingPathComponent("rehearse")
    }

    private func run(_ binary: URL, _ arguments: [String], in dir: URL, environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "REHEARSE_MODELS")
        env["XDG_DATA_HOME"] = dir.appendingPathComponent("data").path
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        let child = try RehearseProcess.run(arguments, environment: env, in: dir, timeout: 120, executable: binary)
        return (child.status, child.stdout, child.stderr)
    }

    @Test func aCopiedBinaryFindsTheModelsInstalledBesideIt() throws {
        let dir = Fixtures.tempDirectory()
        let binary = try install(in: dir)
        let questions = try run(binary, ["questions", "--json"], in: dir)
        #expect(questions.status == 0, "\(questions.err)")
        #expect(questions.out.contains("\"id\""))
        let scored = try run(binary, ["score", Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, "--json", "--no-save"], in: dir)
        #expect(scored.status == 0, "\(scored.err)")
        #expect(!scored.err.contains("not built"), "fell back to the stock model: \(scored.err)")
        #expect(scored.out.contains("rehearse AWS domain"))
    }

    @Test func aSymlinkToTheInstalledBinaryFindsTheModelsToo() throws {
        let dir = Fixtures.tempDirectory()
        let binary = try install(in: dir)
        let link = dir.appendingPathComponent("elsewhere/rehearse")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        let lookup = ModelsDirectory.lookup(environment: [:], executable: link)
        #expect(lookup.directory?.path == dir.appendingPathComponent("prefix/share/rehearse/Models").path)
        #expect(lookup.origin == "installed beside the program")
    }

    @Test func anEmptyREHEARSE_MODELSIsReported() throws {
        let lookup = ModelsDirectory.lookup(environment: ["REHEARSE_MODELS": ""], executable: nil)
        #expect(lookup.notes.contains { $0.contains("REHEARSE_MODELS is set but empty") })
        let dir = Fixtures.tempDirectory()
        let binary = try install(in: dir)
        let scored = try run(binary, ["score", Fixtures.repo.appendingPathComponent("Audio/known-pause.wav").path, "--no-save"],
                             in: dir, environment: ["REHEARSE_MODELS": ""])
        #expect(scored.status == 0, "\(scored.err)")
        #expect(scored.err.contains("REHEARSE_MODELS is set but empty"), "\(scored.err)")
    }
}
