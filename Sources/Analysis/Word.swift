/// One word of an answer: from the recognizer (with times and confidence) or from typed text
/// (without). The analyzer's only input, so everything about scoring is testable from text.
public struct Word: Codable, Sendable, Hashable {
    public var text: String
    public var start: Double?
    public var end: Double?
    public var confidence: Double?
    /// Which recognizer pass heard a hesitation: "lm" (the transcript), "kws" (keyword
    /// spotting), "lm+kws" (both). Nil for ordinary words and typed text.
    public var source: String?

    public init(_ text: String, start: Double? = nil, end: Double? = nil, confidence: Double? = nil,
                source: String? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.confidence = confidence
        self.source = source
    }
}

/// A normalised token the rules look at. A written "40%" becomes "40" and "percent";
/// "multi-AZ" becomes "multi" and "az". Each token remembers the word it came from (for times)
/// and whether punctuation or a pause ended a phrase after it.
struct Token: Hashable, Sendable {
    var text: String
    var wordIndex: Int
    var start: Double?
    var end: Double?
    var breakAfter: Bool
    /// A full stop, question mark, semicolon or colon (not just a comma) ends the phrase.
    var sentenceEnd: Bool = false
}
