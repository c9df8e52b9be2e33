/// The fillers a reference answer really contains. The corpus writes each filler as a plain
/// word ("um", "you know", "like") and lists how many there are; when a text has more such
/// words than fillers, the extra ones are taken to be ordinary "like"s, then "actually"s
/// ("looks like a queue", "what actually happened").
public enum FillerTruth {
    public static let phrases = ["you know", "i mean", "um", "uh", "basically", "actually", "like"]
    static let ambiguous = ["like", "actually", "i mean", "you know"]

    public static func count(reference: String, listed: Int) -> [String: Int] {
        let words = WordErrors.normalise(reference)
        var counts: [String: Int] = [:]
        var i = 0
        while i < words.count {
            if i + 1 < words.count, phrases.contains(words[i] + " " + words[i + 1]) {
                counts[words[i] + " " + words[i + 1], default: 0] += 1
                i += 2
                continue
            }
            if phrases.contains(words[i]) { counts[words[i], default: 0] += 1 }
            i += 1
        }
        var excess = counts.values.reduce(0, +) - listed
        for phrase in ambiguous where excess > 0 {
            let drop = min(excess, counts[phrase] ?? 0)
            counts[phrase, default: 0] -= drop
            excess -= drop
        }
        return counts.filter { $0.value > 0 }
    }
}
