/// Numbers and units, written or spoken: "40%", "forty percent", "200 ms", "two grand".
enum Quantities {
    static let numberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "thousand", "million", "billion", "half", "third", "quarter", "double", "twice", "triple",
        "halved", "doubled", "tripled", "tenfold", "nines", "dozen",
    ]
    static let units: Set<String> = [
        "percent", "%", "ms", "millisecond", "milliseconds", "second", "seconds", "sec", "secs", "minute",
        "minutes", "min", "mins", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "dollars", "dollar", "bucks", "grand", "k", "cents", "times", "x", "gb", "tb", "mb", "gigs",
        "requests", "rps", "errors", "incidents", "pages", "tickets", "users", "customers", "nines",
        "deploys", "deployments", "alerts", "instances", "servers", "findings", "calls", "queries",
        "transactions", "messages", "points", "p99", "p95", "latency", "outages", "bugs", "a", "per",
    ]

    /// Words a recognizer writes for a spoken number: "went from for a month to one".
    static let numberHomophones: Set<String> = ["for", "to", "too", "won", "ate"]
    /// Units that follow only a number, so "to minutes" can only be "two minutes".
    static let unitsAfterNumberOnly: Set<String> = ["percent", "milliseconds", "millisecond", "ms", "seconds", "minutes", "hours"]

    static func isNumber(_ token: String) -> Bool {
        if numberWords.contains(token) { return true }
        guard let first = token.first, first.isNumber else { return false }
        return token.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// True when `tokens` hold a number followed within three tokens by a unit, or a
    /// multiplier word on its own ("halved", "doubled").
    static func hasMeasurement(_ tokens: ArraySlice<String>) -> Bool {
        let list = Array(tokens)
        for (i, t) in list.enumerated() where isNumber(t) {
            let before = i > 0 ? list[i - 1] : ""
            // "cut the bill by a third", "dropped to zero": a fraction or a floor is a measure.
            if ["third", "quarter", "half"].contains(t), ["a", "by", "one", "in"].contains(before) { return true }
            if t == "zero", ["to", "at"].contains(before) { return true }
            if ["halved", "doubled", "tripled", "tenfold", "twice"].contains(t) { return true }
            for j in (i + 1)..<min(list.count, i + 4) where units.contains(list[j]) && list[j] != "a" && list[j] != "per" {
                return true
            }
            // "99.99" uptime figures or "from 800 to 120": a bare figure in a comparison counts.
            if t.contains(".") { return true }
            if i + 2 < list.count, list[i + 1] == "to", isNumber(list[i + 2]) { return true }
        }
        return hasMisheardMeasurement(list)
    }

    /// Figures a recognizer has turned into short words: "from for a month to one" (four),
    /// "down to to minutes" (two). A homophone counts only where a number must stand: in a
    /// from…to comparison that ends in a number, or right before a unit that needs one.
    static func hasMisheardMeasurement(_ list: [String]) -> Bool {
        for (i, t) in list.enumerated() {
            if t == "from" {
                let window = list[(i + 1)..<min(list.count, i + 6)]
                guard let to = window.firstIndex(where: { $0 == "to" }), to > i + 1, to + 1 < list.count,
                      isNumber(list[to + 1]) || numberHomophones.contains(list[to + 1]) else { continue }
                if list[(i + 1)..<to].contains(where: { isNumber($0) || numberHomophones.contains($0) }) { return true }
            }
            if numberHomophones.contains(t), t != "for", i + 1 < list.count, unitsAfterNumberOnly.contains(list[i + 1]) {
                return true
            }
        }
        return false
    }
}
