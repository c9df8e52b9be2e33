import AudioFiles
import Foundation
import Practice
import SpeechCore
import Testing
import TestSupport
@testable import Capture

/// The capture loop against a scripted microphone, with the endpointer practice gives it.
@Suite("Recorder")
struct RecorderTests {
    final class ScriptedMic: Capturing {
        var samples: [Int16]
        var position = 0
        let deviceName = "scripted"
        let deviceRate = 16_000
        let deviceChannels = 1
        let formatWarning: String? = nil
        let overruns = 0
        let suspends = 0
        init(_ samples: [Int16]) { self.samples = samples }
        func read(frames: Int) throws(CaptureError) -> [Int16] {
            // Past the end a muted microphone: zeros for ever.
            defer { position += frames }
            return (position..<position + frames).map { $0 < samples.count ? samples[$0] : 0 }
        }
        func flush() throws(CaptureError) -> [Int16] { [] }
    }


    private func record(_ mic: ScriptedMic, _ options: Recorder.Options,
                        stop: @escaping (Double) -> StopReason? = { _ in nil }) throws -> (RecordingOutcome, [RecordingStatus], [Int16]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-rec-\(UUID().uuidString.prefix(8)).wav").path
        defer { unlink(path) }
        let writer = try TakeWriter(path: path)
        var statuses: [RecordingStatus] = []
        let outcome = try Recorder(source: mic, writer: writer, sink: nil,
                                   monitor: Endpointer(silenceSeconds: options.silenceSeconds ?? .infinity), options: options)
            .run(stopRequest: { stop(statuses.last?.elapsedSeconds ?? 0) }, status: { statuses.append($0) })
        writer.close()
        return (outcome, statuses, try SpeechAudioReader(path: path).readAll())
    }

    @Test("--max gives a take of exactly that many samples")
    func maxDuration() throws {
        let (outcome, _, written) = try record(ScriptedMic(SyntheticAudio.tone(5)), .init(maxSeconds: 1.234))
        #expect(outcome.stopReason == .maxDuration)
        #expect(outcome.samples == 19_744 && written.count == 19_744)
    }

    @Test("a stop request ends the take between blocks")
    func stopRequest() throws {
        let (outcome, _, _) = try record(ScriptedMic(SyntheticAudio.tone(5)), .init(maxSeconds: 10)) { $0 >= 0.5 ? .enter : nil }
        #expect(outcome.stopReason == .enter)
        #expect(abs(outcome.durationSeconds - 0.5) < 0.03)
    }

    @Test("three seconds of nothing raises the no-input warning, and speech clears it")
    func noInput() throws {
        let (_, statuses, _) = try record(ScriptedMic(Fixtures.silence(3.5) + SyntheticAudio.tone(1)), .init(maxSeconds: 4.5))
        let firstWarning = try #require(statuses.first { $0.noInput })
        #expect(abs(firstWarning.elapsedSeconds - 3.0) < 0.03)
        #expect(statuses.last?.noInput == false)
    }

    @Test("silence after speech ends the take; silence before speech does not")
    func endpoint() throws {
        let (outcome, _, _) = try record(ScriptedMic(SyntheticAudio.hiss(2) + SyntheticAudio.tone(1) + SyntheticAudio.hiss(5)), .init(maxSeconds: 20, silenceSeconds: 1.5))
        #expect(outcome.stopReason == .silence)
        #expect(abs(outcome.durationSeconds - 4.5) < 0.05)
        #expect(outcome.speechEndSeconds.map { abs($0 - 3.0) < 0.05 } == true)
    }
}
