/// Checks the bank against the rules in docs/question-bank.md: every example sentence through
/// the real matcher, no digits, no phrase the prompt itself says, nothing generic, every fact
/// dated. `rehearse questions --check` prints the problems; BankExampleTests fails on any.
public enum BankLint {
    public static func problems(in bank: QuestionBank, rules: KeyPointMatcher.Rules) -> [String] {
        let matcher = KeyPointMatcher(rules: rules)
        let generic = Set(rules.genericWords)
        var out: [String] = []
        for q in bank.questions {
            func report(_ whereabouts: String, _ problem: String) { out.append("\(q.id) › \(whereabouts): \(problem)") }
            if q.checked == nil { report("question", "no \"checked\" date and source") }
            if q.keyPoints.isEmpty { report("question", "no key points") }
            if q.followUps.count < 2 { report("question", "\(q.followUps.count) follow-up(s); at least 2") }
            // The score's off-question check compares these with the services an answer names.
            for name in q.services where !ServiceCatalog.canonicalNames.contains(name) {
                report("services", "\"\(name)\" is not a service name of Models/lexicon/services.json")
            }
            for p in q.subject where Tokenizer.split(p).contains(where: { $0.first?.isNumber == true }) {
                report("subject", "phrase \"\(p)\" has a number in digits; the recognizer writes numbers as words")
            }
            check(q.keyPoints, prompt: q.prompt, label: "key point", report)
            together(q.keyPoints, prompt: q.prompt, report)
            for (n, f) in q.followUps.enumerated() {
                let label = "follow-up \(n + 1)"
                if f.kind == nil { report(label, "no kind (mechanism, measurement, alternative, change or scale)") }
                if f.kind == .alternative && f.options == nil && f.keyPoints.isEmpty {
                    report(label, "an \"alternative\" follow-up needs options or key points")
                }
                if f.keyPoints.isEmpty && f.options == nil { report(label, "no key points") }
                check(f.keyPoints, prompt: f.text, label: "\(label) key point", report)
            }
        }
        return out

        func check(_ points: [KeyPoint], prompt: String, label: String, _ report: (String, String) -> Void) {
            let promptText = KeyPointMatcher.text(prompt)
            for (i, kp) in points.enumerated() {
                let at = "\(label) \(i + 1)"
                if kp.checked == nil { report(at, "no \"checked\" date and source") }
                lintPhrases(kp.phrases, at: at, prompt: promptText, report)
                if kp.examples.match.isEmpty || kp.examples.noMatch.isEmpty {
                    report(at, "needs at least one \"match\" and one \"noMatch\" example")
                }
                for sentence in kp.examples.match where !earns(kp, sentence) {
                    report(at, "example should earn it but does not: \"\(sentence)\"")
                }
                for sentence in kp.examples.noMatch where earns(kp, sentence) {
                    report(at, "example should not earn it but does: \"\(sentence)\"")
                }
                for (j, m) in kp.misconceptions.enumerated() {
                    let mat = "\(at) misconception \(j + 1)"
                    if m.checked == nil { report(mat, "no \"checked\" date and source") }
                    lintPhrases(m.phrases, at: mat, prompt: promptText, report)
                    if m.examples.match.isEmpty || m.examples.noMatch.isEmpty {
                        report(mat, "needs at least one \"match\" and one \"noMatch\" example")
                    }
                    if let claim = m.bound {
                        if claim.subject.isEmpty || claim.says.isEmpty { report(mat, "a claim needs a subject and what it says") }
                        lintPhrases(claim.says, at: "\(mat) claim", prompt: promptText, report)
                    }
                    for problem in ownProblems(of: m, matcher: matcher) { report(mat, problem) }
                    for sentence in kp.examples.match where matcher.states(m, sentence: sentence) {
                        report(mat, "the key point's own right example states it: \"\(sentence)\"")
                    }
                }
            }
        }

        /// The misconceptions' noMatch sentences read as one answer to the question: each passes
        /// alone, but a claim can borrow a name from the sentence before or after, or from the
        /// prompt, as it would in a real answer made of right sentences.
        func together(_ points: [KeyPoint], prompt: String, _ report: (String, String) -> Void) {
            let sentences = points.flatMap { $0.misconceptions.flatMap(\.examples.noMatch) }
            guard !sentences.isEmpty else { return }
            let answer = sentences.map { $0.hasSuffix(".") || $0.hasSuffix("?") ? $0 : $0 + "." }.joined(separator: " ")
            let coverage = ContentCoverage.measure(points, prompt: prompt, text: KeyPointMatcher.text(answer), matcher: matcher)
            for wrong in coverage.misconceptions {
                report("key points", "their misconceptions' noMatch examples, read together, state \"\(wrong.claim)\" at \"\(wrong.said)\"")
            }
        }

        func earns(_ kp: KeyPoint, _ sentence: String) -> Bool {
            let text = KeyPointMatcher.text(sentence)
            return ContentCoverage.measure([kp], prompt: nil, text: text, matcher: matcher).hit.count == 1
        }

        func lintPhrases(_ phrases: [String], at: String, prompt: KeyPointMatcher.Text, _ report: (String, String) -> Void) {
            if phrases.isEmpty { report(at, "no phrases") }
            for p in phrases {
                // A word that starts with a digit ("502", "22"): the recognizer writes numbers as
                // words. Names with a digit inside ("s3", "ec2") are words it knows.
                if Tokenizer.split(p).contains(where: { $0.first?.isNumber == true }) {
                    report(at, "phrase \"\(p)\" has a number in digits; the recognizer writes numbers as words")
                }
                let words = KeyPointMatcher.compile(p)
                if words.count == 1, generic.contains(p.lowercased()) || generic.contains(words[0]) {
                    report(at, "phrase \"\(p)\" is too generic to be evidence")
                }
                if let m = matcher.find(words, in: prompt), !m.negated {
                    report(at, "phrase \"\(p)\" is in the prompt, so restating the question would earn it")
                }
            }
        }
    }

    /// What a misconception's own entry can get wrong, in the bank or the common list: a `says`
    /// that contains one of its names (it is inside that name wherever it is said, so it never
    /// counts), and examples that do not state it, or do, as written.
    static func ownProblems(of m: Misconception, matcher: KeyPointMatcher) -> [String] {
        var out: [String] = []
        if let claim = m.bound {
            let names = (claim.subject + claim.others).map(KeyPointMatcher.compile)
            for says in claim.says {
                if let name = names.first(where: { !matcher.occurrences($0, in: KeyPointMatcher.text(says)).isEmpty }) {
                    out.append("claim \"\(says)\" contains the name \"\(name.joined(separator: " "))\", so it can never count")
                }
            }
        }
        for sentence in m.examples.match where !matcher.states(m, sentence: sentence) {
            out.append("example should state it but does not: \"\(sentence)\"")
        }
        for sentence in m.examples.noMatch where matcher.states(m, sentence: sentence) {
            out.append("example should not state it but does: \"\(sentence)\"")
        }
        return out
    }

    /// The common list (Models/misconceptions.json): each belief is a `bound` claim whose phrases
    /// name its subject, since it is checked in answers to any question; its examples pass; and
    /// none is stated by a sentence the bank gives as right (every key point's `match` examples,
    /// first answers' and follow-ups').
    public static func problems(in common: CommonMisconceptions, bank: QuestionBank, rules: KeyPointMatcher.Rules) -> [String] {
        let matcher = KeyPointMatcher(rules: rules)
        let right = bank.questions.flatMap { q in
            (q.keyPoints + q.followUps.flatMap(\.keyPoints)).flatMap { kp in kp.examples.match.map { (q.id, $0) } }
        }
        let texts = right.map { ($0.0, $0.1, KeyPointMatcher.text($0.1)) }
        var out: [String] = []
        for (i, m) in common.misconceptions.enumerated() {
            func report(_ problem: String) { out.append("\(CommonMisconceptions.fileName) › \(i + 1) \"\(m.claim)\": \(problem)") }
            if m.checked == nil { report("no \"checked\" date and source") }
            guard let claim = m.bound, !claim.subject.isEmpty, !claim.says.isEmpty else {
                report("needs a claim (bound) with a subject and what it says: it is checked whatever the question"); continue
            }
            let subjects = claim.subject.map(KeyPointMatcher.compile)
            for p in m.phrases where !subjects.contains(where: { !matcher.occurrences($0, in: KeyPointMatcher.text(p)).isEmpty }) {
                report("phrase \"\(p)\" names none of its subjects, so it would count in an answer about anything")
            }
            if m.examples.match.count < 2 || m.examples.noMatch.count < 2 {
                report("needs at least two \"match\" and two \"noMatch\" examples")
            }
            for problem in ownProblems(of: m, matcher: matcher) { report(problem) }
            for (id, sentence, text) in texts where matcher.statement(of: m, in: text) != nil {
                report("a right example of \(id) states it: \"\(sentence)\"")
            }
        }
        return out
    }
}
