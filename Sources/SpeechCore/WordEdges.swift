/// Pulls the edges of words that border a silence back onto the audio as recorded.
///
/// Pauses are measured between word edges, and the decoder does not always end a word where
/// the voice stops. Behind the noise filter the leftover noise in a pause is uneven, and the
/// decoder lets the word before it run on into it by up to 0.2 s: an inserted 1.6 s pause then
/// measured 1.36 s and was no longer a long pause. The recorded audio knows better. Where a
/// word meets a gap (or the edge of its utterance), frames at that edge that the voice
/// activity detector would call silence (less than `marginDecibels` above its noise floor) are
/// taken off the word, by at most `maximumTrim` and never below `minimumWord`. Words that run
/// into each other are left alone: only edges next to silence move. A hesitation ("um", "uh")
/// with no frame above that margin at all was heard in the noise of a pause, and is dropped.
public enum WordEdges {
    /// The same margin `EnergyVAD` calls speech at.
    public static let marginDecibels = EnergyVAD().marginDecibels
    /// The furthest an edge moves; the decoder's overruns measured up to 0.2 s.
    public static let maximumTrim = 0.3
    /// A shorter space between two words is not a silence either edge may be pulled back from.
    public static let minimumGap = 0.15
    /// What is left of a word at least.
    public static let minimumWord = 0.05

    /// `words` of one utterance, in time order; `levels` are the utterance's 10 ms frame
    /// levels (`EnergyVAD.frameLevels`) as recorded, the first at `utteranceStart` seconds;
    /// `noiseFloor` is the detector's floor in dBFS (nil: the utterance's tenth-quietest percentile).
    public static func tighten(_ words: [RecognizedWord], levels: [Double], utteranceStart: Double,
                               noiseFloor: Double?) -> [RecognizedWord] {
        guard !words.isEmpty, !levels.isEmpty else { return words }
        let threshold = (noiseFloor ?? EnergyVAD.background(of: levels)) + marginDecibels
        func frame(_ seconds: Double) -> Int { Int(((seconds - utteranceStart) * 100).rounded()) }
        func silent(_ index: Int) -> Bool { index >= 0 && index < levels.count && levels[index] < threshold }
        let maxFrames = Int((maximumTrim * 100).rounded()), minFrames = Int((minimumWord * 100).rounded())

        var result: [RecognizedWord] = []
        for (i, word) in words.enumerated() {
            var first = frame(word.start), end = frame(word.end)   // frames first..<end
            if FillerMerger.hesitations.contains(word.text), (first..<max(first + 1, end)).allSatisfy(silent) { continue }
            if (i + 1 < words.count ? words[i + 1].start - word.end : .infinity) >= minimumGap {
                let limit = max(first + minFrames, end - maxFrames)
                while end - 1 >= limit && silent(end - 1) { end -= 1 }
            }
            if (i > 0 ? word.start - words[i - 1].end : .infinity) >= minimumGap {
                let limit = min(end - minFrames, first + maxFrames)
                while first < limit && silent(first) { first += 1 }
            }
            var tightened = word
            if first != frame(word.start) { tightened.start = utteranceStart + Double(first) / 100 }
            if end != frame(word.end) { tightened.end = utteranceStart + Double(end) / 100 }
            result.append(tightened)
        }
        return result
    }
}
