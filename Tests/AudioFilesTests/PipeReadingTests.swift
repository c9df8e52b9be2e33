import AudioFiles
import Foundation
import Testing

@Suite("Reading a child process's pipe")
struct PipeReadingTests {
    @Test("reads everything a child writes, in pieces, past one buffer")
    func readsToEnd() throws {
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "for i in 1 2 3 4 5; do head -c 50000 /dev/zero; sleep 0.02; done"]
        let pipe = Pipe()
        writer.standardOutput = pipe
        try writer.run()
        let data = pipe.fileHandleForReading.readAllRetryingInterrupts()
        writer.waitUntilExit()
        #expect(data.count == 250_000)
        #expect(data.allSatisfy { $0 == 0 })
    }
}
