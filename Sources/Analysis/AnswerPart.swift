/// The four parts of a strong answer.
public enum AnswerPart: String, Codable, Sendable, CaseIterable, Hashable {
    case context, choice, tradeoff, result

    public var title: String {
        switch self {
        case .context: return "Context"
        case .choice: return "Choice"
        case .tradeoff: return "Trade-off"
        case .result: return "Result"
        }
    }
}
