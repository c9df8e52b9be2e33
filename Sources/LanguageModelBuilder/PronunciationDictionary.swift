import Foundation
import PocketSphinx
import SpeechCore

/// CMUdict plus the pronunciations AWS answers need: service names cmudict lacks, acronyms
/// spelled letter by letter ("s3" = "EH S TH R IY"), and words it lacks that are built from
/// words it has ("subnets" = "sub" + "nets", "batched" = "batch" + T).
struct PronunciationDictionary {
    private(set) var entries: [String: [String]] = [:]

    static let letters: [Character: String] = [
        "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY",
        "h": "EY CH", "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N",
        "o": "OW", "p": "P IY", "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW",
        "v": "V IY", "w": "D AH B AH L Y UW", "x": "EH K S", "y": "W AY", "z": "Z IY",
    ]

    /// Said as words, or said more than one way. Spelled-out forms of acronyms are added
    /// automatically, so only the word-like readings are listed.
    static let handWritten: [String: [String]] = [
        "s3": ["EH S TH R IY"],
        "ec2": ["IY S IY T UW"],
        "iam": ["AY EY EH M", "AY AE M"],
        "dynamodb": ["D AY N AH M OW D IY B IY"],
        "cloudfront": ["K L AW D F R AH N T"],
        "cloudwatch": ["K L AW D W AA CH"],
        "cloudtrail": ["K L AW D T R EY L"],
        "cloudformation": ["K L AW D F AO R M EY SH AH N"],
        "eventbridge": ["IH V EH N T B R IH JH"],
        "guardduty": ["G AA R D D UW T IY"],
        "elasticache": ["IH L AE S T IH K AE SH"],
        "kinesis": ["K IH N IY S IH S", "K AY N IY S IH S"],
        "fargate": ["F AA R G EY T"],
        "cognito": ["K AA G N IY T OW"],
        "nacl": ["N AE K AH L"],
        "nacls": ["N AE K AH L Z"],
        "opensearch": ["OW P AH N S ER CH"],
        "privatelink": ["P R AY V AH T L IH NG K"],
        "redshift": ["R EH D SH IH F T"],
        "json": ["JH EY S AH N"],
        "cidr": ["S AY D ER"],
        "documentdb": ["D AA K Y AH M AH N T D IY B IY"],
        "memorydb": ["M EH M ER IY D IY B IY"],
        "cloudhsm": ["K L AW D EY CH EH S EH M"],
        "activemq": ["AE K T IH V EH M K Y UW"],
        "rabbitmq": ["R AE B AH T EH M K Y UW"],
        "mongodb": ["M AA NG G OW D IY B IY"],
        "graphql": ["G R AE F K Y UW EH L"],
        "gigabit": ["G IH G AH B IH T"],
        "selectors": ["S AH L EH K T ER Z"],
        "vended": ["V EH N D IH D"],
        "vmware": ["V IY EH M W EH R"],
        "iamallowedprincipals": ["AY EY EH M AH L AW D P R IH N S AH P AH L Z"],
        "containerised": ["K AH N T EY N ER AY Z D"],
        "optimised": ["AA P T AH M AY Z D"],
        "utilisation": ["Y UW T AH L AH Z EY SH AH N"],
        "pgbouncer": ["P IY JH IY B AW N S ER"],
        "resize": ["R IY S AY Z"],
        "resumable": ["R IH Z UW M AH B AH L"],
        "unblock": ["AH N B L AA K"],
        "cidrs": ["S AY D ER Z"],
        "fifo": ["F AY F OW"],
        "iops": ["AY AA P S"],
        "mysql": ["M AY S IY K W AH L", "M AY EH S K Y UW EH L"],
        "nosql": ["N OW S IY K W AH L", "N OW EH S K Y UW EH L"],
        "postgres": ["P OW S T G R EH S"],
        "dax": ["D AE K S"],
        "waf": ["W AE F"],
        "ddos": ["D IY D AA S"],
        "ami": ["AE M IY"],
        "amis": ["AE M IY Z"],
        "arn": ["AA R N"],
        "arns": ["AA R N Z"],
        "cors": ["K AO R Z"],
        "config": ["K AA N F IH G", "K AH N F IH G"],
        "configs": ["K AA N F IH G Z"],
        "decrypt": ["D IY K R IH P T"],
        "kubernetes": ["K UW B ER N EH T IY Z"],
        "terraform": ["T EH R AH F AO R M"],
        "async": ["EY S IH NG K"],
        "postmortem": ["P OW S T M AO R T AH M"],
        "idempotent": ["AY D EH M P OW T AH N T"],
        "serverless": ["S ER V ER L AH S"],
        "microservice": ["M AY K R OW S ER V AH S"],
        "microservices": ["M AY K R OW S ER V AH S IH Z"],
        "concurrency": ["K AH N K ER AH N S IY"],
        "queryable": ["K W IH R IY AH B AH L"],
        "rightsized": ["R AY T S AY Z D"],
        "rightsizing": ["R AY T S AY Z IH NG"],
        "pagerduty": ["P EY JH ER D UW T IY"],
        "asynchronously": ["EY S IH NG K R AH N AH S L IY"],
        "synchronously": ["S IH NG K R AH N AH S L IY"],
        "bisect": ["B AY S EH K T"],
        "cardinality": ["K AA R D AH N AE L AH T IY"],
        "creds": ["K R EH D Z"],
        "deregistration": ["D IY R EH JH AH S T R EY SH AH N"],
        "distroless": ["D IH S T R OW L AH S"],
        "enqueues": ["EH N K Y UW Z"],
        "exfiltration": ["EH K S F IH L T R EY SH AH N"],
        "graviton": ["G R AE V IH T AA N"],
        "grep": ["G R EH P"],
        "gzipped": ["JH IY Z IH P T"],
        "idempotency": ["AY D EH M P OW T AH N S IY"],
        "init": ["IH N IH T"],
        "kubectl": ["K UW B K AH N T R OW L", "K UW B S IY T IY EH L"],
        "macie": ["M EY S IY"],
        "mariadb": ["M AA R IY AH D IY B IY"],
        "observability": ["AH B Z ER V AH B IH L AH T IY"],
        "rebalanced": ["R IY B AE L AH N S T"],
        "redrive": ["R IY D R AY V"],
        "repoint": ["R IY P OY N T"],
        "resizes": ["R IY S AY Z IH Z"],
        "resizing": ["R IY S AY Z IH NG"],
        "stateful": ["S T EY T F AH L"],
        "stickiness": ["S T IH K IY N AH S"],
        "transitive": ["T R AE N Z AH T IH V"],
        "unblocking": ["AH N B L AA K IH NG"],
        "unencrypted": ["AH N EH N K R IH P T IH D"],
        "uptime": ["AH P T AY M"],
        "vcpu": ["V IY S IY P IY Y UW"],
        "vcpus": ["V IY S IY P IY Y UW Z"],
        "zonal": ["Z OW N AH L"],
        "failover": ["F EY L OW V ER"],
        "subnet": ["S AH B N EH T"],
        "subnets": ["S AH B N EH T S"],
        "runbook": ["R AH N B UH K"],
        "runbooks": ["R AH N B UH K S"],
        "iterator": ["IH T ER EY T ER"],
        "parallelization": ["P EH R AH L AH L AH Z EY SH AH N"],
        "granularity": ["G R AE N Y AH L EH R AH T IY"],
        "immutability": ["IH M Y UW T AH B IH L AH T IY"],
        "initialization": ["IH N IH SH AH L AH Z EY SH AH N"],
        "postgresql": ["P OW S T G R EH S K Y UW EH L"],
        "gigabits": ["G IH G AH B IH T S"],
        "columnar": ["K AH L AH M N ER"],
        "dedupe": ["D IY D UW P"],
        "signup": ["S AY N AH P"],
        "django": ["JH AE NG G OW"],
        "nginx": ["EH N JH AH N EH K S"],
        "okta": ["AA K T AH"],
        "env": ["EH N V"],
        "splunk": ["S P L AH NG K"],
        "varchar": ["V AA R K AA R"],
        "untagged": ["AH N T AE G D"],
        "unassociated": ["AH N AH S OW S IY EY T IH D"],
        "ebextensions": ["IY B IY IH K S T EH N SH AH N Z"],
        "fstab": ["EH F S T AE B"],
        "nofail": ["N OW F EY L"],
        // API calls said the way they read, as one run of words.
        "getcalleridentity": ["G EH T K AO L ER AY D EH N T AH T IY"],
        "getsessiontoken": ["G EH T S EH SH AH N T OW K AH N"],
        "putbucketpolicy": ["P UH T B AH K AH T P AA L AH S IY"],
        "putmetricdata": ["P UH T M EH T R IH K D EY T AH"],
        "transactwriteitems": ["T R AE N Z AE K T R AY T AY T AH M Z"],
        "assumerolewithwebidentity": ["AH S UW M R OW L W IH DH W EH B AY D EH N T AH T IY"],
    ]

    /// Acronyms people say as one token; always spelled, even if cmudict reads them as a word.
    static let spelledAcronyms: Set<String> = [
        "aws", "vpc", "vpcs", "rds", "kms", "az", "azs", "sqs", "sns", "alb", "albs", "nlb", "nlbs", "elb",
        "ecs", "eks", "ecr", "efs", "ebs", "iam", "api", "apis", "sts", "ses", "ssm", "scp", "scps", "acm",
        "msk", "dms", "waf", "ami", "amis", "arn", "arns", "nacl", "nacls", "rpo", "rto", "ttl", "dlq",
        "mfa", "sso", "tls", "ssl", "cpu", "gpu", "dns", "sdk", "cli", "cdk", "eni", "enis", "gsi", "gsis",
        "asg", "asgs", "npm", "iot", "dkr", "pg", "gp", "emr", "fsx", "mq", "hsm", "hsms",
    ]

    init(cmudictPath: String) throws {
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
        for word in Self.neverWritten { entries[word] = nil }
    }

    /// Swear words and slurs the recognizer may not write. The general English model knows
    /// them, and in a noisy or robotic stretch it sometimes picks one ("the way i think about"
    /// came out as "where fuck about" in one benchmark voice): in a coach's transcript of an
    /// interview answer that is jarring and never what was meant. A word with no pronunciation
    /// cannot be decoded. The cost, a candidate who really swears gets another word, is
    /// acceptable here. Milder words ("crap", "hell", "damn") stay.
    static let neverWritten: Set<String> = [
        "fuck", "fuck's", "fucked", "fucked-up", "fucker", "fuckers", "fuckin", "fucking", "fucks",
        "motherfucker", "motherfucker's", "motherfuckers", "motherfucking",
        "shit", "shit's", "shithead", "shithole", "shitload", "shits", "shitstorm", "shitting", "shitty",
        "bullshit", "bullshitter", "bullshitting",
        "cunt", "cocksucker", "dickhead", "asshole", "assholes", "bitch", "bitches", "bitching", "bitchy",
        "twat", "twats", "wanker", "wankers", "whore", "whores", "slut", "sluts", "slutty",
        "faggot", "nigger", "nigger's", "niggers",
    ]

    /// What "um" sounds like.
    static let umPhones = "AH M"

    /// cmudict gives "i'm" a reduced second form, AH M, which is exactly "um". With it, a
    /// hesitation is one word or the other by the language model alone, and at the start of a
    /// phrase the model prefers "i'm": "um honestly I…" was written "i'm honestly I…" in every
    /// voice. A variant that sounds like "um" is dropped from a word that has another way of
    /// being said; the full form (AY M) stays. Words with no other form ("'em") keep theirs.
    private mutating func dropFillerSoundalikes() {
        for (word, prons) in entries where !FillerMerger.hesitations.contains(word) && prons.count > 1 {
            entries[word] = prons.filter { $0 != Self.umPhones }
        }
    }

    /// Adds pronunciations for every token the corpus uses; returns tokens it had to guess.
    mutating func cover(_ vocabulary: some Sequence<String>, acronyms: Set<String>) -> [String] {
        var guessed: [String] = []
        for word in vocabulary where !word.hasPrefix("<") {
            var prons = entries[word] ?? []
            for p in Self.handWritten[word] ?? [] where !prons.contains(p) { prons.append(p) }
            if Self.spelledAcronyms.contains(word) || (acronyms.contains(word) && prons.isEmpty) {
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
        if word.count > 2, word.hasSuffix("s"), Self.spelledAcronyms.contains(singular) || acronyms.contains(singular) {
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
            guard flushDigits(), let p = Self.letters[c] else { return nil }
            phones.append(p)
        }
        guard flushDigits(), !phones.isEmpty else { return nil }
        if plural { phones.append("Z") }
        return phones.joined(separator: " ")
    }

    /// A pronunciation built from cmudict words: an inflection of a known word, or a compound.
    func derive(_ word: String) -> String? {
        func known(_ w: String) -> String? { entries[w]?.first ?? Self.handWritten[w]?.first }
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
        // Compounds: the longest known first part with a known (or derivable) rest.
        let chars = Array(word)
        if chars.count >= 6 {
            for cut in stride(from: chars.count - 3, through: 3, by: -1) {
                let head = String(chars[..<cut]), tail = String(chars[cut...])
                if let h = known(head), let t = known(tail) { return h + " " + t }
            }
        }
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
