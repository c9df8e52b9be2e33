/// Every flag the analyzer can raise, described once: how the labelled set names it, how the
/// reports title it, whether raising it is good news, and where its evidence is. The detector
/// sets the values; renderers, the feedback and the evaluation read them through this table.
public enum AnswerFlag: String, CaseIterable, Sendable {
    case volunteeredDownside, measurableResult, serviceDump, definitionOnly, mostlyWe, marketing, hedging

    /// How a report reads: a good flag is shown whether raised or not; a fault only when raised.
    public enum Kind: Sendable { case strength, fault, warning }

    public var kind: Kind {
        switch self {
        case .volunteeredDownside, .measurableResult: return .strength
        case .serviceDump, .definitionOnly: return .fault
        case .mostlyWe, .marketing, .hedging: return .warning
        }
    }

    /// The label's name in the labelled sets (`Tests/Data/analyzer-eval*`); nil when unlabelled.
    public var label: String? { self == .mostlyWe ? nil : rawValue }

    /// The feedback's topic when the flag costs the answer.
    public var topic: String {
        switch self {
        case .volunteeredDownside: return "trade-off"
        case .measurableResult: return "measured result"
        case .serviceDump: return "service dump"
        case .definitionOnly: return "definition"
        case .mostlyWe: return "ownership"
        case .marketing: return "marketing words"
        case .hedging: return "hedging"
        }
    }

    /// A short title for the terminal ("service dump") and a longer one for the HTML page.
    public func title(raised: Bool, long: Bool = false) -> String {
        switch (self, raised) {
        case (.volunteeredDownside, true): return long ? "Volunteered a downside" : "downside volunteered"
        case (.volunteeredDownside, false): return long ? "No downside volunteered" : "no downside"
        case (.measurableResult, true): return long ? "Measurable result" : "measurable result"
        case (.measurableResult, false): return long ? "No measured result" : "no measured result"
        case (.serviceDump, _): return long ? "Service dump: many services, little reasoning" : "service dump"
        case (.definitionOnly, _): return long ? "Definition only: says what, not why" : "definition only"
        case (.mostlyWe, _): return long ? "Mostly \"we\": say what you did" : "mostly \"we\""
        case (.marketing, _): return long ? "Marketing words" : "marketing words"
        case (.hedging, _): return long ? "Hedging" : "hedging"
        }
    }

    public func isRaised(in flags: AnswerReport.Flags) -> Bool {
        switch self {
        case .volunteeredDownside: return flags.volunteeredDownside
        case .measurableResult: return flags.measurableResult
        case .serviceDump: return flags.serviceDump
        case .definitionOnly: return flags.definitionOnly
        case .mostlyWe: return flags.mostlyWe
        case .marketing: return flags.marketingLanguage
        case .hedging: return flags.hedging
        }
    }

    /// The words that raised it, as a report quotes them (`limit` phrases of a list).
    public func evidence(in report: AnswerReport, limit: Int = 3) -> String? {
        let e = report.evidence
        switch self {
        case .volunteeredDownside: return e.volunteeredDownside
        case .measurableResult: return e.measurableResult
        case .serviceDump: return e.serviceDump
        case .definitionOnly: return e.definitionOnly
        case .mostlyWe: return "\(report.ownership.weCount) we / \(report.ownership.iCount) I"
        case .marketing: return e.marketingLanguage.isEmpty ? nil : e.marketingLanguage.prefix(limit).joined(separator: ", ")
        case .hedging: return e.hedging.isEmpty ? nil : e.hedging.prefix(limit).joined(separator: ", ")
        }
    }

    /// What a report lists for an answer, in order: strengths either way, faults and warnings
    /// only when raised.
    public static func shown(in report: AnswerReport) -> [(flag: AnswerFlag, raised: Bool)] {
        // The decision-story flags judge stories; an answer judged by another rubric (a concept,
        // a diagnosis, a follow-up) is not marked down for lacking a downside or a number, and a
        // definition is what a concept question asks for. Reports from before the rubrics keep them.
        let story = report.rubric.map { $0.kind == .ownership } ?? true
        return allCases.compactMap { flag in
            if !story, [.volunteeredDownside, .measurableResult, .definitionOnly].contains(flag) { return nil }
            let raised = flag.isRaised(in: report.flags)
            return flag.kind == .strength || raised ? (flag, raised) : nil
        }
    }
}
