import SpeechCore
import Testing
import TestSupport
@testable import Practice

/// With cues on, a pause early in the answer is thinking time, not the end of the take.
@Suite("Patient endpoint")
struct PatientEndpointerTests {
    private func stopsAfter(speechAt start: Double, patientUntil: Double) -> Double? {
        var monitor = PatientEndpointer(endpointer: Endpointer(silenceSeconds: 2), patientUntil: patientUntil, patientSilence: 8)
        let audio = SyntheticAudio.hiss(start) + SyntheticAudio.tone(2) + SyntheticAudio.hiss(12)
        for (n, offset) in stride(from: 0, to: audio.count, by: 320).enumerated() {
            if monitor.append(Array(audio[offset..<min(audio.count, offset + 320)])) { return Double(n + 1) * 0.02 }
        }
        return nil
    }

    @Test("a pause in the patient stretch needs 8 s; after it the usual 2 s; a pause that runs past it ends 2 s in")
    func patience() throws {
        // Speech 1–3 s; patient until 30 s: the take ends 8 s into the pause.
        let early = try #require(stopsAfter(speechAt: 1, patientUntil: 30))
        #expect(abs(early - 11) < 0.1, "\(early)")
        // Patient only until 2 s: the usual 2 s of silence.
        let late = try #require(stopsAfter(speechAt: 1, patientUntil: 2))
        #expect(abs(late - 5) < 0.1, "\(late)")
        // Patient until 6 s: the pause (from 3 s) has its 2 s at 5 s, but the take waits until 6 s.
        let across = try #require(stopsAfter(speechAt: 1, patientUntil: 6))
        #expect(abs(across - 6) < 0.1, "\(across)")
    }
}
