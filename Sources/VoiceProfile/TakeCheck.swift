import AudioFiles
import Foundation
import History
import PocketSphinx
import SpeechCore

/// Whether a take is the sentence it should be: decoded with the model the person scores with,
/// then lined up with the prompt. A take with no speech, or in which too few of the prompt's
/// words are heard in order, is not used (the person is asked to read it again).
public struct TakeCheck: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Codable { case good, silent, misread, tooShort }
    public var verdict: Verdict
    /// What the recognizer heard (fillers left out).
    public var heard: [String]
    /// Prompt words heard in order (an alignment's hits).
    public var matched: Int
    /// Word errors against the prompt (substitutions + deletions + insertions).
    public var errors: Int
    public var promptWords: Int

    /// A take in which at least this share of the prompt's words is heard is good outright.
    public static let clearlyRead = 0.4

    public static let hesitations: Set<String> = ["um", "uh", "<unk>"]

    /// Less speech than this per word of the sentence (about 500 words a minute, with the
    /// segmenter's margins) cannot be the sentence read: a cough or a knock that the check's
    /// grammar would otherwise hear as some sentence.
    public static let minimumSecondsPerWord = 0.12

    /// Seconds of speech the segmenter found.
    public var speechSeconds: Double?

    /// `heard`: what the check's decoder heard (`TakeDecoder.checking` hears only the sentences,
    /// and nothing at all for speech that is none of them).
    /// `others`: the words of the other sentences. In a reverberant room the unadapted model
    /// mishears even a careful reading (one flite voice in the test room heard 1 to 4 words of
    /// 8 to 12 in a sixth of its correctly read takes), and those are the takes adaptation
    /// learns most from, so a take under `clearlyRead` is refused only when another sentence
    /// fits what was heard better, or when no word of the prompt was heard at all.
    public init(prompt: [String], heard raw: [String], speechSeconds: Double, others: [[String]] = []) {
        let heard = raw.filter { !Self.hesitations.contains($0) }
        self.heard = heard
        self.promptWords = prompt.count
        self.speechSeconds = speechSeconds
        let alignment = WordAlignment(reference: prompt, hypothesis: heard)
        self.matched = alignment.hits
        self.errors = alignment.errors
        if raw.isEmpty && speechSeconds >= 0.3 {
            // Speech the check's grammar could not hear as any of the sentences.
            verdict = .misread
        } else if heard.isEmpty || speechSeconds < 0.3 {
            verdict = .silent
        } else if Double(alignment.hits) >= Self.clearlyRead * Double(prompt.count) {
            verdict = .good
        } else if alignment.hits == 0 {
            verdict = .misread
        } else {
            let own = Double(alignment.hits) / Double(max(1, prompt.count))
            let better = others.contains { other in
                Double(WordAlignment(reference: other, hypothesis: heard).hits) / Double(max(1, other.count)) > own
            }
            verdict = better ? .misread : .good
        }
        if verdict == .good, speechSeconds < Self.minimumSecondsPerWord * Double(prompt.count) { verdict = .tooShort }
    }

    public var explanation: String {
        switch verdict {
        case .good: return "heard \(matched) of \(promptWords) words"
        case .silent: return "no speech heard"
        case .tooShort: return String(format: "only %.1f s of sound for %d words", speechSeconds ?? 0, promptWords)
        case .misread: return heard.isEmpty ? "heard sound, but none of the sentences"
            : "heard \(matched) of \(promptWords) words: “\(heard.joined(separator: " "))”"
        }
    }
}

/// Two ways of lining heard words up with the words read: `errors`, the word edit distance
/// (what a word error rate counts), and `hits`, the most words heard in the right order (the
/// longest common subsequence), which says how much of a sentence came through even when
/// the rest was misheard.
public struct WordAlignment: Sendable {
    public let hits: Int
    public let errors: Int

    public init(reference: [String], hypothesis: [String]) {
        var distance = Array(0...hypothesis.count)
        var common = [Int](repeating: 0, count: hypothesis.count + 1)
        for i in reference.indices {
            var nextDistance = [i + 1], nextCommon = [0]
            for j in hypothesis.indices {
                let same = reference[i] == hypothesis[j]
                nextDistance.append(min(distance[j] + (same ? 0 : 1), distance[j + 1] + 1, nextDistance[j] + 1))
                nextCommon.append(same ? common[j] + 1 : max(common[j + 1], nextCommon[j]))
            }
            distance = nextDistance
            common = nextCommon
        }
        errors = distance[hypothesis.count]
        hits = common[hypothesis.count]
    }
}

/// Decodes whole takes with one model: one recognizer, reused take after take (each recording
/// starts from the decoder's state as created).
public final class TakeDecoder {
    public let model: RecognizerModel
    /// Also usable for a live decode between `decode` calls (enrollment's live line).
    public let recognizer: PocketSphinxRecognizer
    private let segmentation: UtteranceSegmenter.Configuration
    /// The checking grammar this decoder wrote; removed with it.
    private var grammarFile: String?

    public init(model: RecognizerModel, segmentation: UtteranceSegmenter.Configuration = .init()) throws {
        self.model = model
        self.segmentation = segmentation
        self.recognizer = try PocketSphinxRecognizer(model: model)
    }

    deinit {
        if let grammarFile { unlink(grammarFile) }
    }

    /// The decoder that checks takes: `base`'s acoustic model and dictionary searching only the
    /// enrollment sentences (a JSGF grammar written to `grammar`), each take decoded as one
    /// utterance. A sentence read is heard as that sentence even where the room makes the full
    /// model mishear it, another sentence read is heard as the other one, and the search is a
    /// few hundred words instead of the whole language model: about a twentieth of the CPU. The
    /// grammar file lives as long as the decoder.
    public static func checking(_ prompts: [EnrollmentPrompt], base: RecognizerModel, grammar: URL) throws -> TakeDecoder {
        let text = "#JSGF V1.0;\ngrammar enrollment;\npublic <sentence> = "
            + prompts.map { $0.words.joined(separator: " ") }.joined(separator: "\n    | ") + " ;\n"
        do { try text.write(to: grammar, atomically: true, encoding: .utf8) }
        catch { throw VoiceError.cannotWrite(path: grammar.path, reason: error.localizedDescription) }
        PrivateFiles.tightenFile(grammar.path)
        var model = base
        model.generalLanguageModel = nil
        model.staticLanguageModel = nil
        model.fillerKeywords = nil
        model.uhContextMargin = nil
        model.decoderArguments["-jsgf"] = grammar.path
        var whole = UtteranceSegmenter.Configuration()
        whole.splitSilence = checkSplitSilence
        do {
            let decoder = try TakeDecoder(model: model, segmentation: whole)
            decoder.grammarFile = grammar.path
            return decoder
        } catch {
            unlink(grammar.path)
            throw error
        }
    }

    /// A pause inside a sentence read aloud is shorter than this; the grammar needs the whole sentence.
    static let checkSplitSilence = 2.5

    /// The words heard in `path` and the seconds of speech the segmenter found.
    public func decode(_ path: String) throws -> (words: [String], speechSeconds: Double) {
        let reader: SpeechAudioReader
        do { reader = try SpeechAudioReader(path: path) } catch { throw VoiceError.unreadableTake(path: path, reason: "\(error)") }
        let transcriber = StreamingTranscriber(recognizer: recognizer, segmentation: segmentation,
                                               noiseReduction: model.noiseFilterConfiguration)
        _ = try reader.stream { try transcriber.append($0) }
        let words = try transcriber.finish()
        return (words.map(\.text), Double(transcriber.speechSamples) / Double(SpeechAudioReader.speechRate))
    }
}
