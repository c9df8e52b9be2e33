// Test support for HistoryTests: a second process that writes to a history database, so the
// tests can run writers side by side and kill one with SIGKILL part-way through a save.
//
//   HistoryStress save DB COUNT [GO]  save COUNT attempts, printing each new id; with GO, open the
//                                   database first and start saving once the file GO exists
//   HistoryStress loop DB          save until killed, printing each new id
//   HistoryStress die-mid-save DB  insert an attempt, then SIGKILL itself before committing
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
    default:
        FileHandle.standardError.write(Data("HistoryStress: unknown mode \(mode)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("HistoryStress: \(error)\n".utf8))
    exit(1)
}
