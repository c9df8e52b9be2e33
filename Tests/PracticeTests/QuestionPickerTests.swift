import Analysis
import Foundation
import Pipeline
import Practice
import Reports
import Testing

@Suite("Question picker")
struct QuestionPickerTests {
    private func bank(_ ids: [String]) throws -> QuestionBank {
        let json = "[" + ids.map { id in
            """
            {"id":"\(id)","role":"mid","topic":"vpc","kind":"concept","prompt":"p","targetSeconds":60,
             "keyPoints":[{"point":"k","phrases":["k"]}],"pitfalls":["t"],"followUps":[{"text":"f"}],"services":[]}
            """
        }.joined(separator: ",") + "]"
        return QuestionBank(questions: try JSONDecoder().decode([Question].self, from: Data(json.utf8)))
    }

    @Test("a seed repeats the order; without history it is only the seed that decides")
    func seeded() throws {
        let b = try bank((1...12).map { "q\($0)" })
        var first = QuestionPicker(bank: b, seed: 42), second = QuestionPicker(bank: b, seed: 42)
        let a = (0..<12).compactMap { _ in first.next()?.id }, c = (0..<12).compactMap { _ in second.next()?.id }
        #expect(a == c && Set(a).count == 12)
        #expect(QuestionPicker(bank: b, seed: 7).remaining.map(\.id) != a)
    }

    @Test("once there is history: never practised first, then the fewest attempts, then the weakest")
    func leastPractisedThenWeakest() throws {
        let b = try bank(["a", "b", "c", "d"])
        let history: [String: QuestionPicker.Record] = [
            "a": .init(attempts: 2, meanScore: 40), "b": .init(attempts: 1, meanScore: 90),
            "c": .init(attempts: 1, meanScore: 55),
        ]
        let order = QuestionPicker(bank: b, seed: 1, history: history).remaining.map(\.id)
        #expect(order == ["d", "c", "b", "a"])
    }
}
