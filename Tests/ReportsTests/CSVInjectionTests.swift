import Foundation
import Testing
import TestSupport
@testable import History
@testable import Reports

/// Issue 23 #7: a text cell a spreadsheet would run as a formula is written as text.
@Suite struct CSVInjectionTests {
    @Test func cellsStartingWithAFormulaCharacterGetAQuote() throws {
        var a = Samples.attemptSummary(1, score: 70, fillers: 1, wpm: 140)
        a.questionId = "=HYPERLINK(\"http://x\",\"q\")"
        a.topic = "+1"
        a.role = "-2+3"
        a.recordingPath = "@SUM(A1:A9).wav"
        let csv = AttemptExport.csv([a])
        let row = try #require(csv.split(separator: "\n").last.map(String.init))
        #expect(row.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"q\"\")\""), "\(row)")
        #expect(row.contains(",'+1,'-2+3,'@SUM(A1:A9).wav,"), "\(row)")
        // Figures are numbers, not text: they keep their sign and get no quote.
        #expect(AttemptExport.number(-1.5) == "-1.5")
        #expect(!row.contains("'7") && row.hasSuffix(",70"))
    }

    @Test func ordinaryTextIsUnchanged() {
        #expect(AttemptExport.text("lambda-mid-cold-start") == "lambda-mid-cold-start")
        #expect(AttemptExport.text(nil) == "")
        #expect(AttemptExport.text("\tcmd") == "'\tcmd")
    }
}
