/// Numbers in words, both ways. Figures typed as digits are said as a person says them, so a
/// typed answer meets the bank's spoken phrases ("five oh four", "port four four three",
/// "twenty nine seconds"): the recognizer writes numbers as words, and the bank is written that
/// way (issue 27).
///
/// - before a unit ("250 ms", "90%", "15 minutes"), a quantity: "two hundred and fifty";
/// - three digits otherwise, a code or a port: "504" "five oh four", "443" "four four three",
///   "500" "five hundred";
/// - four digits otherwise, said in pairs: "8080" "eighty eighty", "3306" "thirty three oh six",
///   "2019" "twenty nineteen", "1500" "fifteen hundred", "2000" "two thousand";
/// - any other whole number as a quantity, and "99.99" as "ninety nine point nine nine".
///
/// And a number said in words is read back as its value (`value(at:in:articleBefore:)`), for the
/// figures checked against AWS limits (`ServiceLimits`).
enum SpokenDigits {
    private static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let scales: [(size: Int, word: String)] = [(1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")]

    /// Each word for a number under a hundred, and its value.
    private static let values: [String: Double] = {
        var out: [String: Double] = [:]
        for (n, w) in ones.enumerated() { out[w] = Double(n) }
        for (n, w) in tens.enumerated() where !w.isEmpty { out[w] = Double(n * 10) }
        return out
    }()
    private static let scaleValues = Dictionary(uniqueKeysWithValues: scales.map { ($0.word, Double($0.size)) })

    /// The words for `token`, or nil when it is not a figure of digits.
    static func words(_ token: String, beforeUnit: Bool) -> [String]? {
        guard let first = token.first, first.isNumber, token.allSatisfy({ $0.isNumber || $0 == "." }),
              token.filter({ $0 == "." }).count <= 1, token.last != "." else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let whole = parts[0]
        guard whole.count <= 12, let value = Int(whole) else { return nil }
        var out: [String]
        if parts.count == 2 {
            out = cardinal(value) + ["point"] + parts[1].compactMap { $0.wholeNumberValue.map { ones[$0] } }
        } else if beforeUnit || whole.count < 3 || whole.count > 4 || whole.first == "0" {
            out = cardinal(value)
        } else if whole.count == 3 {
            let d = whole.compactMap(\.wholeNumberValue)
            out = d[1] == 0 && d[2] == 0 ? [ones[d[0]], "hundred"]
                : d[1] == 0 ? [ones[d[0]], "oh", ones[d[2]]]
                : d.map { ones[$0] }
        } else {
            let high = value / 100, low = value % 100
            out = value % 1000 == 0 ? cardinal(value)
                : low == 0 ? cardinal(high) + ["hundred"]
                : low < 10 ? cardinal(high) + ["oh", ones[low]]
                : cardinal(high) + cardinal(low)
        }
        return out
    }

    /// "three thousand five hundred", "five hundred and twelve", "forty".
    static func cardinal(_ n: Int) -> [String] {
        if n < 20 { return [ones[n]] }
        if n < 100 { return [tens[n / 10]] + (n % 10 == 0 ? [] : [ones[n % 10]]) }
        if n < 1000 { return [ones[n / 100], "hundred"] + (n % 100 == 0 ? [] : ["and"] + cardinal(n % 100)) }
        for (size, name) in scales where n >= size {
            let rest = n % size
            return cardinal(n / size) + [name] + (rest == 0 ? [] : rest < 100 ? ["and"] + cardinal(rest) : cardinal(rest))
        }
        return [String(n)]
    }

    /// A number word or figure: "seven", "hundred", "thousand", "15".
    static func isNumberWord(_ w: String) -> Bool {
        values[w] != nil || scaleValues[w] != nil || w == "hundred" || w.first?.isNumber == true
    }

    /// The number said from `start`: "three hundred and sixty five", "ten thousand two hundred
    /// and forty", "one point five", "15", "a thousand" (an article stands for one before
    /// "hundred", a scale, or a word `articleBefore` accepts, such as a unit: "a year"). Returns
    /// the value and the index after it, or nil when no number starts there.
    static func value(at start: Int, in words: [String], articleBefore: (String) -> Bool) -> (value: Double, end: Int)? {
        var i = start
        var total = 0.0, current = 0.0, any = false
        // What the last word was: a unit word (under twenty), a tens word, or a multiplier.
        enum Last { case none, small, tens, scale }
        var last = Last.none
        if i < words.count, words[i] == "a" || words[i] == "an" {
            let next = i + 1 < words.count ? words[i + 1] : ""
            guard next == "hundred" || scaleValues[next] != nil || articleBefore(next) else { return nil }
            current = 1; any = true; last = .small; i += 1
        }
        while i < words.count {
            let w = words[i]
            if let v = values[w] {
                // "twenty four" and "three hundred five" add up; "five five" and "twenty thirty" are two numbers.
                switch last {
                case .small: break
                case .tens where v >= 10: break
                default: current += v; any = true; last = v < 20 ? .small : .tens; i += 1; continue
                }
                break
            } else if let v = Double(w), w.first?.isNumber == true {
                if any { break }
                current = v; any = true; last = .small
            } else if w == "hundred", last != .scale || current == 0 {
                // "the hundred-eighty-day minimum": a bare "hundred" is one hundred.
                current = max(current, 1) * 100; any = true; last = .scale
            } else if let scale = scaleValues[w], any {
                total += max(current, 1) * scale; current = 0; last = .scale
            } else if w == "and", last == .scale, i + 1 < words.count, values[words[i + 1]] != nil {
                // "three hundred and sixty five"
            } else if w == "point", any, last != .scale, i + 1 < words.count, let d = values[words[i + 1]], d < 10 {
                var fraction = 0.0, place = 0.1
                var j = i + 1
                while j < words.count, let d = values[words[j]], d < 10 { fraction += d * place; place /= 10; j += 1 }
                return (total + current + fraction, j)
            } else {
                break
            }
            i += 1
        }
        return any ? (total + current, i) : nil
    }
}
