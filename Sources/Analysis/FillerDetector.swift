/// Finds filler words. Hesitation sounds always count; "basically" and "actually" count
/// (they almost never carry meaning in a spoken answer); "you know", "I mean" and "like"
/// count only where they are fillers and not part of the sentence.
enum FillerDetector {
    static let hesitations: Set<String> = ["um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "mm", "ah", "eh"]
    static let discourseFillers: Set<String> = ["basically", "actually"]

    struct Match: Hashable {
        var text: String            // canonical: "um", "you know", "like"
        var tokenRange: Range<Int>
    }

    static func find(in tokens: [Token]) -> [Match] {
        var matches: [Match] = []
        var i = 0
        while i < tokens.count {
            let word = tokens[i].text
            let prev = i > 0 ? tokens[i - 1].text : nil
            let next = i + 1 < tokens.count ? tokens[i + 1].text : nil
            if hesitations.contains(word) {
                matches.append(Match(text: canonicalHesitation(word), tokenRange: i..<i + 1))
            } else if discourseFillers.contains(word) {
                matches.append(Match(text: word, tokenRange: i..<i + 1))
            } else if word == "you", next == "know", isFillerYouKnow(tokens, at: i) {
                matches.append(Match(text: "you know", tokenRange: i..<i + 2)); i += 1
            } else if word == "i", next == "mean", isFillerIMean(prev: prev, tokens, at: i) {
                matches.append(Match(text: "i mean", tokenRange: i..<i + 2)); i += 1
            } else if word == "like", isFillerLike(tokens, at: i) {
                matches.append(Match(text: "like", tokenRange: i..<i + 1))
            }
            i += 1
        }
        return matches
    }

    private static func canonicalHesitation(_ w: String) -> String {
        switch w {
        case "umm", "mm": return "um"
        case "uhh", "ah", "eh": return "uh"
        case "erm": return "er"
        case "hm": return "hmm"
        default: return w
        }
    }

    /// "do you know how", "if you know the" are questions or conditions, not fillers. What
    /// follows does not decide it: "you know how close it was" in an answer is a filler.
    private static func isFillerYouKnow(_ t: [Token], at i: Int) -> Bool {
        let prev = i > 0 ? t[i - 1].text : nil
        if let prev, ["do", "did", "don't", "didn't", "if", "as", "would", "you'd", "let", "to", "what", "whether", "might", "may"].contains(prev) { return false }
        return true
    }

    /// Words that open a new clause: after "I mean" they show the speaker starting over.
    private static let clauseSubjects: Set<String> = [
        "i", "we", "you", "they", "he", "she", "it", "there", "i'm", "we're", "they're", "it's", "there's",
    ]

    /// "what I mean is" explains; a bare "I mean" restarts the sentence. After "that" or
    /// "which" it is part of the clause ("the one that I mean") unless a new subject follows:
    /// "no way to do that I mean I ended up scanning" is a restart with the comma not heard.
    private static func isFillerIMean(prev: String?, _ t: [Token], at i: Int) -> Bool {
        let after = i + 2 < t.count ? t[i + 2].text : nil
        if prev == "what" { return false }
        if let prev, ["which", "that"].contains(prev), !(after.map(clauseSubjects.contains) ?? false) { return false }
        if let after, ["to", "by", "what"].contains(after), !(t[i + 1].breakAfter) { return false }
        return true
    }

    /// Words before "like" that make it a verb or a comparison, not a filler:
    /// "I'd like", "looks like", "something like", "would like", "feel like".
    private static let likeGovernors: Set<String> = [
        "i", "i'd", "we", "we'd", "you", "you'd", "they", "they'd", "he", "she", "would", "do", "don't",
        "does", "doesn't", "did", "didn't", "to", "not", "look", "looks", "looked", "looking", "seem",
        "seems", "seemed", "sound", "sounds", "sounded", "feel", "feels", "felt", "something", "anything",
        "nothing", "things", "stuff", "exactly", "just", "much", "more", "less", "is", "are", "was",
        "were", "be", "been", "it's", "that's", "what's", "kind", "sort", "really", "also", "you'll",
        "smells", "acts", "behaves", "behave", "works", "work", "treat", "treated", "people",
    ]

    /// Words after "is/was like" that show a comparison ("is like a queue") rather than a filler.
    private static let comparisonStarters: Set<String> = ["a", "an", "the", "this", "that", "what", "how", "it", "having", "using", "when"]

    /// Irregular past forms that are never a noun or an adjective after "I like …"; the
    /// regular "-ed" ones are left out ("we like managed services").
    private static let pastTenseVerbs: Set<String> = [
        "ran", "went", "took", "did", "made", "spent", "wrote", "built", "found", "saw", "got", "knew",
        "thought", "told", "brought", "began", "chose", "gave", "kept", "had", "was", "were", "said",
    ]

    private static let numberStarters: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "a", "half",
    ]

    static func isFillerLike(_ t: [Token], at i: Int) -> Bool {
        let prev = i > 0 ? t[i - 1] : nil
        let next = i + 1 < t.count ? t[i + 1].text : nil
        // After punctuation, at the start, or next to another filler: a filler.
        guard let prev, !prev.breakAfter else { return true }
        if hesitations.contains(prev.text) || discourseFillers.contains(prev.text) { return true }
        if let next, hesitations.contains(next) { return true }
        // "was like really slow", "is like three times": filler; "is like a queue": comparison.
        if ["is", "was", "are", "were", "it's", "that's", "be", "been"].contains(prev.text) {
            guard let next else { return false }
            return !comparisonStarters.contains(next) || numberStarters.contains(next) && next != "a"
        }
        // "we had like three queues", "took like ten minutes": an approximation filler.
        if let next, numberStarters.contains(next) || next.first?.isNumber == true, next != "a" {
            return !likeGovernors.contains(prev.text)
        }
        // "so I like ran a drill": "like" cannot be the verb when a past-tense verb follows.
        if let next, clauseSubjects.contains(prev.text), pastTenseVerbs.contains(next) { return true }
        if likeGovernors.contains(prev.text) { return false }
        // "for our team like before me": a time word cannot be what something is like.
        if let next, ["before", "after", "literally", "honestly", "maybe", "probably"].contains(next) { return true }
        // "services like S3", "languages like Python": plural noun + like introduces examples.
        if prev.text.count > 3, prev.text.hasSuffix("s"), !prev.text.hasSuffix("ss") { return false }
        // "and like", "so like", "but like": the sentence restarts on a filler.
        if ["and", "so", "but", "or", "then", "because"].contains(prev.text) { return true }
        return false
    }
}
