import Foundation
import Testing
import TestSupport

/// Issue 23 #2: every number option of every subcommand, walked through values a person might
/// mistype or a script might produce. None may trap; bad ones get one message naming the
/// option and its unit.
@Suite("number options", .serialized)
struct NumberOptionTests {
    /// Value names that mark an option as a number in the help text.
    static let numberValueNames: Set<String> = ["seconds", "threads", "attempts", "answers", "n"]
    static let hostile = ["nan", "inf", "-inf", "-1", "0", "1e15", "99999999999999999999"]

    /// Every `--option <unit>` in a subcommand's help whose value name is a number.
    private func numberOptions(_ subcommand: String) throws -> [(option: String, unit: String)] {
        let help = try Fixtures.rehearse([subcommand, "--help"])
        let regex = try NSRegularExpression(pattern: "^\\s+(--[a-z-]+) <([a-z]+)>", options: .anchorsMatchLines)
        let text = help.stdout as NSString
        return regex.matches(in: help.stdout, range: NSRange(location: 0, length: text.length)).compactMap { m in
            let unit = text.substring(with: m.range(at: 2))
            return Self.numberValueNames.contains(unit) ? (text.substring(with: m.range(at: 1)), unit) : nil
        }
    }

    private func subcommands() throws -> [String] {
        let help = try Fixtures.rehearse(["--help"])
        let section = help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        return section.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            return line.hasPrefix("  ") && !line.hasPrefix("   ") ? words.first.map(String.init) : nil
        }.filter { $0 != "help" }
    }

    /// Arguments that make a run with a valid number stop at once instead of recording or
    /// decoding: a missing input file, a device that does not exist.
    private func arguments(for subcommand: String) -> [String] {
        switch subcommand {
        case "score": return ["/nonexistent/answer.wav"]
        case "record": return ["/nonexistent/dir/take.wav", "--device", "no-such-device"]
        case "practice", "doctor": return ["--device", "no-such-device"]
        case "eval-asr", "eval-analyzer": return ["/nonexistent/manifest.json"]
        case "report": return ["1"]
        case "compare": return ["1", "2"]
        case "export": return ["--format", "csv"]
        default: return []
        }
    }

    @Test func everyNumberOptionRejectsBadValuesWithoutATrap() throws {
        var walked: [String] = []
        for subcommand in try subcommands() {
            for (option, unit) in try numberOptions(subcommand) {
                walked.append("\(subcommand) \(option)")
                for value in Self.hostile {
                    let run = try Fixtures.rehearse([subcommand] + arguments(for: subcommand) + [option, value],
                                                    environment: ["NO_COLOR": "1"])
                    let what = "\(subcommand) \(option) \(value)"
                    #expect(run.status < 128, "\(what) ended by a signal (\(run.status))")
                    #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("runtime failure")
                            && !run.stderr.contains("Stack dump"), "\(what): \(run.stderr)")
                    #expect(!run.stderr.contains("Missing value"), "\(what) read as a missing value: \(run.stderr)")
                    if value != "0" {
                        // Every hostile value but zero is out of range for every option here.
                        #expect(run.status == 64, "\(what) was accepted (status \(run.status)): \(run.stderr)")
                        #expect(run.stderr.contains(option), "\(what): the message names the option: \(run.stderr)")
                        if unit != "n" { #expect(run.stderr.contains(unit), "\(what): the message names the unit: \(run.stderr)") }
                    }
                }
            }
        }
        for required in ["record --max", "record --silence", "practice --max", "practice --silence", "practice --count-in",
                         "score --jobs", "history --limit", "eval-asr --jobs", "eval-asr --limit", "eval-asr --skip"] {
            #expect(walked.contains(required), "\(required) was not found in the help: \(walked)")
        }
    }

    @Test func anInvalidMaxLeavesNoTakeBehind() throws {
        let dir = Fixtures.tempDirectory()
        for value in ["nan", "inf", "1e15"] {
            let take = dir.appendingPathComponent("take-\(value).wav").path
            let record = try Fixtures.rehearse(["record", take, "--max", value, "--device", "no-such-device"])
            #expect(record.status == 64, "\(record.stderr)")
            #expect(!FileManager.default.fileExists(atPath: take))
            let data = dir.appendingPathComponent("data-\(value)")
            let practice = try Fixtures.rehearse(["practice", "--max", value, "--device", "no-such-device"],
                                                 environment: ["XDG_DATA_HOME": data.path])
            #expect(practice.status == 64, "\(practice.stderr)")
            let takes = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("rehearse/takes").path)) ?? []
            #expect(takes.isEmpty, "practice left \(takes)")
        }
    }
}
