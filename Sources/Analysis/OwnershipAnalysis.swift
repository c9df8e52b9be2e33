/// Counts "I" against "we". On ownership questions ("tell me about something you owned") an
/// answer told entirely as "we" leaves the interviewer guessing what the speaker did.
enum OwnershipAnalysis {
    static func measure(tokens: [String], question: Question?, cues: CompiledCues) -> AnswerReport.Ownership {
        let i = tokens.filter { cues.ownershipI.contains($0) }.count
        let we = tokens.filter { cues.ownershipWe.contains($0) }.count
        let asked = question?.kind == .ownership
        return .init(iCount: i, weCount: we, mostlyWe: asked && we >= 3 && we >= 2 * max(i, 1))
    }

    /// How many things the speaker says they did: "I" or "we" with a verb in the past within the
    /// next two words ("we quickly rolled back", "I took"). An answer about a service in general
    /// ("ECS starts new tasks", "I'd recommend") tells none, however many services it names.
    static func storyEvents(tokens: [String], cues: CompiledCues) -> Int {
        var events = 0
        for (i, token) in tokens.enumerated() where cues.storySubjects.contains(token) {
            let next = tokens[(i + 1)..<min(tokens.count, i + 3)]
            if next.contains(where: cues.isPastVerb) {
                events += 1
            }
        }
        return events
    }
}
