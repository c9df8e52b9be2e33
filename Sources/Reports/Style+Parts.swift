import Analysis

extension Style {
    /// Each part of an answer keeps one colour in the terminal and in the HTML report.
    public func part(_ part: AnswerPart, _ s: String) -> String {
        switch part {
        case .context: return ansi(s, "36")
        case .choice: return ansi(s, "34")
        case .tradeoff: return ansi(s, "35")
        case .result: return ansi(s, "32")
        }
    }

    func ansi(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
