import Testing
@testable import VoiceProfile

@Suite struct TakeCheckTests {
    let prompt = "we store user sessions in dynamodb with a short ttl".split(separator: " ").map(String.init)
    let others = [
        "the quick brown fox jumped over the lazy dog near the river",
        "please check the weather before you drive to the mountains",
    ].map { $0.split(separator: " ").map(String.init) }

    func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }

    @Test func alignmentCountsErrorsAndWordsInOrder() {
        let a = WordAlignment(reference: words("a b c d"), hypothesis: words("a x c d e"))
        #expect(a.errors == 2)
        #expect(a.hits == 3)
        let shifted = WordAlignment(reference: words("she bought bread and cheese"), hypothesis: words("they said that we and close"))
        #expect(shifted.hits == 1)   // "and", though the edit distance lines it up with nothing
        #expect(WordAlignment(reference: [], hypothesis: words("a b")).errors == 2)
        #expect(WordAlignment(reference: words("a b"), hypothesis: []).errors == 2)
    }

    @Test func aClearReadingIsGood() {
        let c = TakeCheck(prompt: prompt, heard: words("we store user sessions in dynamo db with a short ttl"), speechSeconds: 3, others: others)
        #expect(c.verdict == .good)
        #expect(c.matched == 9)
    }

    @Test func silenceAndHesitationsAreNoSpeech() {
        #expect(TakeCheck(prompt: prompt, heard: [], speechSeconds: 0, others: others).verdict == .silent)
        #expect(TakeCheck(prompt: prompt, heard: ["um", "uh"], speechSeconds: 0.8, others: others).verdict == .silent)
    }

    @Test func anotherSentenceReadIsAMisread() {
        let c = TakeCheck(prompt: prompt, heard: words("please check the weather before you drive in the mountains"), speechSeconds: 3, others: others)
        #expect(c.verdict == .misread)
        #expect(c.explanation.contains("heard"))
        #expect(TakeCheck(prompt: prompt, heard: words("hello there"), speechSeconds: 1, others: others).verdict == .misread)
    }

    @Test func speechThatIsNoSentenceAndABurstTooShortForTheSentenceAreRefused() {
        // The check's grammar hears nothing in speech that is none of the sentences.
        let unheard = TakeCheck(prompt: prompt, heard: [], speechSeconds: 2.5, others: others)
        #expect(unheard.verdict == .misread)
        #expect(unheard.explanation == "heard sound, but none of the sentences")
        // A knock the grammar heard as the sentence: 0.6 s cannot hold ten words.
        let knock = TakeCheck(prompt: prompt, heard: prompt, speechSeconds: 0.6, others: others)
        #expect(knock.verdict == .tooShort)
        #expect(TakeCheck(prompt: prompt, heard: prompt, speechSeconds: 2.2, others: others).verdict == .good)
    }

    @Test func aPoorlyHeardReadingThatFitsNoOtherSentenceIsKept() {
        // What a reverberant room does to a correct reading under the unadapted model.
        let c = TakeCheck(prompt: prompt, heard: words("we saw her stations and dynamodb was a sort"), speechSeconds: 3, others: others)
        #expect(c.matched < 4)
        #expect(c.verdict == .good)
    }
}
