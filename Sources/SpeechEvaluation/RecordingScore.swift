import Analysis
import Foundation

/// How well the pipeline heard one recording, in counts so results add up across recordings.
public struct RecordingScore: Codable, Sendable, Hashable {
    public var id: String
    public var voice: String
    public var condition: String
    public var words = WordErrors()
    public var servicesReferenced = 0
    public var servicesFound = 0
    /// Fillers in the reference (FillerTruth), found by the analyzer in the transcript, and
    /// matched by kind ("um", "you know") within the answer.
    public var fillersReferenced = 0
    public var fillersHeard = 0
    public var fillersMatched = 0
    /// Hesitations ("um", "uh") alone: what the keyword-spotting pass is for.
    public var hesitationsReferenced = 0
    public var hesitationsHeard = 0
    public var hesitationsMatched = 0
    /// Fillers the analyzer finds in the reference text itself: the ceiling its rules allow.
    public var fillersFoundInReference = 0
    public var referenceWPM = 0.0
    public var heardWPM: Double?
    public var longPausesReferenced = 0
    public var longPausesFound = 0
    public var longPausesHeard = 0
    public var audioSeconds = 0.0
    /// Wall time of the decode, as the report gives it.
    public var decodeSeconds = 0.0
    /// CPU time of the whole pipeline on its thread (reading, decoding, analysis).
    public var cpuSeconds = 0.0
    public var hypothesis = ""
    /// The transcript's words with their times and confidence, so settings that act on single
    /// words (the hesitation confidence cut) can be studied from one run's `--json`.
    /// Nil in results written before it was kept.
    public var heardWords: [AnswerReport.TranscriptWord]?
    /// Utterances dereverberated and the room's decay time as measured (nil with it off, and
    /// in older results).
    public var dereverbedUtterances: Int?
    public var decaySeconds: Double?
    public var error: String?

    public init(id: String, voice: String, condition: String) {
        self.id = id
        self.voice = voice
        self.condition = condition
    }

    /// The rendering scored: `EvaluationManifest.Recording.key` of its recording.
    public var key: String { "\(id) \(voice) \(condition)" }

    /// Pauses the analyzer calls long (PacingAnalysis.longPause).
    public static let longPause = 1.5

    /// Compares the report for a recording with what was rendered into it.
    public static func compare(_ recording: EvaluationManifest.Recording, heard report: AnswerReport,
                               analyzer: AnswerAnalyzer) -> RecordingScore {
        var s = RecordingScore(id: recording.id, voice: recording.voice, condition: recording.condition)
        let expected = analyzer.analyze(text: recording.reference)
        let hypothesis = report.transcript.words.map(\.text).joined(separator: " ")
        s.hypothesis = hypothesis
        s.heardWords = report.transcript.words
        s.dereverbedUtterances = report.source?.dereverberation?.utterances
        s.decaySeconds = report.source?.dereverberation?.decaySeconds
        s.words = WordErrors.align(reference: WordErrors.normalise(recording.reference),
                                   hypothesis: WordErrors.normalise(hypothesis))

        let wanted = Set(expected.services), heard = Set(report.services)
        s.servicesReferenced = wanted.count
        s.servicesFound = wanted.intersection(heard).count

        let truth = FillerTruth.count(reference: recording.reference, listed: recording.fillers)
        let heardFillers = report.fillers.byWord
        s.fillersFoundInReference = expected.fillers.count
        s.fillersReferenced = truth.values.reduce(0, +)
        s.fillersHeard = heardFillers.values.reduce(0, +)
        s.fillersMatched = truth.reduce(0) { $0 + min($1.value, heardFillers[$1.key] ?? 0) }
        for kind in ["um", "uh"] {
            s.hesitationsReferenced += truth[kind] ?? 0
            s.hesitationsHeard += heardFillers[kind] ?? 0
            s.hesitationsMatched += min(truth[kind] ?? 0, heardFillers[kind] ?? 0)
        }

        let span = recording.speechEnd - recording.speechStart
        s.referenceWPM = span > 0 ? Double(expected.pacing.wordCount) / span * 60 : 0
        s.heardWPM = report.pacing.wordsPerMinute

        let longHeard = report.pacing.pauses.filter(\.long)
        let longWanted = recording.pauses.filter { $0.seconds >= longPause - 1e-9 }
        s.longPausesReferenced = longWanted.count
        s.longPausesFound = longWanted.filter { p in longHeard.contains { $0.start < p.end && $0.end > p.start } }.count
        s.longPausesHeard = longHeard.count

        s.audioSeconds = report.source?.durationSeconds ?? recording.duration
        s.decodeSeconds = report.source?.decodeSeconds ?? 0
        return s
    }
}

/// Sums of recording scores for one voice and condition (or any other group).
public struct ScoreSummary: Codable, Sendable, Hashable {
    public var recordings = 0
    public var failed = 0
    public var words = WordErrors()
    public var servicesReferenced = 0, servicesFound = 0
    public var fillersReferenced = 0, fillersHeard = 0, fillersMatched = 0, fillersFoundInReference = 0
    public var hesitationsReferenced = 0, hesitationsHeard = 0, hesitationsMatched = 0
    public var wpmRelativeErrorSum = 0.0, wpmCount = 0
    public var longPausesReferenced = 0, longPausesFound = 0, longPausesHeard = 0
    public var audioSeconds = 0.0, decodeSeconds = 0.0, cpuSeconds = 0.0
    /// Recordings with at least one utterance dereverberated (nil when none recorded it).
    public var dereverbed: Int?

    public init() {}

    public init(_ scores: some Sequence<RecordingScore>) {
        for s in scores { add(s) }
    }

    public mutating func add(_ s: RecordingScore) {
        recordings += 1
        if s.error != nil { failed += 1; return }
        words = words + s.words
        servicesReferenced += s.servicesReferenced; servicesFound += s.servicesFound
        fillersReferenced += s.fillersReferenced; fillersHeard += s.fillersHeard; fillersMatched += s.fillersMatched
        fillersFoundInReference += s.fillersFoundInReference
        hesitationsReferenced += s.hesitationsReferenced; hesitationsHeard += s.hesitationsHeard
        hesitationsMatched += s.hesitationsMatched
        if let heard = s.heardWPM, s.referenceWPM > 0 {
            wpmRelativeErrorSum += abs(heard - s.referenceWPM) / s.referenceWPM
            wpmCount += 1
        }
        longPausesReferenced += s.longPausesReferenced; longPausesFound += s.longPausesFound
        longPausesHeard += s.longPausesHeard
        audioSeconds += s.audioSeconds; decodeSeconds += s.decodeSeconds; cpuSeconds += s.cpuSeconds
        if let n = s.dereverbedUtterances { dereverbed = (dereverbed ?? 0) + (n > 0 ? 1 : 0) }
    }

    public var wordErrorRate: Double { words.rate }
    public var serviceRecall: Double? { ratio(servicesFound, servicesReferenced) }
    public var fillerPrecision: Double? { ratio(fillersMatched, fillersHeard) }
    public var fillerRecall: Double? { ratio(fillersMatched, fillersReferenced) }
    public var hesitationPrecision: Double? { ratio(hesitationsMatched, hesitationsHeard) }
    public var hesitationRecall: Double? { ratio(hesitationsMatched, hesitationsReferenced) }
    public var wpmError: Double? { wpmCount > 0 ? wpmRelativeErrorSum / Double(wpmCount) : nil }
    public var longPauseRecall: Double? { ratio(longPausesFound, longPausesReferenced) }
    /// CPU seconds per second of audio, on one core.
    public var realTimeFactor: Double? { audioSeconds > 0 ? cpuSeconds / audioSeconds : nil }
    public var wallRealTimeFactor: Double? { audioSeconds > 0 ? decodeSeconds / audioSeconds : nil }

    private func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
}
