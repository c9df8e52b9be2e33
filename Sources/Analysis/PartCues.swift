/// The phrases that show each part of an answer, with weights. A clause shows a part when its
/// cues add up to `PartCues.threshold`. Phrases are token sequences; "*" matches any one token.
/// Written for how people talk, not only the textbook cue words, and for transcripts with
/// no punctuation and the odd misrecognized word.
enum PartCues {
    static let threshold = 2

    static let context: [(String, Int)] = weighted(2, [
        "the problem", "the issue", "the challenge", "the requirement", "the goal", "the situation", "the context",
        "we needed", "we need", "i needed", "needed to", "had to", "we were trying", "trying to", "we wanted",
        "there was a", "there were", "nobody knew", "no one knew", "kept failing", "kept timing", "kept crashing", "kept",
        "timing out", "was failing", "were failing", "fell over", "falls over", "jumped", "spiked", "spike", "was growing",
        "were growing", "grew", "logged out", "logged everybody out", "logged everyone out", "slowing down", "was slowing", "were slowing", "outage", "incident", "we were running", "we were storing", "we were using", "we were getting",
        "we ran into", "ran into", "bill jumped", "bill doubled", "bill spiked", "bill went up", "too slow", "too expensive", "was slow", "were slow", "complained",
        "complaining", "pain point", "bottleneck", "was down", "went down", "broke", "was breaking", "auditor", "auditors", "compliance",
        "deadline", "getting paged", "got paged", "paged", "back when", "last year", "every monday", "every night",
        "every time", "we had a", "we had an", "we had to", "we had this", "we have a", "suddenly", "started failing",
        "started throwing", "was costing", "were costing", "was leaking", "exposed", "public bucket", "couldn't reach",
        "could not reach", "cannot reach", "can't reach", "returning five", "returning 5", "5xx", "five hundreds",
        "latency was", "users were", "peak", "black friday", "the service was", "the app was", "the database was", "was hitting",
        "were hitting", "ran out", "running out", "hit the limit", "throttled", "throttling",
        "imagine", "say you", "let's say", "suppose", "nobody could", "no one could", "couldn't", "could not",
        "wasn't working", "didn't work", "stopped working", "would not", "wouldn't", "was stuck", "behind",
        "alert", "alerts", "leaked", "leak", "compromised", "breach", "public repo", "root account",
    ]) + weighted(1, ["we had", "we were", "problem", "issue", "needed", "wanted", "slow", "failing", "failed", "load",
                      "requests", "manual", "manually", "expensive", "cost", "bill", "risk", "if the", "when the",
                      "at my last", "at my previous", "in my last", "in my previous", "when i joined", "on a project",
                      "our team", "my team", "the team", "a client", "the client", "legacy", "monolith", "migration",
                      "migrating", "launch", "traffic", "customers", "errors", "our", "my", "target", "targets",
                      // Where things ran sets a scene only with a problem or a "we were" beside it.
                      "on prem", "on premises", "data center", "when we"])

    static let choice: [(String, Int)] = weighted(2, [
        "chose", "choose", "chosen", "picked", "pick", "went with", "go with", "going with", "decided", "opted",
        "rather than", "instead of", "as opposed to", "over a", "switched", "moved to", "moved it", "moved them",
        "moved the", "migrated", "pushed for", "recommended", "recommend", "settled on", "ended up using",
        "ended up moving", "ended up going", "landed on", "we used", "i used", "we use", "we put", "we added",
        "i added", "we built", "i built", "we set up", "i set up", "we wrote", "i wrote", "i'd use", "i would use",
        "i'd pick", "i'd go", "i would go", "i would choose", "i would start", "i'd start", "i would put", "i'd put",
        "we introduced", "introduced", "we replaced", "replaced", "we turned on", "we enabled", "enabled",
        "we configured", "i configured", "we split", "we moved", "i changed", "we changed", "i checked",
        "i looked at", "first thing i", "i would check", "i'd check", "i would look", "i'd look", "we went",
        "i went", "i proposed", "proposed", "we adopted", "adopted", "we kept", "we attached", "we created",
        "i created", "we locked", "locked down", "we restricted", "i restricted", "we scoped", "scoped", "we rotated",
        "rotated", "we raised", "i raised", "increased the", "we increased", "we tuned", "tuned", "we cached",
        "we wrapped", "we rewrote", "i rewrote", "we deployed", "we placed", "we routed", "we gave", "i gave",
        "the fix was", "the fix", "fixed it by", "solved it", "we solved", "my call", "i made the call",
        "we would use", "we'd use", "i'd recommend", "i would recommend", "i'd make", "i would make",
    ]) + weighted(1, ["because", "since", "so that", "so we could", "which let", "which lets", "to avoid",
                      "in order to", "better fit", "made sense", "use", "used", "using"])

    static let tradeoff: [(String, Int)] = weighted(2, [
        "trade off", "tradeoff", "tradeoffs", "trade offs", "downside", "downsides", "the catch", "drawback",
        "drawbacks", "the cost was", "the cost is", "costs more", "cost more", "cost us", "more expensive", "pricier",
        "gave up", "give up", "giving up", "what we lost", "we lose", "we lost", "the risk", "risk is", "the price",
        "at the expense", "expense of", "limitation", "limitations", "on the other hand", "flip side", "penalty",
        "locked into", "lock into", "cold start", "cold starts", "takes longer", "take longer", "took longer", "slower", "more complex",
        "complexity", "complicated", "overhead", "lock in", "locked in", "vendor lock", "harder to", "hard to",
        "we can't", "we cannot", "can't", "cannot", "we couldn't", "couldn't", "doesn't", "don't get", "not free",
        "the bad part", "the hard part", "we accepted", "accept", "accepted", "we had to accept", "that means a",
        "which means", "that means", "means we", "means a", "the trade", "which hurts", "extra cost", "extra latency",
        "regional outage", "takes us down", "take us down", "single point", "not ideal", "a bit more", "more work",
        "more moving parts", "another thing to", "eventual consistency", "eventually consistent",
        "costlier", "only works", "won't", "lose", "losing", "still have to", "still need to",
        "minutes longer", "seconds longer", "if that", "if it goes", "if the region", "the con", "cons", "caveat",
        "we sacrificed", "sacrifice", "compromise", "worse", "less flexible", "less control",
        "slowed", "slows", "annoyed", "annoying", "annoyance", "isn't pretty", "not pretty", "still our job",
        "still on us", "took me a couple", "took us a couple", "pushed back", "lost some", "had to tune",
        "needs reviewing", "need reviewing", "minute longer", "minutes longer", "longer per", "now pay", "we now pay",
        "grumbled", "complained about", "extra seconds", "extra minutes", "few extra", "wasn't thrilled",
        "not thrilled", "wasn't happy", "not happy", "unhappy", "accepting", "accepting that", "learning curve", "more to manage", "more to maintain", "one more thing",
        "we traded", "trades", "the price we", "we paid",
        // Recognizers split compounds and drop articles: "the down side", "trade of", "catch is".
        "down side", "down sides", "draw back", "draw backs", "trade of", "catch is", "catch was", "the only catch",
        // ... and run "catch is" together into one word.
        "a catches", "the catches",
        "the only problem", "the only downside", "the problem with that", "the problem with it", "one problem is",
        // What got slower or harder, said plainly.
        "slowed us", "slows us", "held us back", "slowed down", "slowed things", "pay more", "paying more",
        "paid more", "at the cost", "comes at", "came at", "live with", "lived with", "living with", "we now have to",
        "now we have to", "now have to", "have to maintain", "have to manage", "have to babysit",
        // What the choice made harder, in plain words.
        "headache", "headaches", "a pain", "painful", "frustrating", "tedious", "tricky", "awkward", "clunky",
        "brittle", "fragile", "messy", "nightmare", "which costs", "costs time", "cost time", "costs us",
        "something we have to", "have to own", "still own", "our problem", "interrupted", "have to rerun",
        "have to re run", "to redo", "is slow", "are slow", "got slower", "gets slower",
        "the trouble is", "the trouble was", "trouble is", "the problem is that", "had to agree", "had to live with",
        "stale", "out of date", "only as fresh", "only as good", "only as current", "care and feeding", "needs care",
        "when it breaks", "if it breaks", "when that breaks", "if that breaks", "what we spend",
    ]) + weighted(1, ["but", "however", "although", "though", "risk", "cost", "costs", "price", "latency", "limit",
                      "longer", "a little", "slightly", "comes with", "came with", "not as", "isn't as", "wasn't as",
                      "downtime", "down time"])

    static let result: [(String, Int)] = weighted(2, [
        "result", "results", "as a result", "the outcome", "outcome", "dropped", "drop", "dropping", "reduced", "reduce",
        "cut", "cutting", "went from", "went down", "down to", "came down", "fell", "improved", "improvement",
        "saved", "saving", "savings", "since then", "haven't been paged", "not been paged", "no more", "stayed under",
        "stayed below", "stays under", "closed the finding", "passed the audit", "passed", "by half", "halved",
        "doubled", "now we", "now it", "now the", "now our", "measured", "we saw", "we got", "brought", "went away",
        "never had", "haven't had", "have not had", "no longer", "stopped", "fixed", "resolved", "recovered", "within",
        "zero", "faster", "quicker", "shorter", "lower", "higher", "less", "fewer", "under a", "under one",
        "success", "succeeded", "it worked", "that worked", "paid off", "shipped", "launched", "delivered",
        "finished", "completed", "the end", "in the end", "ended up with", "end result", "happy", "signed off",
        // "since" alone is as often "because"; "ever since", "since then" are outcomes.
        "ever since", "since launch", "since we moved", "since we switched", "since the change",
        "worked again", "working again", "works again", "back up", "came back", "back online", "latency stayed",
        "next time", "the next time", "nobody has been", "no one has been", "not lost", "haven't lost",
        "ready by", "on time", "we signed", "signed up", "we won", "won the", "not failed", "hasn't failed", "never failed", "hasn't happened",
        "has not happened", "not once", "hasn't broken", "not affect", "not affected", "wasn't affected", "unaffected",
        "no impact", "nobody noticed", "no one noticed", "didn't notice", "since last", "since january", "since february",
        "since march", "since april", "since may", "since june", "since july", "since august", "since september",
        "since october", "since november", "since december", "stayed at", "stayed flat", "stayed within", "stayed around", "held at", "held steady", "steady at",
        "cleared", "went to zero", "to zero", "reliable", "stable", "came in at", "came in under", "failed over in",
        "off the bill", "started catching", "came up", "contained", "we found", "caught", "we've had", "we have had",
        "back to normal", "disappeared", "stopped flagging", "were deleted", "went quiet", "calmed down",
        "haven't seen", "have not seen", "never saw", "didn't see", "the drill", "last drill", "survived",
        "stayed up", "has stayed", "held up", "kept up", "went smoothly", "took under", "takes under", "in under",
        "took less", "takes less", "now takes", "now take", "now finish", "now finishes", "now runs",
    ]) + weighted(1, ["now", "after", "then", "lower", "better", "ok", "fine", "stayed", "again", "the next", "closed",
                      "close", "finding", "findings", "per month", "a month", "a year", "percent",
                      "drill", "under", "took", "takes"])

    /// Plain statements of what got worse, more work or more money. Before the decision they
    /// describe the problem ("we were paying for idle servers"); only after it do they say what
    /// the choice cost ("we pay for capacity that sits idle", "there is more to patch").
    static let consequences: [(String, Int)] = weighted(2, [
        "we pay", "pay for", "paying for", "idle", "on the bill", "more to", "later than", "slower than",
        "had to build", "have to build", "had to write", "have to write", "had to run", "have to run",
        "slow * down", "slows * down", "slowed * down", "drift", "drifts", "out of sync", "takes up to",
        "take up to", "can take", "pushback", "push back",
        "extra work", "which adds", "adds a few", "adds latency", "one more call", "to show up", "delay", "delayed",
        "lag", "late", "can be up to", "broke", "we spent", "not supported", "isn't supported", "unsupported", "twice as", "more often", "not all", "no longer able", "we lost",
    ]) + weighted(1, ["would have", "for free", "our own", "manual", "by hand", "every release", "every deploy",
                      "every change", "twice", "one more", "adds", "a few minutes", "a few seconds", "up to"])

    /// Verbs that make "I …" / "we …" a decision or an action the speaker took.
    static let actionVerbs: Set<String> = [
        "chose", "choose", "picked", "pick", "went", "go", "opted", "decided", "settled", "pushed", "argued",
        "suggested", "suggest", "proposed", "propose", "recommended", "recommend", "made", "make", "built", "build",
        "rebuilt", "designed", "design", "moved", "move", "migrated", "migrate", "switched", "switch", "replaced",
        "replace", "swapped", "consolidated", "split", "introduced", "added", "add", "put", "enabled", "enable",
        "turned", "turn", "created", "create", "wrote", "rewrote", "spread", "increased", "raised", "lowered",
        "shortened", "reduced", "tuned", "cached", "deployed", "rolled", "restricted", "locked", "scoped",
        "rotated", "revoked", "isolated", "tagged", "rightsized", "right", "took", "set", "configured", "wrapped",
        "attached", "removed", "dropped", "deleted", "disabled", "blocked", "opened", "checked", "check", "looked",
        "look", "pulled", "traced", "asked", "fixed", "fix", "changed", "change", "started", "adopted", "kept",
        "standardized", "automated", "scheduled", "capped", "limited", "partitioned", "sharded", "indexed",
        "separated", "centralized", "encrypted", "archived", "bought", "reserved", "committed", "paired",
        "rehearsed", "tested", "drilled", "wired", "routed", "placed", "gave", "ran", "run",
        "copied", "copy", "shipped", "forwarded", "pointed", "exported", "offloaded", "streamed", "synced", "replicated", "mirrored", "shifted",
    ]
    /// Verbs that name what was there rather than a decision: "we used X, Y and Z".
    static let weakActionVerbs: Set<String> = ["used", "use", "using", "had", "have", "got", "worked", "touched", "helped", "was", "were"]
    /// "I'd like to add", "we think", "I know": wishes and opinions, not actions.
    static let notActions: Set<String> = ["like", "want", "wanted", "love", "hope", "think", "thought", "guess",
                                          "mean", "know", "knew", "feel", "felt", "believe", "wish"]
    static let beVerbs: Set<String> = ["am", "are", "is", "was", "were", "be", "been", "being", "'re", "'m"]
    static let actionSubjects: Set<String> = ["i", "we", "i'd", "we'd", "i'll", "we'll", "i've", "we've"]

    static let definition: [String] = [
        "is a", "is an", "is the", "are a", "it's a", "its a", "it is a", "is amazon's", "is aws's", "is amazon",
        "allows you", "allow you", "lets you", "let you", "enables you", "enable you", "it provides", "provides",
        "is used for", "is used to", "are used for", "you can use it", "you can use", "it supports", "supports",
        "stands for", "is designed", "offers", "it gives you", "gives you", "is basically", "is essentially",
        "is where you", "is how you", "you can store", "you can run", "you can create",
    ]

    static let reasons: [String] = [
        "because", "since", "so that", "so we could", "so i could", "so it could", "to avoid", "in order to",
        "which let", "which lets", "which meant", "needed", "need", "had to", "to handle", "to store", "to serve",
        "to decouple", "to buffer", "to fan", "to trigger", "to run", "to cache", "to protect", "to keep", "to reduce",
        "to cut", "to absorb", "to track", "to catch", "to make", "to get", "to stop", "to give", "for the", "for our",
        "to process", "to route", "to encrypt", "to scale", "to send", "to hold", "due to",
        "rather than", "instead of",
    ]

    static let firstPersonDecision: [String] = [
        "i chose", "we chose", "i picked", "we picked", "i decided", "we decided", "we went with", "i went with",
        "i would", "i'd", "we would", "we'd", "i pushed", "we moved", "i moved", "we switched", "we used", "i used",
        "we built", "i built", "i set", "we set", "we put", "i put", "we added", "i added", "my team", "our team",
        "i recommended", "we ended", "i ended",
    ]

    static let marketing: [String] = [
        "robust", "seamless", "seamlessly", "fully managed", "enables granular", "granular", "best in class",
        "best of breed", "highly scalable", "highly available solution", "cutting edge", "state of the art",
        "world class", "leverage", "leverages", "leveraging", "powerful", "effortless", "effortlessly",
        "enterprise grade", "industry leading", "next generation", "synergy", "game changer", "unparalleled",
        "infinitely scalable", "virtually unlimited", "out of the box", "comprehensive",
    ]

    static let hedges: [String] = [
        "i think maybe", "i guess", "probably", "sort of", "kind of", "maybe", "not sure", "i'm not sure",
        "i am not sure", "i don't know", "i do not know", "might be", "i suppose", "perhaps", "possibly",
        "i believe", "if i remember", "something like that", "or something", "i think",
    ]

    static let ownershipI: [String] = ["i", "i'd", "i'm", "i've", "me", "my", "myself"]
    static let ownershipWe: [String] = ["we", "we'd", "we're", "we've", "us", "our", "the team"]

    private static func weighted(_ w: Int, _ phrases: [String]) -> [(String, Int)] { phrases.map { ($0, w) } }
}

/// Token-sequence phrase matching with "*" wildcards.
enum PhraseMatcher {
    static func split(_ phrase: String) -> [String] {
        phrase.split(separator: " ").flatMap { $0 == "*" ? ["*"] : Tokenizer.split(String($0)) }
    }

    /// Words a recognizer writes for one another because they sound alike. Inside a phrase of two
    /// or more words the neighbours anchor the reading, so "rather then" still reads "rather than"
    /// and "takes us done" "takes us down"; a one-word cue must match exactly.
    static let homophones: [String: Set<String>] = [
        "than": ["then"], "then": ["than"], "there": ["their", "they're"], "their": ["there", "they're"],
        "they're": ["their", "there"], "are": ["our"], "were": ["we're", "where"], "we're": ["were"],
        "to": ["two", "too"], "two": ["to", "too"], "too": ["to", "two"], "four": ["for"], "one": ["won"],
        "eight": ["ate"], "down": ["done"], "its": ["it's"], "it's": ["its"], "no": ["know"], "know": ["no"],
        "new": ["knew"], "right": ["write"], "write": ["right"], "cache": ["cash"], "cached": ["cashed"],
        "by": ["buy"], "in": ["inn"], "into": ["in"], "where": ["were", "wear"], "the": ["that"],
    ]

    static func tokenMatches(_ heard: String, _ cue: String, inPhrase: Bool) -> Bool {
        heard == cue || (inPhrase && homophones[cue]?.contains(heard) == true)
    }

    /// Every start index where `phrase` occurs in `tokens`.
    static func occurrences(of phrase: [String], in tokens: [String]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= tokens.count else { return [] }
        var hits: [Int] = []
        let inPhrase = phrase.count > 1
        outer: for i in 0...(tokens.count - phrase.count) {
            for (k, p) in phrase.enumerated() where p != "*" && !tokenMatches(tokens[i + k], p, inPhrase: inPhrase) {
                continue outer
            }
            hits.append(i)
        }
        return hits
    }

    static func contains(_ phrase: [String], in tokens: [String]) -> Bool {
        !occurrences(of: phrase, in: tokens).isEmpty
    }
}

/// Cue lists split into tokens once.
struct CompiledCues: Sendable {
    let parts: [AnswerPart: [([String], Int)]]
    let definition: [[String]]
    let reasons: [[String]]
    let firstPersonDecision: [[String]]
    let marketing: [[String]]
    let hedges: [[String]]
    let consequences: [([String], Int)]

    static let shared = CompiledCues()

    private init() {
        func compile(_ list: [(String, Int)]) -> [([String], Int)] { list.map { (PhraseMatcher.split($0.0), $0.1) } }
        func compile(_ list: [String]) -> [[String]] { list.map(PhraseMatcher.split) }
        parts = [.context: compile(PartCues.context), .choice: compile(PartCues.choice),
                 .tradeoff: compile(PartCues.tradeoff), .result: compile(PartCues.result)]
        definition = compile(PartCues.definition)
        reasons = compile(PartCues.reasons)
        firstPersonDecision = compile(PartCues.firstPersonDecision)
        marketing = compile(PartCues.marketing)
        hedges = compile(PartCues.hedges)
        consequences = compile(PartCues.consequences)
    }

    /// Sum of weights of the cues of `part` found in `tokens`, each cue counted once, and the
    /// best-weighted cue (for evidence).
    func score(_ part: AnswerPart, _ tokens: [String]) -> (score: Int, cues: [String]) {
        score(parts[part] ?? [], tokens)
    }

    /// A trade-off said after the decision: its own cues plus the plain consequences.
    func tradeoffAfterChoice(_ tokens: [String]) -> (score: Int, cues: [String]) {
        score((parts[.tradeoff] ?? []) + consequences, tokens)
    }

    func score(_ list: [([String], Int)], _ tokens: [String]) -> (score: Int, cues: [String]) {
        var total = 0
        var cues: [String] = []
        for (phrase, weight) in list where PhraseMatcher.contains(phrase, in: tokens) {
            // A shorter cue inside a longer one already counted adds nothing ("trade off" vs "the trade").
            let joined = phrase.joined(separator: " ")
            if cues.contains(where: { $0.contains(joined) || joined.contains($0) }) { continue }
            total += weight
            cues.append(joined)
        }
        return (total, cues)
    }

    func matches(_ list: [[String]], _ tokens: [String]) -> [String] {
        list.filter { PhraseMatcher.contains($0, in: tokens) }.map { $0.joined(separator: " ") }
    }
}
