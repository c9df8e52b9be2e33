import Foundation
import Analysis
import PocketSphinx
import SpeechCore

/// CMUdict plus the pronunciations AWS answers need: service names cmudict lacks, acronyms
/// spelled letter by letter ("s3" = "EH S TH R IY"), and words it lacks that are built from
/// words it has ("subnets" = "sub" + "nets", "batched" = "batch" + T).
struct PronunciationDictionary {
    private(set) var entries: [String: [String]] = [:]

    /// Letter -> phones, for spelling acronyms.
    let letters: [Character: String]
    /// Said as words, or said more than one way. Spelled-out forms of acronyms are added
    /// automatically, so only the word-like readings are listed.
    let handWritten: [String: [String]]
    /// Acronyms people say as one token; always spelled, even if cmudict reads them as a word.
    let spelledAcronyms: Set<String>
    /// Swear words and slurs the recognizer may not write. The general English model knows
    /// them, and in a noisy or robotic stretch it sometimes picks one ("the way i think about"
    /// came out as "where fuck about" in one benchmark voice): in a coach's transcript of an
    /// interview answer that is jarring and never what was meant. A word with no pronunciation
    /// cannot be decoded. The cost, a candidate who really swears gets another word, is
    /// acceptable here. Milder words ("crap", "hell", "damn") stay.
    let neverWritten: Set<String>
    /// What "um" sounds like.
    let umPhones: String

    /// cmudict at `cmudictPath` plus `pronunciations` (Models/lexicon/pronunciations.json).
    init(cmudictPath: String, pronunciations: Lexicon.Pronunciations = Lexicon.forTools.pronunciations) throws {
        letters = Dictionary(uniqueKeysWithValues: pronunciations.letters.compactMap { key, phones in
            key.count == 1 ? (key.first!, phones) : nil })
        handWritten = pronunciations.words
        spelledAcronyms = Set(pronunciations.spelledAcronyms)
        neverWritten = Set(pronunciations.neverWritten)
        umPhones = pronunciations.umPhones
        let text = try String(contentsOfFile: cmudictPath, encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            var word = String(line[..<space])
            if let paren = word.firstIndex(of: "("), word.hasSuffix(")") { word = String(word[..<paren]) }
            let phones = line[line.index(after: space)...].split(separator: "#")[0]
                .trimmingCharacters(in: .whitespaces)
            entries[word, default: []].append(phones)
        }
        dropFillerSoundalikes()
        for word in neverWritten { entries[word] = nil }
    }

    /// cmudict gives "i'm" a reduced second form, AH M, which is exactly "um". With it, a
    /// hesitation is one word or the other by the language model alone, and at the start of a
    /// phrase the model prefers "i'm": "um honestly I…" was written "i'm honestly I…" in every
    /// voice. A variant that sounds like "um" is dropped from a word that has another way of
    /// being said; the full form (AY M) stays. Words with no other form ("'em") keep theirs.
    private mutating func dropFillerSoundalikes() {
        for (word, prons) in entries where !FillerMerger.hesitations.contains(word) && prons.count > 1 {
            entries[word] = prons.filter { $0 != umPhones }
        }
    }

    /// Adds pronunciations for every token the corpus uses; returns tokens it had to guess.
    mutating func cover(_ vocabulary: some Sequence<String>, acronyms: Set<String>) -> [String] {
        var guessed: [String] = []
        for word in vocabulary where !word.hasPrefix("<") {
            var prons = entries[word] ?? []
            for p in handWritten[word] ?? [] where !prons.contains(p) { prons.append(p) }
            if spelledAcronyms.contains(word) || (acronyms.contains(word) && prons.isEmpty) {
                if let spelled = spell(word, acronyms: acronyms), !prons.contains(spelled) { prons.append(spelled) }
            }
            if prons.isEmpty, let derived = derive(word) { prons = [derived] }
            if prons.isEmpty, let spelled = spell(word, acronyms: acronyms) { prons = [spelled]; guessed.append(word) }
            entries[word] = prons
        }
        return guessed
    }

    /// Letters one by one, digits as numbers, a plural "s" after an acronym as Z: "vpcs" = V P C + Z.
    func spell(_ word: String, acronyms: Set<String> = []) -> String? {
        var core = word
        var plural = false
        let singular = String(word.dropLast())
        if word.count > 2, word.hasSuffix("s"), spelledAcronyms.contains(singular) || acronyms.contains(singular) {
            core = singular
            plural = true
        }
        var phones: [String] = []
        var digits = ""
        func flushDigits() -> Bool {
            guard !digits.isEmpty else { return true }
            defer { digits = "" }
            guard let words = SpokenNumbers.spoken(digits) else { return false }
            for w in words { guard let p = entries[w]?.first else { return false }; phones.append(p) }
            return true
        }
        for c in core {
            if c.isNumber { digits.append(c); continue }
            guard flushDigits(), let p = letters[c] else { return nil }
            phones.append(p)
        }
        guard flushDigits(), !phones.isEmpty else { return nil }
        if plural { phones.append("Z") }
        return phones.joined(separator: " ")
    }

    /// A pronunciation built from cmudict words: an inflection of a known word, or a compound.
    func derive(_ word: String) -> String? {
        func known(_ w: String) -> String? {
            entries[w]?.first ?? handWritten[w]?.first ?? (spelledAcronyms.contains(w) ? spell(w) : nil)
        }
        let voiceless: Set<String> = ["P", "T", "K", "F", "TH", "S", "SH", "CH"]
        let sibilant: Set<String> = ["S", "Z", "SH", "ZH", "CH", "JH"]
        func plural(_ base: String) -> String {
            let last = String(base.split(separator: " ").last ?? "")
            return base + (sibilant.contains(last) ? " IH Z" : voiceless.contains(last) ? " S" : " Z")
        }
        func past(_ base: String) -> String {
            let last = String(base.split(separator: " ").last ?? "")
            return base + (["T", "D"].contains(last) ? " IH D" : voiceless.contains(last) ? " T" : " D")
        }
        if word.hasSuffix("'s"), let b = known(String(word.dropLast(2))) { return plural(b) }
        if word.hasSuffix("ies"), let b = known(String(word.dropLast(3)) + "y") { return plural(b) }
        if word.hasSuffix("es"), let b = known(String(word.dropLast(2))) { return plural(b) }
        if word.hasSuffix("s"), let b = known(String(word.dropLast())) { return plural(b) }
        if word.hasSuffix("ied"), let b = known(String(word.dropLast(3)) + "y") { return b + " D" }
        if word.hasSuffix("ed") {
            let stem = String(word.dropLast(2))
            if let b = known(stem) ?? known(stem + "e") { return past(b) }
            if stem.count > 2, stem.last == stem.dropLast().last, let b = known(String(stem.dropLast())) { return past(b) }
        }
        if word.hasSuffix("ing") {
            let stem = String(word.dropLast(3))
            if let b = known(stem) ?? known(stem + "e") { return b + " IH NG" }
            if stem.count > 2, stem.last == stem.dropLast().last, let b = known(String(stem.dropLast())) { return b + " IH NG" }
        }
        if word.hasSuffix("er"), let b = known(String(word.dropLast(2))) ?? known(String(word.dropLast(1))) { return b + " ER" }
        // Compounds: the longest known first part with a known rest ("failover", "timestamp").
        guard word.count >= 6 else { return nil }
        let chars = Array(word)
        for cut in stride(from: chars.count - 3, through: 3, by: -1) {
            if let h = known(String(chars[..<cut])), let t = known(String(chars[cut...])) { return h + " " + t }
        }
        // Longer ones, as API and metric names are written ("createloggroup", "cpucreditbalance"):
        // the split into known words of three letters or more (or a short word such names use)
        // with the fewest parts, at most five; among equals, the one with the longest parts.
        let shortParts: Set<String> = ["of", "on", "in", "id", "to", "up", "by", "at", "or", "is", "no", "ip", "db", "az", "os"]
        var best: [(parts: Int, squares: Int, pron: String)?] = Array(repeating: nil, count: chars.count + 1)
        best[chars.count] = (0, 0, "")
        for start in stride(from: chars.count - 2, through: 0, by: -1) {
            for end in stride(from: chars.count, through: start + 2, by: -1) where !(start == 0 && end == chars.count) {
                let text = String(chars[start..<end])
                guard let rest = best[end], rest.parts < 5, text.count > 2 || shortParts.contains(text),
                      let part = known(text) else { continue }
                let candidate = (parts: rest.parts + 1, squares: rest.squares + text.count * text.count,
                                 pron: rest.pron.isEmpty ? part : part + " " + rest.pron)
                if let current = best[start], (current.parts, -current.squares) <= (candidate.parts, -candidate.squares) { continue }
                best[start] = candidate
            }
        }
        if let built = best[0] { return built.pron }
        return nil
    }

    /// Dictionary text in PocketSphinx's format, alternatives numbered "word(2)".
    func text(words: some Sequence<String>) -> String {
        var lines: [String] = []
        for word in Set(words).sorted() where !word.hasPrefix("<") {
            for (i, p) in (entries[word] ?? []).enumerated() {
                lines.append((i == 0 ? word : "\(word)(\(i + 1))") + " " + p)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var allWords: Dictionary<String, [String]>.Keys { entries.keys }
}
