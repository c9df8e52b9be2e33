/// Figures typed as digits, said as a person says them, so a typed answer meets the bank's
/// spoken phrases ("five oh four", "port four four three", "twenty nine seconds"): the
/// recognizer writes numbers as words, and the bank is written that way (issue 27).
///
/// - before a unit ("250 ms", "90%", "15 minutes"), a quantity: "two hundred and fifty";
/// - three digits otherwise, a code or a port: "504" "five oh four", "443" "four four three",
///   "500" "five hundred";
/// - four digits otherwise, said in pairs: "8080" "eighty eighty", "3306" "thirty three oh six",
///   "2019" "twenty nineteen", "1500" "fifteen hundred", "2000" "two thousand";
/// - any other whole number as a quantity, and "99.99" as "ninety nine point nine nine".
enum SpokenDigits {
    private static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

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
        for (size, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")] where n >= size {
            let rest = n % size
            return cardinal(n / size) + [name] + (rest == 0 ? [] : rest < 100 ? ["and"] + cardinal(rest) : cardinal(rest))
        }
        return [String(n)]
    }
}
