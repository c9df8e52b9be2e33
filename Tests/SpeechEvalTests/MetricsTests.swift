import Testing
@testable import SpeechEvaluation

@Suite struct WordErrorTests {
    @Test func countsEachKindOfError() {
        let e = WordErrors.align(reference: "we put s3 behind cloudfront".split(separator: " ").map(String.init),
                                 hypothesis: "we put has three behind".split(separator: " ").map(String.init))
        #expect(e.referenceWords == 5)
        #expect(e.errors == 3)
        #expect(e.rate == 0.6)
    }

    @Test func emptySides() {
        #expect(WordErrors.align(reference: [], hypothesis: ["a", "b"]).insertions == 2)
        #expect(WordErrors.align(reference: ["a", "b"], hypothesis: []).deletions == 2)
        #expect(WordErrors.align(reference: ["a"], hypothesis: ["a"]).errors == 0)
    }
}

@Suite struct FillerTruthTests {
    @Test func phrasesAreCountedOnce() {
        let c = FillerTruth.count(reference: "so um you know we basically i mean uh did it", listed: 5)
        #expect(c == ["um": 1, "you know": 1, "basically": 1, "i mean": 1, "uh": 1])
    }

    @Test func extraLikesAreOrdinaryWords() {
        let c = FillerTruth.count(reference: "um it looks like a queue and like it works", listed: 2)
        #expect(c == ["um": 1, "like": 1])
    }
}
