import Analysis
import Foundation
import Testing

@Suite struct NullEncodedTests {
    struct Sample: Codable, Hashable {
        @NullEncoded var start: Double?
        var name: String
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func nilIsWrittenAsNullAndAValueAsItself() throws {
        #expect(try json(Sample(start: nil, name: "a")) == #"{"name":"a","start":null}"#)
        #expect(try json(Sample(start: 1.5, name: "a")) == #"{"name":"a","start":1.5}"#)
    }

    @Test func nullAndAMissingKeyBothReadAsNil() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Sample.self, from: Data(#"{"name":"a","start":null}"#.utf8)).start == nil)
        #expect(try decoder.decode(Sample.self, from: Data(#"{"name":"a"}"#.utf8)).start == nil)
        #expect(try decoder.decode(Sample.self, from: Data(#"{"name":"a","start":2}"#.utf8)).start == 2)
    }
}
