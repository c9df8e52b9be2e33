import Foundation
import Testing
@testable import Analysis

/// The `score --json` contract (docs/report-schema.md): these names must not change.
@Suite("JSON contract")
struct ReportContractTests {
    private func json(_ report: AnswerReport) throws -> [String: Any] {
        let data = try JSONEncoder().encode(report)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("every contract key is present, for audio-like and typed input")
    func keys() throws {
        let timedReport = analyzer.analyze(
            words: evenlyTimed("um we chose sqs over kinesis because order did not matter and costs dropped by half"),
            source: .init(path: "a.wav", durationSeconds: 7, sampleRate: 16000, channels: 1, format: "WAV",
                          recognizer: "test", decodeSeconds: 1))
        for report in [timedReport, analyzer.analyze(text: "We chose SQS.")] {
            let j = try json(report)
            #expect(j["schemaVersion"] as? Int == 2)
            for key in ["source", "transcript", "pacing", "fillers", "structure", "services", "flags", "followUps", "score"] {
                #expect(j.keys.contains(key), "missing \(key)")
            }
            let transcript = try #require(j["transcript"] as? [String: Any])
            #expect(transcript["text"] is String)
            let word = try #require((transcript["words"] as? [[String: Any]])?.first)
            #expect(Set(word.keys) == ["text", "start", "end", "confidence", "isFiller"])
            let pacing = try #require(j["pacing"] as? [String: Any])
            for key in ["wordsPerMinute", "speakingSeconds", "pauses"] { #expect(pacing.keys.contains(key)) }
            let fillers = try #require(j["fillers"] as? [String: Any])
            for key in ["count", "perMinute", "per100Words", "byWord", "items"] { #expect(fillers.keys.contains(key)) }
            let structure = try #require(j["structure"] as? [String: Any])
            for part in ["context", "choice", "tradeoff", "result"] {
                let p = try #require(structure[part] as? [String: Any])
                for key in ["present", "evidence", "start", "end"] { #expect(p.keys.contains(key), "\(part).\(key)") }
            }
            let flags = try #require(j["flags"] as? [String: Any])
            for key in ["serviceDump", "definitionOnly", "volunteeredDownside", "measurableResult"] {
                #expect(flags[key] is Bool, "flags.\(key)")
            }
            let score = try #require(j["score"] as? [String: Any])
            #expect(score["overall"] is Int)
            #expect(score["parts"] is [String: Any])
        }
        let j = try json(timedReport)
        let source = try #require(j["source"] as? [String: Any])
        for key in ["path", "durationSeconds", "sampleRate", "channels"] { #expect(source.keys.contains(key)) }
        let fillerItem = try #require(((j["fillers"] as? [String: Any])?["items"] as? [[String: Any]])?.first)
        #expect(fillerItem["text"] as? String == "um" && fillerItem["start"] as? Double == 0)
    }

    @Test("a report survives an encode/decode round trip")
    func roundTrip() throws {
        let r = analyzer.analyze(words: evenlyTimed("we chose s3 the downside was cost and costs dropped by ten percent"))
        let back = try JSONDecoder().decode(AnswerReport.self, from: JSONEncoder().encode(r))
        #expect(back == r)
    }

    @Test("typed input encodes missing times as null, not absent")
    func nulls() throws {
        let j = try json(analyzer.analyze(text: "We chose SQS."))
        #expect(j["source"] is NSNull)
        let pacing = try #require(j["pacing"] as? [String: Any])
        #expect(pacing["wordsPerMinute"] is NSNull)
    }
}
