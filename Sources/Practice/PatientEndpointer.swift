import Capture
import SpeechCore

/// The endpoint when the coach is on. Early in an answer a pause is usually the speaker
/// thinking, and the coach says "take your time" instead of the take ending: until
/// `patientUntil` seconds into the take only `patientSilence` of quiet ends it; after that the
/// usual `--silence` does.
struct PatientEndpointer: SpeechMonitoring {
    var endpointer: Endpointer
    let patientUntil: Double
    let patientSilence: Double

    mutating func append(_ samples: [Int16]) -> Bool {
        endpointer.append(samples)
        return isEndpoint
    }

    var heardSpeech: Bool { endpointer.heardSpeech }
    var lastSpeechEnd: Double? { endpointer.lastSpeechEnd }
    var isEndpoint: Bool {
        guard endpointer.isEndpoint else { return false }
        return endpointer.elapsedSeconds >= patientUntil || endpointer.trailingSilenceSeconds >= patientSilence
    }
}

/// How long a mid-answer pause may last before it ends the take (`PatientEndpointer`).
public struct Patience: Sendable {
    public var untilSeconds: Double
    public var silenceSeconds: Double

    public init(untilSeconds: Double, silenceSeconds: Double) {
        self.untilSeconds = untilSeconds
        self.silenceSeconds = silenceSeconds
    }
}
