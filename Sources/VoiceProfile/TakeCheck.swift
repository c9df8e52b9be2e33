import AudioFiles
import Foundation
import PocketSphinx
import SpeechCore

/// Whether a take is the sentence it should be: decoded with the model the person scores with,
/// then lined up with the prompt. A take with no speech, or in which too few of the prompt's
/// words are heard in order, is not used (the person is asked to read it again).
public struct TakeCheck: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Codable { case good, silent, misread }
    public var verdict: Verdict
    /// What the recognizer heard (fillers left out).
    public var heard: [String]
    /// Prompt words heard in order (an alignment's hits).
    public var matched: Int
    /// Word errors against the prompt (substitutions + deletions + insertions).
    public var errors: Int
    public var promptWords: Int

    /// Share of the prompt's words that must be heard for a take to count. Low on purpose: in a
    /// reverberant room the stock model mishears even a careful reading (one flite voice in the
    /// test room: 0.2-0.9 of the words heard in correctly read takes; a different sentence
    /// read instead: 0-0.2).
    public static let minimumMatched = 0.4

    public static let hesitations: Set<String> = ["um", "uh", "<unk>"]

    public init(prompt: [String], heard raw: [String], speechSeconds: Double) {
        let heard = raw.filter { !Self.hesitations.contains($0) }
        self.heard = heard
        self.promptWords = prompt.count
        let alignment = WordAlignment(reference: prompt, hypothesis: heard)
        self.matched = alignment.hits
        self.errors = alignment.errors
        if heard.isEmpty || speechSeconds < 0.3 {
            verdict = .silent
        } else if Double(alignment.hits) < Self.minimumMatched * Double(prompt.count) {
            verdict = .misread
        } else {
            verdict = .good
        }
    }

    public var explanation: String {
        switch verdict {
        case .good: return "heard \(matched) of \(promptWords) words"
        case .silent: return "no speech heard"
        case .misread: return "heard \(matched) of \(promptWords) words" + (heard.isEmpty ? "" : ": “\(heard.joined(separator: " "))”")
        }
    }
}

/// Levenshtein alignment of words, counting hits and errors.
public struct WordAlignment: Sendable {
    public let hits: Int
    public let errors: Int

    public init(reference: [String], hypothesis: [String]) {
        struct Cell { var errors: Int; var hits: Int }
        func better(_ a: Cell, _ b: Cell) -> Cell { (a.errors, -a.hits) <= (b.errors, -b.hits) ? a : b }
        // Errors and hits minimised together, so among equally good alignments the one with
        // the most hits is counted.
        var previous = (0...hypothesis.count).map { Cell(errors: $0, hits: 0) }
        for i in reference.indices {
            var row = [Cell(errors: i + 1, hits: 0)]
            for j in hypothesis.indices {
                let same = reference[i] == hypothesis[j]
                let diagonal = Cell(errors: previous[j].errors + (same ? 0 : 1), hits: previous[j].hits + (same ? 1 : 0))
                let deletion = Cell(errors: previous[j + 1].errors + 1, hits: previous[j + 1].hits)
                let insertion = Cell(errors: row[j].errors + 1, hits: row[j].hits)
                row.append(better(diagonal, better(deletion, insertion)))
            }
            previous = row
        }
        errors = previous[hypothesis.count].errors
        hits = previous[hypothesis.count].hits
    }
}

/// Decodes whole takes with one model: one recognizer, reused take after take (each recording
/// starts from the decoder's state as created).
public final class TakeDecoder {
    public let model: RecognizerModel
    private let recognizer: PocketSphinxRecognizer

    public init(model: RecognizerModel) throws {
        self.model = model
        self.recognizer = try PocketSphinxRecognizer(model: model)
    }

    /// The words heard in `path` and the seconds of speech the segmenter found.
    public func decode(_ path: String) throws -> (words: [String], speechSeconds: Double) {
        let reader: SpeechAudioReader
        do { reader = try SpeechAudioReader(path: path) } catch { throw VoiceError.unreadableTake(path: path, reason: "\(error)") }
        let transcriber = StreamingTranscriber(recognizer: recognizer, noiseReduction: model.noiseFilterConfiguration)
        _ = try reader.stream { try transcriber.append($0) }
        let words = try transcriber.finish()
        return (words.map(\.text), Double(transcriber.speechSamples) / Double(SpeechAudioReader.speechRate))
    }
}
