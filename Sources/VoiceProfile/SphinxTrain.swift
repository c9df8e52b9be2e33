import Foundation

/// The programs adaptation shells out to: sphinxtrain's (in /usr/lib/sphinxtrain on Debian),
/// sphinxbase-utils' `sphinx_fe` and pocketsphinx's `pocketsphinx_mdef_convert`. Each is found
/// before any work starts, so a missing package is one line naming it.
///
/// `REHEARSE_SPHINXTRAIN_DIR` replaces /usr/lib/sphinxtrain (tests point it at an empty
/// folder to see the missing-package message).
public struct SphinxTrain: Sendable {
    public let bw: String
    public let mllrSolve: String
    public let mllrTransform: String
    public let mapAdapt: String
    public let mkS2Sendump: String
    public let featureExtractor: String
    public let mdefConvert: String

    public static let defaultDirectory = "/usr/lib/sphinxtrain"

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(VoiceError) -> SphinxTrain {
        let dir = environment["REHEARSE_SPHINXTRAIN_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory
        func train(_ name: String) throws(VoiceError) -> String {
            let path = dir + "/" + name
            guard FileManager.default.isExecutableFile(atPath: path) else { throw .toolMissing(tool: "sphinxtrain's \(name)", package: "sphinxtrain") }
            return path
        }
        func onPath(_ name: String, package: String) throws(VoiceError) -> String {
            let path = environment["PATH"] ?? "/usr/bin:/bin"
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            throw .toolMissing(tool: name, package: package)
        }
        return SphinxTrain(
            bw: try train("bw"), mllrSolve: try train("mllr_solve"), mllrTransform: try train("mllr_transform"),
            mapAdapt: try train("map_adapt"), mkS2Sendump: try train("mk_s2sendump"),
            featureExtractor: try onPath("sphinx_fe", package: "sphinxbase-utils"),
            mdefConvert: try onPath("pocketsphinx_mdef_convert", package: "pocketsphinx"))
    }

    /// Runs `tool` with `arguments`, its output (stdout and stderr together) going to `log`.
    /// A non-zero exit throws with the last line the tool printed that looks like an error.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], log: URL) throws(VoiceError) -> String {
        let name = URL(fileURLWithPath: tool).lastPathComponent
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        do {
            let handle = try FileHandle(forWritingTo: log)
            defer { try? handle.close() }
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        } catch {
            throw .toolFailed(tool: name, status: -1, detail: "\(error)")
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, process.terminationReason == .exit else {
            let lines = output.split(separator: "\n")
            let detail = lines.last(where: { $0.contains("ERROR") || $0.contains("FATAL") }) ?? lines.last ?? ""
            throw .toolFailed(tool: name, status: process.terminationStatus, detail: String(detail.prefix(300)))
        }
        return output
    }
}
