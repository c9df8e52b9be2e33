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
    var text: String { words.joined(separator: " ") }
}

/// Cuts content tokens into clauses at punctuation, at pauses, and before the words people use
/// to move from one part of an answer to the next ("so", "because", "but", "the result"; clauses.json).
/// Transcripts have no punctuation, so the discourse markers carry most of the work.
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
    static func split(_ tokens: [Token], masked: [String], silenceBefore: [Double?] = [], cues: CompiledCues) -> [Clause] {
        var clauses: [Clause] = []
        var begin = 0
        func emit(_ end: Int) {
            guard end > begin else { return }
            let slice = tokens[begin..<end]
            clauses.append(Clause(tokenRange: begin..<end, tokens: Array(masked[begin..<end]), words: slice.map(\.text),
                                  start: slice.first?.start, end: slice.last?.end))
            begin = end
        }
        for i in tokens.indices where i > begin {
            let prev = tokens[i - 1]
            let here = tokens[i].text
            let pair = i + 1 < tokens.count ? here + " " + tokens[i + 1].text : ""
            let pause = (tokens[i].start ?? 0) - (prev.end ?? 0) >= pauseBreak && prev.end != nil
            let long = i - begin >= minClauseTokens
            let silence = i < silenceBefore.count ? silenceBefore[i] ?? 0 : 0
            let sentenceGap = long && silence >= sentencePause
            // A comma inside a list of services ("Kinesis, Lambda, S3") does not end a clause.
            let commaBreak = prev.breakAfter && long && masked[i] != ServiceCatalog.placeholder
            if prev.sentenceEnd || commaBreak || pause || sentenceGap || (long && (cues.openers.contains(here) || cues.pairOpeners.contains(pair))) {
                emit(i)
            }
        }
        emit(tokens.count)
        return clauses
    }
}
