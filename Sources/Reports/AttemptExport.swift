import Foundation
import History

/// `rehearse export --format csv`: one row per attempt, oldest first, for spreadsheets.
public enum AttemptExport {
    public static let csvColumns = [
        "id", "createdAt", "questionId", "topic", "role", "recordingPath", "durationSeconds", "wordsPerMinute",
        "fillersPerMinute", "fillersPer100Words", "fillerCount", "longPauseCount", "wordCount", "partsPresent",
        "context", "choice", "tradeoff", "result", "score",
    ]

    public static func csv(_ attempts: [AttemptSummary]) -> String {
        let iso = ISO8601DateFormatter()
        var lines = [csvColumns.joined(separator: ",")]
        for a in attempts {
            let fields: [String] = [
                String(a.id), iso.string(from: a.createdAt), text(a.questionId), text(a.topic), text(a.role),
                text(a.recordingPath), number(a.durationSeconds), number(a.wordsPerMinute), number(a.fillersPerMinute),
                number(a.fillersPer100Words), String(a.fillerCount), String(a.longPauseCount), String(a.wordCount),
                String(a.partsPresent), flag(a.parts.context), flag(a.parts.choice), flag(a.parts.tradeoff),
                flag(a.parts.result), String(a.score),
            ]
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    static func flag(_ b: Bool) -> String { b ? "1" : "0" }

    /// A text cell. One that starts with =, +, - or @ (or a tab or carriage return, which some
    /// spreadsheets skip before reading a formula) gets a leading ' so it opens as text, not as
    /// a formula (OWASP's advice on CSV injection). Number cells are written by `number`.
    static func text(_ s: String?) -> String {
        guard let s, let first = s.unicodeScalars.first else { return "" }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + s : s
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
