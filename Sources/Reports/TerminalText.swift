import Foundation

/// Text that came from a person or a file (a transcript, a file name, the question bank) is
/// shown with its control characters written out, so it can never drive the terminal: `ESC ] 0`
/// (window title), `ESC ] 52` (clipboard), `ESC [2J` (clear screen) appear as `\e]0;…`, and a
/// newline in a file name cannot split a row. JSON output is not touched: the encoder already
/// writes control characters as `\u001b`.
public enum TerminalText {
    /// One field: every control character escaped, newlines and tabs included.
    public static func field(_ s: String) -> String { escape(s, keepLayout: false) }

    /// A rendered page: control characters escaped except the newlines and tabs that lay it
    /// out and the colour codes `Style` writes itself.
    public static func page(_ s: String) -> String { escape(s, keepLayout: true) }

    /// Prints `page(s)` to standard output.
    public static func print(_ s: String) { Swift.print(page(s)) }

    static func escape(_ s: String, keepLayout: Bool) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if keepLayout, c == "\n" || c == "\t" { out.append(c); i += 1; continue }
            if keepLayout, c == "\u{1B}", let length = styleSequenceLength(scalars, at: i) {
                out.append(contentsOf: scalars[i..<i + length])
                i += length
                continue
            }
            if isControl(c) { out.append(contentsOf: visible(c).unicodeScalars) } else { out.append(c) }
            i += 1
        }
        return String(out)
    }

    /// C0 controls, DEL and the C1 controls (U+0080–U+009F, which some terminals obey as escapes).
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value)
    }

    static func visible(_ c: Unicode.Scalar) -> String {
        switch c {
        case "\u{1B}": return "\\e"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        default: return c.value < 0x100 ? String(format: "\\x%02x", c.value) : String(format: "\\u%04x", c.value)
        }
    }

    /// The SGR codes `Style` writes (`ESC [ 1 m`, `ESC [ 36 m`, `ESC [ 0 m`...): an escape, `[`,
    /// one or two digits, `m`.
    static let styleCodes: Set<String> = ["0", "1", "2", "31", "32", "33", "34", "35", "36"]

    static func styleSequenceLength(_ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 2 < scalars.count, scalars[i + 1] == "[" else { return nil }
        var j = i + 2
        var code = ""
        while j < scalars.count, j - i <= 4, ("0"..."9").contains(scalars[j]) { code.unicodeScalars.append(scalars[j]); j += 1 }
        guard j < scalars.count, scalars[j] == "m", styleCodes.contains(code) else { return nil }
        return j - i + 1
    }
}

extension StandardError {
    /// A one-line message: every control character escaped, newlines included.
    public static func line(_ s: String) {
        FileHandle.standardError.write(Data((TerminalText.field(s) + "\n").utf8))
    }
}
