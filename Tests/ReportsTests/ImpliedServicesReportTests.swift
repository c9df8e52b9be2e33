import Analysis
import Foundation
import Testing
@testable import History
@testable import Reports

/// A service the answer describes without naming it is shown with one sentence to act on, in the
/// terminal and the HTML page, and it survives the JSON round trip the history makes.
@Suite struct ImpliedServicesReportTests {
    static let text = "Our exports kept timing out. I moved them into a bucket with a lifecycle rule instead of the NFS share."

    @Test func terminalAndHTMLAskForTheName() throws {
        let report = AnswerAnalyzer().analyze(text: Self.text)
        let implied = try #require(report.impliedServices.first)
        #expect(implied.service == "S3")
        let terminal = TerminalReport(style: Style(enabled: false)).render(report)
        #expect(terminal.contains("name it:"), "\(terminal)")
        #expect(terminal.contains("You described S3"))
        let html = HTMLReport().render(Attempt(report: report), waveform: .none)
        #expect(html.contains("Name it: S3"))
        #expect(html.contains("lifecycle rule"))
    }

    @Test func nothingShownWhenEveryServiceIsNamed() {
        let report = AnswerAnalyzer().analyze(text: "I moved the exports into an S3 bucket with a lifecycle rule.")
        #expect(report.impliedServices.isEmpty)
        #expect(!TerminalReport(style: Style(enabled: false)).render(report).contains("name it:"))
        #expect(!HTMLReport().render(Attempt(report: report), waveform: .none).contains("Name it:"))
    }

    @Test func jsonCarriesTheFieldAndOldReportsStillDecode() throws {
        let report = AnswerAnalyzer().analyze(text: Self.text)
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let implied = try #require(object["impliedServices"] as? [[String: Any]])
        #expect(implied.first?["service"] as? String == "S3")
        #expect(implied.first?["evidence"] as? String == "lifecycle rule")
        // A report saved before the field existed reads as having none.
        var old = object
        old.removeValue(forKey: "impliedServices")
        let decoded = try JSONDecoder().decode(AnswerReport.self, from: JSONSerialization.data(withJSONObject: old))
        #expect(decoded.impliedServices.isEmpty)
    }
}
