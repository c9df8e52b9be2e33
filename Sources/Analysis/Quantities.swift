/// Numbers and units, written or spoken: "40%", "forty percent", "200 ms", "two grand", and the
/// forms people say aloud: "about a twentieth of what it did", "ten times faster", "from thousands a
/// night to none", "stopped within a minute" (numbers.json).
enum Quantities {
    static func isNumber(_ token: String, _ words: NumberWords) -> Bool {
        if words.numberWords.contains(token) { return true }
        guard let first = token.first, first.isNumber else { return false }
        return token.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Numbers said as amounts: "one" alone is as often a pronoun ("the biggest one was", "one I'm
    /// proud of") as a count, so it names nothing concrete.
    static func amountRuns(_ tokens: [String], _ words: NumberWords) -> Int {
        var runs = 0
        var run: [String] = []
        for t in tokens + [""] {
            if isNumber(t, words) || (!run.isEmpty && t == "and") { run.append(t); continue }
            if !run.isEmpty, run != ["one"] { runs += 1 }
            run = []
        }
        return runs
    }

    /// True when `tokens` hold a number followed within three tokens by a unit, or a
    /// multiplier word on its own ("halved", "doubled").
    /// `durations`: whether "within a minute" alone counts (it times an outcome, or a scene).
    static func hasMeasurement(_ tokens: ArraySlice<String>, _ words: NumberWords = CompiledCues.standard.numbers,
                               durations: Bool = true) -> Bool {
        let list = Array(tokens)
        if words.magnitudes.contains(where: { PhraseMatcher.contains($0, in: list) }) { return true }
        if durations, hasDuration(list, words) { return true }
        for (i, t) in list.enumerated() where isNumber(t, words) {
            let before = i > 0 ? list[i - 1] : ""
            let after = i + 1 < list.count ? list[i + 1] : ""
            // "cut the bill by a third", "about a twentieth", "two thirds", "dropped to zero": a
            // fraction or a floor is a measure; "a third option" is not.
            if words.fractions.contains(t), words.fractionLeads.contains(before) || (isNumber(before, words) && !words.fractions.contains(before)),
               !words.fractionNotBefore.contains(after) { return true }
            if t == words.floor, words.floorLeads.contains(before) { return true }
            if words.multipliers.contains(t) { return true }
            for j in (i + 1)..<min(list.count, i + 4) where words.units.contains(list[j]) && !words.notUnitsAlone.contains(list[j]) {
                return true
            }
            // "99.99" uptime figures or "from 800 to 120": a bare figure in a comparison counts.
            if t.contains(".") { return true }
            if i + 2 < list.count, list[i + 1] == "to", isNumber(list[i + 2], words) { return true }
            // "one in fifty": a rate. "down from about forty": the figure it was.
            if i + 2 < list.count, list[i + 1] == "in", isNumber(list[i + 2], words) { return true }
            // "zero manual rollbacks in about forty releases", "one incident in two years": a count
            // over a count.
            if let at = list[(i + 1)..<min(list.count, i + 4)].firstIndex(of: "in"), at > i + 1 {
                var k = at + 1
                if k < list.count, words.approximators.contains(list[k]) { k += 1 }
                if k < list.count, isNumber(list[k], words) { return true }
            }
            var lead = i - 1
            if lead >= 0, words.approximators.contains(list[lead]) { lead -= 1 }
            if lead >= 1, list[lead] == "from", words.fromLeads.contains(list[lead - 1]) { return true }
        }
        return hasMisheardMeasurement(list, words)
    }

    /// Figures a recognizer has turned into short words: "from for a month to one" (four),
    /// "down to to minutes" (two). A homophone counts only where a number must stand: in a
    /// from…to comparison that ends in a number, or right before a unit that needs one.
    static func hasMisheardMeasurement(_ list: [String], _ words: NumberWords) -> Bool {
        for (i, t) in list.enumerated() {
            if t == "from" {
                let window = list[(i + 1)..<min(list.count, i + 6)]
                guard let to = window.firstIndex(where: { $0 == "to" }), to > i + 1, to + 1 < list.count else { continue }
                // "to maybe one in fifty": the figure may follow an approximator.
                let end = to + 1 < list.count - 1 && words.approximators.contains(list[to + 1]) ? to + 2 : to + 1
                guard isNumber(list[end], words) || words.homophones.contains(list[end])
                        || words.fromToEnds.contains(list[end]) else { continue }
                // "from a few a week to none": a vague amount may start it when a figure or a floor ends it.
                let vague = !words.homophones.contains(list[end])
                if list[(i + 1)..<to].contains(where: { isNumber($0, words) || words.homophones.contains($0)
                        || (vague && words.comparisonStarts.contains($0)) }) { return true }
            }
            if words.homophones.contains(t), !words.homophonesNotBeforeUnit.contains(t), i + 1 < list.count,
               words.unitsAfterNumberOnly.contains(list[i + 1]) {
                return true
            }
        }
        return false
    }

    /// "stopped within a minute", "back in an hour", "in under a second": how long an outcome took,
    /// said with an article instead of a number.
    static func hasDuration(_ list: [String], _ words: NumberWords) -> Bool {
        for (i, t) in list.enumerated() where words.durationLeads.contains(t) {
            var j = i + 1
            if j < list.count, list[j] == "under" || list[j] == "about" { j += 1 }
            for article in words.durationArticles where j + article.count < list.count
                && Array(list[j..<j + article.count]) == article && words.durationUnits.contains(list[j + article.count]) {
                return true
            }
        }
        return false
    }

    /// "switched regions in eleven minutes", "stopped within a minute": a lead, a number (or an
    /// article), and a unit of time: how long the outcome took. Returns the words, for evidence.
    static func timedOutcome(_ list: [String], _ words: NumberWords) -> [String]? {
        for (i, t) in list.enumerated() where words.durationLeads.contains(t) {
            var j = i + 1
            if j < list.count, list[j] == "under" || list[j] == "about" || list[j] == "less" { j += 1 }
            if j < list.count, list[j] == "than" { j += 1 }
            for article in words.durationArticles where j + article.count < list.count
                && Array(list[j..<j + article.count]) == article && words.durationUnits.contains(list[j + article.count]) {
                return Array(list[i...(j + article.count)])
            }
            guard j < list.count, isNumber(list[j], words) else { continue }
            var k = j + 1
            while k < list.count, k <= j + 2, isNumber(list[k], words) { k += 1 }
            if k < list.count, words.durationUnits.contains(list[k]) || words.durationUnits.contains(String(list[k].dropLast())) {
                return Array(list[i...k])
            }
        }
        return nil
    }
}
