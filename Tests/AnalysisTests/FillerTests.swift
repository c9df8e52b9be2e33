import Testing
@testable import Analysis

@Suite("Fillers")
struct FillerTests {
    private func fillers(_ text: String) -> [String] {
        analyzer.analyze(text: text).fillers.items.map(\.text)
    }

    @Test("hesitations and discourse fillers are counted", arguments: [
        ("um we chose sqs", ["um"]), ("uh the queue", ["uh"]), ("er so hmm", ["er", "hmm"]),
        ("it was basically a cache", ["basically"]), ("we actually moved it", ["actually"]),
        ("the bill, you know, doubled", ["you know"]), ("i mean the bill doubled", ["i mean"]),
        ("no way to do that i mean i ended up scanning", ["i mean"]),
    ])
    func counted(text: String, expected: [String]) {
        #expect(fillers(text) == expected)
    }

    @Test("the filler note names a word only when it is most of them")
    func mostlyNote() {
        // Fillers are scored on recordings, so the words carry times.
        let note = { (text: String) in analyzer.analyze(words: evenlyTimed(text)).score.parts["fillers"]?.note ?? "" }
        #expect(note("um we uh chose um sqs uh because um it was simple").contains("mostly \"um\""))
        #expect(!note("rds is um a relational database that supports uh mysql").contains("mostly"))
    }

    @Test("'like' is a filler only where it carries nothing", arguments: [
        ("it was like really slow", true),
        ("we had like three queues", true),
        ("so like we moved it", true),
        ("I'd like to add one thing", false),
        ("languages like Python are fine", false),
        ("services like S3 and EFS", false),
        ("it looks like a permissions issue", false),
        ("we would like more headroom", false),
        ("something like that", false),
        ("so i like ran a restore drill", true),
        ("we like took the old cluster down", true),
        ("i like the main thing", false),
        ("we like managed services", false),
        ("on our team like before me nobody checked", true),
        ("a queue like the one we had", false),
    ])
    func like(text: String, isFiller: Bool) {
        #expect(fillers(text).contains("like") == isFiller, "\(text)")
    }

    @Test("'you know' and 'I mean' inside a sentence are not fillers", arguments: [
        "do you know how the route table works", "what I mean is the subnet was private", "I mean to fix it",
        "that is the bucket that I mean", "the subnet which I mean is private", "what I mean we should do is wait",
    ])
    func notFillers(text: String) {
        #expect(fillers(text).isEmpty, "\(text)")
    }

    @Test("rates per minute and per 100 words, by word, with times")
    func rates() {
        // 9 words, 2 of them fillers; span 9*0.4-0.1 = 3.5 s
        let words = evenlyTimed("um we chose sqs um because it was simpler")
        let r = analyzer.analyze(words: words)
        #expect(r.fillers.count == 2)
        #expect(r.fillers.byWord == ["um": 2])
        #expect(r.fillers.per100Words == 22.22)
        #expect(abs(r.fillers.perMinute! - 2 / 3.5 * 60) < 0.05)
        #expect(r.fillers.items[1].start == 1.6)
        #expect(r.transcript.words.filter(\.isFiller).count == 2)
    }

    @Test("each filler says which recognizer pass found it; typed text has none")
    func sources() {
        var words = evenlyTimed("um we chose sqs uh basically because it was simpler")
        words[4].source = "kws"
        let heard = analyzer.analyze(words: words).fillers.items
        #expect(heard.map(\.text) == ["um", "uh", "basically"])
        #expect(heard.map(\.source) == ["lm", "kws", "lm"])
        let typed = analyzer.analyze(text: "um we chose sqs uh because it was simpler").fillers.items
        #expect(typed.count == 2 && typed.allSatisfy { $0.source == nil })
    }
}
