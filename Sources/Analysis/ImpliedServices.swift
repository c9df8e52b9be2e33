/// Services an answer describes without naming them: "a bucket" is S3, "the visibility timeout"
/// SQS (Models/lexicon/implied.json). An interviewer hears the name as knowing the service; the
/// report asks the speaker to say it.
enum ImpliedServiceDetector {
    /// `masked`: the answer's tokens with service names masked; `words`: the same tokens as said;
    /// `named`: the catalog names the answer says.
    static func find(masked: [String], words: [String], named: Set<String>, _ cues: ImpliedCues) -> [AnswerReport.ImpliedService] {
        var covered = Set<Int>()
        // "token bucket": a cue inside one of these phrases means something else.
        for phrase in cues.unlessIn {
            for start in PhraseMatcher.occurrences(of: phrase, in: masked, homophones: [:]) {
                covered.formUnion(start..<start + phrase.count)
            }
        }
        var found: [AnswerReport.ImpliedService] = []
        // Longest cues first, so "bucket policy" is quoted whole rather than as "bucket".
        for (tokens, entry) in cues.cues {
            let services = [entry.service] + (entry.alsoNamedBy ?? [])
            guard !services.contains(where: named.contains), !found.contains(where: { $0.service == entry.service }) else { continue }
            for start in PhraseMatcher.occurrences(of: tokens, in: masked, homophones: [:]) {
                let range = start..<start + tokens.count
                guard covered.isDisjoint(with: range) else { continue }
                covered.formUnion(range)
                found.append(.init(service: entry.service, evidence: words[range].joined(separator: " "),
                                   alternatives: entry.alsoNamedBy ?? []))
                break
            }
        }
        // In the order the answer says them.
        return found.sorted { a, b in
            (words.firstIndex(of: PhraseMatcher.split(a.evidence).first ?? "") ?? 0)
                < (words.firstIndex(of: PhraseMatcher.split(b.evidence).first ?? "") ?? 0)
        }
    }
}
