/// Numbers and units, written or spoken: "40%", "forty percent", "200 ms", "two grand".
enum Quantities {
    static func isNumber(_ token: String, _ words: NumberWords) -> Bool {
        if words.numberWords.contains(token) { return true }
        guard let first = token.first, first.isNumber else { return false }
        return token.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// True when `tokens` hold a number followed within three tokens by a unit, or a
    /// multiplier word on its own ("halved", "doubled").
    static func hasMeasurement(_ tokens: ArraySlice<String>, _ words: NumberWords = CompiledCues.standard.numbers) -> Bool {
        let list = Array(tokens)
        for (i, t) in list.enumerated() where isNumber(t, words) {
            let before = i > 0 ? list[i - 1] : ""
            // "cut the bill by a third", "dropped to zero": a fraction or a floor is a measure.
            if words.fractions.contains(t), words.fractionLeads.contains(before) { return true }
            if t == words.floor, words.floorLeads.contains(before) { return true }
            if words.multipliers.contains(t) { return true }
            for j in (i + 1)..<min(list.count, i + 4) where words.units.contains(list[j]) && !words.notUnitsAlone.contains(list[j]) {
                return true
            }
            // "99.99" uptime figures or "from 800 to 120": a bare figure in a comparison counts.
            if t.contains(".") { return true }
            if i + 2 < list.count, list[i + 1] == "to", isNumber(list[i + 2], words) { return true }
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
                guard let to = window.firstIndex(where: { $0 == "to" }), to > i + 1, to + 1 < list.count,
                      isNumber(list[to + 1], words) || words.homophones.contains(list[to + 1]) else { continue }
                if list[(i + 1)..<to].contains(where: { isNumber($0, words) || words.homophones.contains($0) }) { return true }
            }
            if words.homophones.contains(t), !words.homophonesNotBeforeUnit.contains(t), i + 1 < list.count,
               words.unitsAfterNumberOnly.contains(list[i + 1]) {
                return true
            }
        }
        return false
    }
}
