/// Finds filler words (Models/lexicon/fillers.json). Hesitation sounds always count;
/// discourse fillers ("basically", "actually") count (they almost never carry meaning in a
/// spoken answer); "you know", "I mean" and "like" count only where they are fillers and not part
/// of the sentence.
enum FillerDetector {
    struct Match: Hashable {
        var text: String            // canonical: "um", "you know", "like"
        var tokenRange: Range<Int>
    }

    static func find(in tokens: [Token], _ words: FillerWords) -> [Match] {
        var matches: [Match] = []
        var i = 0
        while i < tokens.count {
            let word = tokens[i].text
            let prev = i > 0 ? tokens[i - 1].text : nil
            let next = i + 1 < tokens.count ? tokens[i + 1].text : nil
            if let hesitation = words.hesitations[word] {
                matches.append(Match(text: hesitation, tokenRange: i..<i + 1))
            } else if words.discourse.contains(word) {
                matches.append(Match(text: word, tokenRange: i..<i + 1))
            } else if word == "you", next == "know", isFillerYouKnow(tokens, at: i, words) {
                matches.append(Match(text: "you know", tokenRange: i..<i + 2)); i += 1
            } else if word == "i", next == "mean", isFillerIMean(prev: prev, tokens, at: i, words) {
                matches.append(Match(text: "i mean", tokenRange: i..<i + 2)); i += 1
            } else if word == "like", isFillerLike(tokens, at: i, words) {
                matches.append(Match(text: "like", tokenRange: i..<i + 1))
            }
            i += 1
        }
        return matches
    }

    /// "do you know how", "if you know the" are questions or conditions, not fillers. What
    /// follows does not decide it: "you know how close it was" in an answer is a filler.
    private static func isFillerYouKnow(_ t: [Token], at i: Int, _ words: FillerWords) -> Bool {
        let prev = i > 0 ? t[i - 1].text : nil
        if let prev, words.youKnowNotAfter.contains(prev) { return false }
        return true
    }

    /// "what I mean is" explains; a bare "I mean" restarts the sentence. After "that" or
    /// "which" it is part of the clause ("the one that I mean") unless a new subject follows:
    /// "no way to do that I mean I ended up scanning" is a restart with the comma not heard.
    private static func isFillerIMean(prev: String?, _ t: [Token], at i: Int, _ words: FillerWords) -> Bool {
        let after = i + 2 < t.count ? t[i + 2].text : nil
        if let prev, words.iMeanNotAfter.contains(prev) { return false }
        if let prev, words.iMeanPartOfClauseAfter.contains(prev), !(after.map(words.clauseSubjects.contains) ?? false) { return false }
        if let after, words.iMeanExplainingNext.contains(after), !(t[i + 1].breakAfter) { return false }
        return true
    }

    static func isFillerLike(_ t: [Token], at i: Int, _ words: FillerWords) -> Bool {
        let prev = i > 0 ? t[i - 1] : nil
        let next = i + 1 < t.count ? t[i + 1].text : nil
        // "like I said", "like we discussed": "as", wherever it stands.
        if let next, i + 2 < t.count, !t[i].breakAfter, !t[i + 1].breakAfter,
           words.likeAsConjunction.contains(next + " " + t[i + 2].text) { return false }
        // "a blunt deny, like blocking a bad IP range": an example ("such as"), comma or not,
        // unless the sentence restarts on it ("and like going…") or "like" carries a comma itself.
        if let prev, let next, !t[i].breakAfter, !words.restarts.contains(prev.text), words.hesitations[prev.text] == nil,
           !words.suchAsNotWords.contains(next),
           words.suchAsSuffixes.contains(where: { next.hasSuffix($0) && next.count >= $0.count + 3 }) {
            return false
        }
        // Typed, after a comma: ", like the app tier's group" is an example. (Spoken, the comma
        // is a pause, and a pause before "like" is how the filler sounds.)
        if let prev, prev.breakAfter, !prev.sentenceEnd, t[i].start == nil, !t[i].breakAfter,
           let next, words.comparisonStarters.contains(next) { return false }
        // After punctuation, at the start, or next to another filler: a filler.
        guard let prev, !prev.breakAfter else { return true }
        if words.hesitations[prev.text] != nil || words.discourse.contains(prev.text) { return true }
        if let next, words.hesitations[next] != nil { return true }
        // "was like really slow", "is like three times": filler; "is like a queue": comparison.
        if words.likeCopulas.contains(prev.text) {
            guard let next else { return false }
            return !words.comparisonStarters.contains(next) || words.numberStarters.contains(next) && next != "a"
        }
        // "we had like three queues", "took like ten minutes": an approximation filler.
        if let next, words.numberStarters.contains(next) || next.first?.isNumber == true, next != "a" {
            return !words.likeGovernors.contains(prev.text)
        }
        // "so I like ran a drill": "like" cannot be the verb when a past-tense verb follows.
        if let next, words.clauseSubjects.contains(prev.text), words.pastTenseVerbs.contains(next) { return true }
        if words.likeGovernors.contains(prev.text) { return false }
        // "for our team like before me": a time word cannot be what something is like.
        if let next, words.likeFillerNext.contains(next) { return true }
        // "services like S3", "languages like Python": plural noun + like introduces examples.
        if prev.text.count > 3, prev.text.hasSuffix("s"), !prev.text.hasSuffix("ss") { return false }
        // "and like", "so like", "but like": the sentence restarts on a filler.
        if words.restarts.contains(prev.text) { return true }
        return false
    }
}
