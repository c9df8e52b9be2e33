import Analysis
import Foundation
import Testing
import TestSupport
@testable import History

/// The built `rehearse` binary against a scratch XDG_DATA_HOME.
@Suite struct CommandLineTests {
    let dir: TemporaryDirectory
    let answer: String

    init() throws {
        dir = try TemporaryDirectory()
        answer = dir.path("answer.txt")
        try Samples.answerText.write(toFile: answer, atomically: true, encoding: .utf8)
    }

    func rehearse(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
        try ChildProcess.run("rehearse", arguments, environment: ["XDG_DATA_HOME": dir.url.path])
    }

    @Test func scoreSavesAndHistoryListsTheAttemptAsJSON() throws {
        let scored = try rehearse("score", answer, "--json")
        #expect(scored.status == 0, "\(scored.err)")
        #expect(scored.err.contains("saved as attempt 1"))
        #expect(try rehearse("score", answer, "--no-save").status == 0)
        #expect(try rehearse("score", answer).status == 0)

        let listed = try rehearse("history", "--json")
        #expect(listed.status == 0, "\(listed.err)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]])
        #expect(items.count == 2) // --no-save kept nothing
        #expect(items.map { $0["id"] as? Int } == [2, 1]) // newest first
        for key in ["id", "createdAt", "questionId", "durationSeconds", "wordsPerMinute", "fillersPerMinute", "score"] {
            #expect(items[0].keys.contains(key), "history --json lacks \(key)")
        }
        #expect(items[0]["questionId"] is NSNull) // a typed answer to no particular question
        #expect(ISO8601DateFormatter().date(from: items[0]["createdAt"] as? String ?? "") != nil)

        // The stored report is the `score --json` contract, byte for byte.
        let reported = try rehearse("report", "1", "--json")
        #expect(reported.status == 0, "\(reported.err)")
        #expect(reported.out == scored.out)
        let decoded = try JSONDecoder().decode(AnswerReport.self, from: Data(reported.out.utf8))
        #expect(decoded.structure.presentCount == 4 && decoded.transcript.words.count == Samples.answerText.split(separator: " ").count)

        let table = try rehearse("history")
        #expect(table.out.contains("answer.txt") || table.out.contains("typed answer"))
        #expect(table.out.split(separator: "\n").count == 3)
    }

    @Test func reportWritesAnHTMLFileAndCompareAndExportWork() throws {
        _ = try rehearse("score", answer)
        _ = try rehearse("score", answer)
        let page = dir.path("report.html")
        let written = try rehearse("report", "latest", "--html", page)
        #expect(written.status == 0, "\(written.err)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("attempt #2"))
        #expect(!html.contains("https://") && !html.contains("http://"))

        let compared = try rehearse("compare", "1", "2")
        #expect(compared.status == 0, "\(compared.err)")
        #expect(compared.out.contains("#1") && compared.out.contains("#2") && compared.out.contains("Trade-off"))
        let itself = try rehearse("compare", "2", "latest")
        #expect(itself.status == 1 && itself.out.isEmpty)
        #expect(itself.err.contains("both are attempt #2"), "\(itself.err)")

        let csv = try rehearse("export", "--format", "csv")
        let lines = csv.out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("id,createdAt,questionId,") == true)
        let json = try rehearse("export", "--format", "json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(items.count == 2 && items[0]["report"] is [String: Any])

        let progress = try rehearse("progress", "--json")
        #expect(progress.status == 0, "\(progress.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(progress.out.utf8)) as? [String: Any])
        #expect(summary["attempts"] as? Int == 2)

        let missing = try rehearse("report", "99")
        #expect(missing.status == 1)
        #expect(missing.err.contains("no attempt with id 99"))
    }

    @Test func corruptDatabaseGivesOneLineNamingItAndScoringCanSkipIt() throws {
        let path = dir.databasePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let junk = Data("this is not a database, it is a shopping list\n".utf8) + Data(repeating: 7, count: 2000)
        try junk.write(to: URL(fileURLWithPath: path))
        for command in [["history"], ["progress"], ["report", "latest"], ["score", answer]] {
            let run = try ChildProcess.run("rehearse", command, environment: ["XDG_DATA_HOME": dir.url.path])
            #expect(run.status == 1, "\(command)")
            let lines = run.err.split(separator: "\n")
            #expect(lines.count == 1, "\(command): \(run.err)")
            #expect(run.err.contains(path), "\(command): \(run.err)")
        }
        #expect(try rehearse("score", answer, "--no-save").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
    }

    @Test func twoRehearseProcessesScoringAtOnceBothSave() throws {
        let runs = try (0..<2).map { _ in
            try ChildProcess("/bin/sh", ["-c", "for i in 1 2 3 4 5; do \"$0\" score \"$1\" >/dev/null || exit 1; done",
                                    ChildProcess.executable("rehearse").path, answer],
                             environment: ["XDG_DATA_HOME": dir.url.path])
        }
        for run in runs {
            let result = run.finish()
            #expect(result.status == 0, "\(result.err)")
        }
        #expect(try AppDatabase(path: dir.databasePath).count() == 10)
    }
}
