import Foundation
import PocketSphinx
import Testing
import TestSupport
@testable import VoiceProfile

/// The stock model's sendump converted to mixture_weights (what bw and map_adapt read) must
/// be the same model: PocketSphinx decoding with only the converted weights hears the same words.
@Suite struct MixtureWeightsTests {
    static let stock = URL(fileURLWithPath: RecognizerModel.debianEnUS.acousticModel)

    @Test func sendumpReadsAsNormalisedDistributions() throws {
        let table = try MixtureWeights.readSendump(Self.stock.appendingPathComponent("sendump"))
        #expect(table.senones == 5126)
        #expect(table.streams == 3)
        #expect(table.codewords == 128)
        for d in stride(from: 0, to: table.weights.count, by: table.codewords * 997) {
            let sum = table.weights[d ..< d + table.codewords].reduce(0, +)
            #expect(abs(sum - 1) < 1e-4)
        }
        // What is written reads back the same.
        let dir = Fixtures.tempDirectory()
        let file = dir.appendingPathComponent("mixture_weights")
        try MixtureWeights.writeMixtureWeights(table, to: file)
        #expect(try MixtureWeights.readMixtureWeights(file) == table)
        // The data starts on a 4-byte boundary, as sphinxtrain's reader wants.
        let data = try Data(contentsOf: file)
        let end = data.range(of: Data("endhdr\n".utf8))!.upperBound
        #expect(end % 4 == 0)
    }

    @Test func notASendumpIsRefused() throws {
        let dir = Fixtures.tempDirectory()
        let file = dir.appendingPathComponent("sendump")
        try Data("hello, this is not a model".utf8).write(to: file)
        #expect(throws: (any Error).self) { try MixtureWeights.readSendump(file) }
    }

    @Test func decodingWithConvertedWeightsGivesTheStockWords() throws {
        let dir = Fixtures.tempDirectory().appendingPathComponent("converted")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in ["mdef", "means", "variances", "transition_matrices", "feat.params", "noisedict"] {
            try FileManager.default.copyItem(at: Self.stock.appendingPathComponent(file), to: dir.appendingPathComponent(file))
        }
        let table = try MixtureWeights.readSendump(Self.stock.appendingPathComponent("sendump"))
        try MixtureWeights.writeMixtureWeights(table, to: dir.appendingPathComponent("mixture_weights"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sendump").path))

        var converted = RecognizerModel.debianEnUS
        converted.acousticModel = dir.path
        let stockDecoder = try TakeDecoder(model: .debianEnUS)
        let convertedDecoder = try TakeDecoder(model: converted)
        let recordings = try FileManager.default.contentsOfDirectory(atPath: Fixtures.peer.appendingPathComponent("real-speech").path)
            .filter { $0.hasSuffix(".wav") }.sorted().prefix(3)
        #expect(recordings.count == 3)
        var words = 0
        for name in recordings {
            let path = Fixtures.peer.appendingPathComponent("real-speech/\(name)").path
            let stockWords = try stockDecoder.decode(path).words
            #expect(try convertedDecoder.decode(path).words == stockWords, "\(name)")
            words += stockWords.count
        }
        #expect(words > 20)
    }
}
