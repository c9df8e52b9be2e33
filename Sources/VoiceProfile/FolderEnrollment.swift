import AudioFiles
import Foundation
import History
import PocketSphinx

extension Enrollment {
    /// `rehearse enroll --from DIR`: DIR/<id>.wav for each prompt id found there. Each file is
    /// converted to 16 kHz mono into the profile's takes folder, checked against its prompt
    /// (misread and silent takes are left out and listed), then adapted from.
    public func enrollFromFolder(_ directory: URL, prompts: [EnrollmentPrompt], say: (String) -> Void) throws -> (record: VoiceProfileRecord, problems: [String]) {
        try VoiceStore.checkName(name)
        if case .ready = store.state(name) { throw VoiceError.exists(name: name) }
        let found = prompts.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0.id).wav").path) }
        guard !found.isEmpty else {
            throw VoiceError.notEnoughTakes(usable: 0, needed: Self.minimumTakes,
                                            problems: ["no \(prompts.first.map { "\($0.id).wav" } ?? "<id>.wav") or other prompt files in \(directory.path); `rehearse enroll --prompts --json` lists the ids"])
        }
        let takes = try store.prepare(name)
        let checkStart = CPUTime.now()
        let decoder = try TakeDecoder.checking(prompts, base: baseModel,
                                               grammar: store.profileFolder(name).appendingPathComponent(Self.checkGrammarFile))
        var good: [CheckedTake] = []
        var problems: [String] = []
        say("checking \(found.count) takes from \(directory.path)")
        for prompt in found {
            let source = directory.appendingPathComponent("\(prompt.id).wav").path
            let target = takes.appendingPathComponent("\(prompt.id).wav").path
            let seconds = try Self.copySpeechAudio(from: source, to: target)
            let heard = try decoder.decode(target)
            let check = TakeCheck(prompt: prompt.words, heard: heard.words, speechSeconds: heard.speechSeconds,
                                  others: prompts.filter { $0.id != prompt.id }.map(\.words))
            if check.verdict == .good {
                good.append(CheckedTake(prompt: prompt, path: target, check: check, seconds: seconds))
            } else {
                problems.append("\(prompt.id): \(check.explanation)")
                unlink(target)
            }
        }
        for problem in problems { say("  not used: \(problem)") }
        guard good.count >= Self.minimumTakes else {
            throw VoiceError.notEnoughTakes(usable: good.count, needed: Self.minimumTakes, problems: problems)
        }
        let record = try adapt(good, checkingCPU: CPUTime.now() - checkStart, say: say)
        return (record, problems)
    }

    /// Writes `source` (any format libsndfile reads) as a 16 kHz mono WAV at `target`, 0600;
    /// returns its length in seconds.
    static func copySpeechAudio(from source: String, to target: String) throws -> Double {
        let reader: SpeechAudioReader
        do { reader = try SpeechAudioReader(path: source) } catch { throw VoiceError.unreadableTake(path: source, reason: "\(error)") }
        unlink(target)
        let writer = try TakeWriter(path: target)
        defer { writer.close() }
        let summary = try reader.stream { try writer.write($0) }
        writer.close()
        PrivateFiles.tightenFile(target)
        return summary.durationSeconds
    }
}
