import Foundation

/// Wrong beliefs about a service that are wrong whatever was asked (Models/misconceptions.json):
/// "SNS delivers every message exactly once", "Lambda bills in hundred-millisecond steps". A
/// question's own misconceptions catch what candidates get wrong answering it; these catch the
/// same belief said in an answer to any question, or to none, as long as the answer names what
/// the belief is about. So each needs a `bound` claim, and each of its phrases names a subject
/// (`BankLint.problems(in:bank:rules:)`).
public struct CommonMisconceptions: Sendable, Hashable {
    public var misconceptions: [Misconception]

    public init(_ misconceptions: [Misconception] = []) { self.misconceptions = misconceptions }

    private struct File: Decodable { var misconceptions: [Misconception] }

    public init(contentsOf url: URL) throws(QuestionBankError) {
        do { misconceptions = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).misconceptions } catch {
            throw QuestionBankError(file: url.path, reason: LexiconError.describe(error))
        }
    }

    /// Models/misconceptions.json from the Models folder `ModelsDirectory` finds, read once. A
    /// Models folder without the file has no common list (`questions --check` says so).
    public static let standard: Result<CommonMisconceptions, QuestionBankError> = Result { () throws(QuestionBankError) in
        guard let models = ModelsDirectory.locate() else { return CommonMisconceptions() }
        let url = models.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return CommonMisconceptions() }
        return try CommonMisconceptions(contentsOf: url)
    }

    public static let fileName = "misconceptions.json"
}

extension ContentCoverage {
    /// This coverage with the common wrong claims the answer states added, each once, and none
    /// where the question's own list already caught a claim in the same words.
    func adding(_ common: CommonMisconceptions, text: KeyPointMatcher.Text, matcher: KeyPointMatcher) -> ContentCoverage {
        var out = self
        for m in common.misconceptions {
            guard let match = matcher.statement(of: m, in: text),
                  !out.misconceptions.contains(where: { $0.claim == m.claim || $0.range?.overlaps(match.range) == true })
            else { continue }
            out.misconceptions.append(.init(text: text, range: match.range, claim: m.claim, correction: m.correction,
                                            point: m.bound?.subject.first ?? "", common: true))
        }
        return out
    }
}
