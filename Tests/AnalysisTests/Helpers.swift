@testable import Analysis

/// Timed words from "word@start-end" notation, e.g. "we@0.0-0.2 chose@0.3-0.6".
func timed(_ spec: String) -> [Word] {
    spec.split(separator: " ").map { item in
        let parts = item.split(separator: "@")
        let times = parts[1].split(separator: "-").map { Double($0)! }
        return Word(String(parts[0]), start: times[0], end: times[1], confidence: 0.9)
    }
}

/// Evenly spaced timed words: each `wordSeconds` long with `gap` between them, from `start`.
func evenlyTimed(_ text: String, start: Double = 0, wordSeconds: Double = 0.3, gap: Double = 0.1) -> [Word] {
    var t = start
    return text.split(separator: " ").map { w in
        defer { t += wordSeconds + gap }
        return Word(String(w), start: t, end: t + wordSeconds)
    }
}

let analyzer = AnswerAnalyzer()
