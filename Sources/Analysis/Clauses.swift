/// A stretch of an answer that says one thing: the unit the structure rules classify.
struct Clause: Hashable {
    var tokenRange: Range<Int>     // into the content tokens (fillers removed)
    /// Tokens the cue rules read: service names are masked as "_svc_" so "savings plans" or
    /// "step functions" never count as a result or a choice.
    var tokens: [String]
    /// The speaker's own words, for evidence.
    var words: [String]
    var start: Double?
    var end: Double?
    /// Each token's own times (nil for typed text), so evidence and timing can use part of a clause.
    var tokenStarts: [Double?] = []
    var tokenEnds: [Double?] = []
    var text: String { words.joined(separator: " ") }

    /// The words of `range` (indices into this clause), and when they were said.
    func piece(_ range: Range<Int>) -> (text: String, start: Double?, end: Double?) {
        let r = range.clamped(to: words.indices)
        let starts = r.compactMap { $0 < tokenStarts.count ? tokenStarts[$0] : nil }
        let ends = r.compactMap { $0 < tokenEnds.count ? tokenEnds[$0] : nil }
        return (words[r].joined(separator: " "), starts.min() ?? (r.isEmpty ? nil : start), ends.max() ?? (r.isEmpty ? nil : end))
    }
}

/// Cuts content tokens into clauses at punctuation, at pauses, and before the words people use
/// to move from one part of an answer to the next ("so", "because", "but", "the result"; clauses.json).
/// Transcripts have no punctuation, so the discourse markers carry most of the work, with two more
/// signs of a new sentence in fluent speech: a subject and its verb after a finished phrase ("…kept
/// filling up we moved…"), and a silence short in itself but long for this speaker (clauses.json).
enum ClauseSplitter {
    /// A gap this long ends a phrase wherever it falls, even with a filler inside it.
    static let pauseBreak = 0.45
    /// Silence of a quarter second between two words is where speakers put a full stop; transcripts
    /// have no punctuation, so this is the sentence boundary of recognizer output. It needs a few
    /// words before it, so a pause after "so" or "and we" does not cut a phrase off.
    static let sentencePause = 0.25
    static let minClauseTokens = 3

    /// `silenceBefore[i]`: the silence between token `i` and the word spoken just before it (a
    /// filler included), or nil for typed text and for the later pieces of one written word.
    /// A silence long for this speaker: `relativeGap` times their median gap before a word, and
    /// at least `minGap`; nil when no gap was timed (typed text).
    static func longSilence(_ silenceBefore: [Double?], _ timing: Lexicon.Clauses.Timing) -> Double? {
        let gaps = silenceBefore.compactMap { $0 }.filter { $0 >= 0 }.sorted()
        guard !gaps.isEmpty else { return nil }
        return max(timing.minGap, timing.relativeGap * gaps[gaps.count / 2])
    }

    static func split(_ tokens: [Token], masked: [String], silenceBefore: [Double?] = [], cues: CompiledCues) -> [Clause] {
        var clauses: [Clause] = []
        var begin = 0
        func emit(_ end: Int) {
            guard end > begin else { return }
            let slice = tokens[begin..<end]
            clauses.append(Clause(tokenRange: begin..<end, tokens: Array(masked[begin..<end]), words: slice.map(\.text),
                                  start: slice.first?.start, end: slice.last?.end,
                                  tokenStarts: slice.map(\.start), tokenEnds: slice.map(\.end)))
            begin = end
        }
        let longGap = longSilence(silenceBefore, cues.clauseTiming)
        for i in tokens.indices where i > begin {
            let prev = tokens[i - 1]
            let here = tokens[i].text
            let pair = i + 1 < tokens.count ? here + " " + tokens[i + 1].text : ""
            let pause = (tokens[i].start ?? 0) - (prev.end ?? 0) >= pauseBreak && prev.end != nil
            let long = i - begin >= minClauseTokens
            let silence = i < silenceBefore.count ? silenceBefore[i] ?? 0 : 0
            // A gap long for this speaker, after a word that can end a sentence ("…to s3 | we…", not "the | bucket"),
            // and not inside a list of services ("kinesis, lambda, s3" said with commas).
            let relativeGap = long && longGap.map { silence >= $0 } == true && !cues.notEndingWords.contains(prev.text)
                && !cues.notStartingWords.contains(here)
                && !(masked[i - 1] == ServiceCatalog.placeholder && masked[i] == ServiceCatalog.placeholder)
            let sentenceGap = long && silence >= sentencePause || relativeGap
            // A comma inside a list of services ("Kinesis, Lambda, S3") does not end a clause.
            let commaBreak = prev.breakAfter && long && masked[i] != ServiceCatalog.placeholder
            // "the queue that we moved": a subject bound to the running clause opens nothing.
            let bound = cues.subjectStarts.subjects.contains(here) && cues.subjectStarts.notAfter.contains(prev.text)
            if prev.sentenceEnd || commaBreak || pause || sentenceGap || (long && (cues.openers.contains(here) || (cues.pairOpeners.contains(pair) && !bound)))
                || subjectStart(tokens, at: i, begin: begin, cues.subjectStarts) {
                emit(i)
            }
        }
        emit(tokens.count)
        return clauses
    }

    /// "…kept filling up we moved uploads…": a subject (and a verb within one adverb) after enough
    /// words, where the word before does not bind it to the running clause ("the queue that we
    /// moved", "cheaper than we expected").
    static func subjectStart(_ tokens: [Token], at i: Int, begin: Int, _ s: SubjectStartWords) -> Bool {
        guard i - begin >= s.minTokensBefore, !s.notAfter.contains(tokens[i - 1].text) else { return false }
        let word = tokens[i].text
        if s.contractions.contains(word) { return true }
        guard s.subjects.contains(word) else { return false }
        var j = i + 1
        if j < tokens.count, s.adverbs.contains(tokens[j].text) { j += 1 }
        return j < tokens.count && s.isVerb(tokens[j].text)
    }
}
