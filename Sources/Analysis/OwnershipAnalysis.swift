/// Counts "I" against "we". On ownership questions ("tell me about something you owned") an
/// answer told entirely as "we" leaves the interviewer guessing what the speaker did.
enum OwnershipAnalysis {
    static func measure(tokens: [String], question: Question?, cues: CompiledCues) -> AnswerReport.Ownership {
        let i = tokens.filter { cues.ownershipI.contains($0) }.count
        let we = tokens.filter { cues.ownershipWe.contains($0) }.count
        let asked = question?.kind == .ownership
        return .init(iCount: i, weCount: we, mostlyWe: asked && we >= 3 && we >= 2 * max(i, 1))
    }
}
