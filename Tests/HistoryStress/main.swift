// Test support for HistoryTests: a second process that writes to a history database, so the
// tests can run writers side by side and kill one with SIGKILL part-way through a save.
//
//   HistoryStress save DB COUNT [GO]  save COUNT attempts, printing each new id; with GO, open the
//                                   database first and start saving once the file GO exists
//   HistoryStress loop DB          save until killed, printing each new id
//   HistoryStress die-mid-save DB  insert an attempt, then SIGKILL itself before committing
//   HistoryStress seed DB COUNT    add COUNT varied attempts over past weeks (for timing history
//                                  and progress on a big database)
//   HistoryStress words DB WORDS.json RECORDING SECONDS [TOPIC ROLE]
//                                  save an attempt from hand-timed words ([{text,start,end}]) for a
//                                  real recording: a known-good report to look at in the HTML page
import Analysis
import Foundation
import GRDB
import History

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: HistoryStress save|loop|die-mid-save DB [COUNT]\n".utf8))
    exit(2)
}
let mode = arguments[1], path = arguments[2]
let report = AnswerAnalyzer().analyze(text: """
    Our API kept timing out at peak traffic, so we moved the hot reads to DynamoDB instead of RDS. \
    The trade-off is eventual consistency. Latency dropped from 800 to 120 milliseconds.
    """)

func announce(_ id: Int64?) {
    // Unbuffered, so the parent sees each id as soon as it is committed.
    FileHandle.standardOutput.write(Data("\(id.map(String.init) ?? "nil")\n".utf8))
}

do {
    switch mode {
    case "save":
        let database = try AppDatabase(path: path)
        if arguments.count > 4 {
            while !FileManager.default.fileExists(atPath: arguments[4]) { usleep(2_000) }
        }
        for _ in 0..<(Int(arguments.count > 3 ? arguments[3] : "1") ?? 1) {
            announce(try database.save(Attempt(report: report)).id)
        }
    case "loop":
        let database = try AppDatabase(path: path)
        while true { announce(try database.save(Attempt(report: report)).id) }
    case "die-mid-save":
        _ = try AppDatabase(path: path) // schema in place
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            var attempt = Attempt(report: report)
            try attempt.insert(db)
            announce(attempt.id)
            kill(getpid(), SIGKILL)
        }
    case "seed":
        try seed(path: path, count: Int(arguments.count > 3 ? arguments[3] : "10000") ?? 10_000)
    case "words":
        guard arguments.count >= 6, let seconds = Double(arguments[5]) else { throw StressError("words needs WORDS.json RECORDING SECONDS") }
        struct TimedWord: Decodable { var text: String; var start: Double; var end: Double }
        let timed = try JSONDecoder().decode([TimedWord].self, from: Data(contentsOf: URL(fileURLWithPath: arguments[3])))
        let source = AnswerReport.SourceInfo(path: arguments[4], durationSeconds: seconds, sampleRate: 16_000, channels: 1,
                                             format: "WAV", recognizer: "hand-timed", decodeSeconds: 0)
        var attempt = Attempt(report: AnswerAnalyzer().analyze(words: timed.map { Word($0.text, start: $0.start, end: $0.end) },
                                                               source: source))
        if arguments.count >= 8 { attempt.topic = arguments[6]; attempt.role = arguments[7] }
        announce(try AppDatabase(path: path).save(attempt).id)
    default:
        FileHandle.standardError.write(Data("HistoryStress: unknown mode \(mode)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("HistoryStress: \(error)\n".utf8))
    exit(1)
}

struct StressError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Attempts that look like months of practice: several topics and roles, timed words, a full
/// report each, figures that drift the way practice moves them.
func seed(path: String, count: Int) throws {
    _ = try AppDatabase(path: path)
    let pool = try DatabasePool(path: path)
    let topics = ["lambda", "s3", "dynamodb", "vpc", "iam", "rds", "ecs", "cloudwatch"]
    let roles = ["beginner", "mid", "senior"]
    let answers = [
        "So the problem was, um, our checkout API kept timing out at peak traffic every Black Friday.",
        "We chose DynamoDB instead of RDS for the cart because the access pattern was simple key lookups.",
        "The trade-off is eventual consistency, like, and we can't run ad hoc joins anymore.",
        "As a result p99 latency dropped from 800 to 120 milliseconds and we saved 40 percent.",
        "Basically Lambda is serverless and it scales, you know, it is really powerful and best in class.",
    ]
    let start = Date().addingTimeInterval(-Double(count) * 600)
    var generator = SystemRandomNumberGenerator()
    var made = 0
    while made < count {
        try pool.write { db in
            for _ in 0..<min(500, count - made) {
                let i = made
                let sentences = answers.shuffled(using: &generator).prefix(Int.random(in: 2...5, using: &generator))
                let pace = Double.random(in: 0.28...0.5, using: &generator)
                var t = 0.5
                var words: [Word] = []
                for word in sentences.joined(separator: " ").split(separator: " ") {
                    words.append(Word(String(word), start: t, end: t + pace * 0.8))
                    t += pace + (Int.random(in: 0..<25, using: &generator) == 0 ? 1.8 : 0)
                }
                let source = AnswerReport.SourceInfo(path: "/recordings/take-\(i).wav", durationSeconds: t + 0.5,
                                                     sampleRate: 16_000, channels: 1, format: "WAV", recognizer: "seed",
                                                     decodeSeconds: 0)
                var attempt = Attempt(report: AnswerAnalyzer().analyze(words: words, source: source),
                                      createdAt: start.addingTimeInterval(Double(i) * 600))
                attempt.topic = topics[i % topics.count]
                attempt.role = roles[(i / topics.count) % roles.count]
                attempt.questionId = "\(attempt.topic!)-\(attempt.role!)-q\(i % 5)"
                try attempt.insert(db)
                made += 1
            }
        }
    }
    announce(Int64(made))
}
