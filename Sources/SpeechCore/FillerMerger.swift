/// Puts hesitations found by keyword spotting into the language-model transcript.
///
/// The language model rarely emits "um"/"uh"; when the speaker hesitates it usually writes a
/// short function word there ("a", "the", "and") or nothing. A spotted hesitation replaces
/// the short word it overlaps most, fills a gap when it overlaps nothing else much, and is
/// dropped when it lands on content words only (a false alarm on part of a word).
public struct FillerMerger: Sendable {
    /// Words the decoder writes for a hesitation it did not recognise as one.
    public var confusable: Set<String> = ["a", "uh", "um", "the", "and", "an", "i'm", "on", "of", "in", "are",
                                          "or", "her", "huh", "hmm", "mm", "oh", "ah", "a.", "em", "um's"]
    /// Seconds a spotted hesitation must overlap a confusable word to replace it.
    public var minimumReplaceOverlap = 0.05
    /// Overlap with a content word (in seconds) above which the hit counts as a false alarm.
    public var maximumOverlap = 0.06

    public init() {}

    public static let hesitations: Set<String> = ["um", "uh"]

    public func merge(words: [RecognizedWord], spotted: [RecognizedWord]) -> [RecognizedWord] {
        var result = words.map { w -> RecognizedWord in
            var w = w
            if Self.hesitations.contains(w.text) && w.source == nil { w.source = .languageModel }
            return w
        }
        for hit in spotted.sorted(by: { $0.start < $1.start }) {
            let overlapping = result.indices.filter { overlap(result[$0], hit) > 0.01 }
            if overlapping.isEmpty {
                let at = result.firstIndex { $0.start >= hit.end } ?? result.count
                result.insert(hit, at: at)
                continue
            }
            if overlapping.contains(where: { Self.hesitations.contains(result[$0].text) }) {
                for i in overlapping where Self.hesitations.contains(result[i].text) { result[i].source = .both }
                continue
            }
            // Spotted hits are timed only roughly (to the 50 ms step), so take the confusable
            // word the hit overlaps most and keep that word's times.
            let candidate = overlapping.filter { confusable.contains(result[$0].text) }
                .max { overlap(result[$0], hit) < overlap(result[$1], hit) }
            if let i = candidate, overlap(result[i], hit) >= minimumReplaceOverlap {
                var merged = hit
                merged.start = result[i].start
                merged.end = result[i].end
                result[i] = merged
            } else if overlapping.allSatisfy({ overlap(result[$0], hit) <= maximumOverlap }) {
                let at = result.firstIndex { $0.start >= hit.start } ?? result.count
                result.insert(hit, at: at)
            }
        }
        return result
    }

    private func overlap(_ a: RecognizedWord, _ b: RecognizedWord) -> Double {
        max(0, min(a.end, b.end) - max(a.start, b.start))
    }
}
