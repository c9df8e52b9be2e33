import Foundation
import Testing
import TestSupport

/// Issue 23 #9: the weaker cases each get a clear outcome.
@Suite("clear messages for odd set-ups", .serialized)
struct WeakerCaseTests {
    private let answer: String = {
        let path = Fixtures.tempDirectory().appendingPathComponent("answer.txt").path
        try! "We chose SQS over Kinesis because ordering did not matter; the cost was a second queue, and latency dropped 40 percent."
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    @Test func aCorruptRecognizerDescriptionDoesNotStopTypedAnswers() throws {
        let models = Fixtures.tempDirectory().appendingPathComponent("Models")
        try FileManager.default.copyItem(at: Fixtures.repo.appendingPathComponent("Models"), to: models)
        try Data("{ not json".utf8).write(to: models.appendingPathComponent("recognizer.json"))
        let run = try Fixtures.rehearse(["score", answer, "--no-save"], environment: ["REHEARSE_MODELS": models.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Score"))
    }

    @Test func aSilentRecordingIsNotCalledATypedAnswer() throws {
        let path = Fixtures.tempDirectory().appendingPathComponent("quiet.wav").path
        try Fixtures.sox(["-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", "3"])
        let run = try Fixtures.rehearse(["score", path, "--no-save"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("typed answer"), "\(run.stdout)")
        #expect(run.stdout.contains("no speech heard"))
    }

    @Test(arguments: ["dangling link", "file"])
    func takesThatIsNotAFolderGivesOneClearLine(kind: String) throws {
        let data = Fixtures.tempDirectory()
        let folder = data.appendingPathComponent("rehearse")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let takes = folder.appendingPathComponent("takes")
        if kind == "file" {
            try Data("x".utf8).write(to: takes)
        } else {
            try FileManager.default.createSymbolicLink(atPath: takes.path, withDestinationPath: data.appendingPathComponent("gone").path)
        }
        let run = try Fixtures.rehearse(["practice", "--question", "vpc-mid-private-outbound", "--device", "no-such-device", "--no-save"],
                                        environment: ["XDG_DATA_HOME": data.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(takes.path), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Error Domain"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
}
