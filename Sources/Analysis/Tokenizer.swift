/// Turns typed text or recognizer words into the analyzer's tokens.
enum Tokenizer {
    /// Splits typed text into words. Punctuation is kept on the word so phrase breaks survive.
    static func words(fromText text: String) -> [Word] {
        text.split(whereSeparator: { $0.isWhitespace }).map { Word(String($0)) }
    }

    static func tokens(from words: [Word]) -> [Token] {
        var tokens: [Token] = []
        let split = words.map { Self.split($0.text) }
        let units = CompiledCues.standard.numbers.units
        for (index, word) in words.enumerated() {
            // A typed figure is read as it is said ("504" is "five oh four"), as the recognizer
            // writes it and the bank's phrases are written.
            let raw = split[index]
            var pieces: [String] = []
            for (n, piece) in raw.enumerated() {
                let next = n + 1 < raw.count ? raw[n + 1] : index + 1 < split.count ? split[index + 1].first ?? "" : ""
                pieces += SpokenDigits.words(piece, beforeUnit: units.contains(next)) ?? [piece]
            }
            for (n, piece) in pieces.enumerated() {
                let last = n == pieces.count - 1
                tokens.append(Token(text: piece, wordIndex: index, start: word.start, end: word.end,
                                    breakAfter: last && endsPhrase(word.text),
                                    sentenceEnd: last && endsSentence(word.text)))
            }
        }
        return tokens
    }

    private static let phraseEnders: Set<Character> = [".", ",", ";", ":", "!", "?", "—", "–", ")"]

    static func endsSentence(_ raw: String) -> Bool {
        guard let last = raw.last else { return false }
        return [".", "!", "?", ";", ":"].contains(last)
    }

    static func endsPhrase(_ raw: String) -> Bool {
        guard let last = raw.last else { return false }
        return phraseEnders.contains(last)
    }

    /// Lowercases and splits one written word into tokens.
    static func split(_ raw: String) -> [String] {
        var text = raw.lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "‘", with: "'")
        var suffix: [String] = []
        if text.contains("$") { text = text.replacingOccurrences(of: "$", with: ""); suffix.append("dollars") }
        if text.contains("%") { text = text.replacingOccurrences(of: "%", with: " "); suffix.insert("percent", at: 0) }
        var pieces: [String] = []
        var current = ""
        func flush() {
            // Apostrophes and full stops at either end go ("'cause", "etc."). Plain Swift: this runs
            // for every word on every thread, and Foundation's CharacterSet is best kept off that path.
            let kept = current.drop { $0 == "'" || $0 == "." }
            let trimmed = String(kept.reversed().drop { $0 == "'" || $0 == "." }.reversed())
            if !trimmed.isEmpty { pieces.append(trimmed) }
            current = ""
        }
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c.isLetter || c.isNumber || c == "'" {
                current.append(c)
            } else if (c == "." || c == ",") && i > 0 && i + 1 < chars.count
                        && chars[i - 1].isNumber && chars[i + 1].isNumber {
                if c == "." { current.append(c) }     // 99.99 stays one number; 2,000 becomes 2000
            } else {
                flush()
            }
        }
        flush()
        // "10ms", "5x", "200gb": split a number glued to its unit.
        pieces = pieces.flatMap(splitNumberUnit)
        return pieces + suffix
    }

    private static func splitNumberUnit(_ piece: String) -> [String] {
        guard let first = piece.first, first.isNumber,
              let idx = piece.firstIndex(where: { $0.isLetter }) else { return [piece] }
        let number = String(piece[..<idx])
        let unit = String(piece[idx...])
        // Service names like "s3"/"ec2" start with a letter, so they never reach here.
        return [number, unit]
    }
}

import Foundation
