/// Writes numbers the way people say them, so "40%" in the corpus trains "forty percent".
enum SpokenNumbers {
    private static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                               "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                               "seventeen", "eighteen", "nineteen"]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let ordinals: [String: String] = [
        "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
        "nine": "ninth", "twelve": "twelfth",
    ]

    /// Words for a whole number below a billion.
    static func words(_ n: Int) -> [String] {
        if n < 20 { return [ones[n]] }
        if n < 100 { return [tens[n / 10]] + (n % 10 == 0 ? [] : [ones[n % 10]]) }
        if n < 1000 { return [ones[n / 100], "hundred"] + (n % 100 == 0 ? [] : words(n % 100)) }
        for (size, name) in [(1_000_000, "million"), (1000, "thousand")] where n >= size {
            return words(n / size) + [name] + (n % size == 0 ? [] : words(n % size))
        }
        return [String(n)]
    }

    /// "2019" is "twenty nineteen"; "2005" is "two thousand five".
    static func year(_ n: Int) -> [String] {
        if n % 100 == 0 || (2000...2009).contains(n) { return words(n) }
        return words(n / 100) + (n % 100 < 10 ? ["oh"] + words(n % 100) : words(n % 100))
    }

    /// Spoken form of a numeric token ("99.9", "2,000", "1st", "2019"), or nil if it is not one.
    static func spoken(_ token: String) -> [String]? {
        let digits = token.replacingOccurrences(of: ",", with: "")
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            guard let n = Int(digits.dropLast(2)), n < 1000 else { return nil }
            var w = words(n)
            let last = w.removeLast()
            let ordinal = ordinals[last] ?? (last.hasSuffix("y") ? String(last.dropLast()) + "ieth" : last + "th")
            return w + [ordinal]
        }
        if let dot = digits.firstIndex(of: ".") {
            guard let whole = Int(digits[..<dot]) else { return nil }
            let fraction = digits[digits.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
            return words(whole) + ["point"] + fraction.map { ones[Int(String($0))!] }
        }
        guard let n = Int(digits), n >= 0 else { return nil }
        if digits.count == 4 && !token.contains(","), (1100...2099).contains(n) { return year(n) }
        return n < 1_000_000_000 ? words(n) : nil
    }
}
