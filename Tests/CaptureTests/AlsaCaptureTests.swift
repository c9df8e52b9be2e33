import AudioFiles
import Foundation
import Testing
import TestSupport

/// Real capture through ALSA: the built `rehearse` records from the `file`-plugin microphone.
@Suite("ALSA capture through the file plugin", .serialized)
struct AlsaCaptureTests {
    @Test("the captured WAV holds exactly the samples the microphone served")
    func capturedMatchesInput() throws {
        let input = try Fixtures.samples("Audio/known-pause.wav")
        let mic = try TestMicrophone(.file(input))
        let take = mic.directory.appendingPathComponent("take.wav")
        let seconds = Double(input.count) / 16_000
        let run = try RehearseProcess.run(["record", take.path, "--device", mic.deviceName, "--max", "\(seconds)"],
                                          environment: mic.environment, in: mic.directory)
        #expect(run.status == 0, "\(run.stderr)")
        let reader = try SpeechAudioReader(path: take.path)
        #expect(reader.format.sampleRate == 16_000 && reader.format.channels == 1)
        #expect(reader.format.frames == Int64(input.count))
        let captured = try Fixtures.wavSamples(take)
        #expect(captured.count == input.count)
        let same = captured == input
        #expect(same, "first difference at sample \(captured.indices.first { captured[$0] != input[$0] } ?? -1)")
        #expect(run.stderr.contains("stopped: time limit reached"))
    }

    @Test("`rehearse devices` lists the test microphone as arecord -L would")
    func devicesListed() throws {
        let mic = try TestMicrophone(.file(Fixtures.silence(0.1)))
        let run = try RehearseProcess.run(["devices"], environment: mic.environment, in: mic.directory)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex(of: "rehearsemic"), "\(run.stdout)")
        #expect(lines[at + 1].trimmingCharacters(in: .whitespaces) == "Rehearse test microphone")
    }

    @Test("an unknown device is one line naming the devices that exist, and leaves no file")
    func unknownDevice() throws {
        let mic = try TestMicrophone(.file(Fixtures.silence(0.1)))
        let take = mic.directory.appendingPathComponent("take.wav")
        let run = try RehearseProcess.run(["record", take.path, "--device", "nosuchmic", "--max", "1"],
                                          environment: mic.environment, in: mic.directory)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("rehearse: no capture device \"nosuchmic\" — available: "))
        #expect(run.stderr.contains("rehearsemic"))
        #expect(!FileManager.default.fileExists(atPath: take.path))
    }

    @Test("a signal mid-take leaves a valid WAV holding every sample captured so far",
          arguments: [SIGINT, SIGTERM])
    func signalMidTake(signo: Int32) throws {
        let input = try Fixtures.samples("Audio/strong-answer.wav")
        let mic = try TestMicrophone(.fifo)
        let take = mic.directory.appendingPathComponent("take.wav")
        let child = try RehearseProcess(["record", take.path, "--device", mic.deviceName],
                                        environment: mic.environment, in: mic.directory)
        let feeder = FifoFeeder(fifo: mic.infile, samples: input)
        // Wait until the WAV on disk (header rewritten every block) says 1.5 s are in.
        let deadline = Date().addingTimeInterval(20)
        var framesBeforeSignal: Int64 = 0
        while Date() < deadline {
            if let reader = try? SpeechAudioReader(path: take.path), reader.format.frames >= 24_000 {
                framesBeforeSignal = reader.format.frames
                break
            }
            usleep(20_000)
        }
        #expect(framesBeforeSignal >= 24_000, "the take never grew on disk")
        kill(child.process.processIdentifier, signo)
        let status = child.wait(timeout: 10)
        feeder.wait()
        #expect(status == 0, "\(child.stderr)")
        #expect(child.stderr.contains("stopped: interrupted"))

        let reader = try SpeechAudioReader(path: take.path)
        let captured = try Fixtures.wavSamples(take)
        #expect(Int64(captured.count) == reader.format.frames, "header and data disagree")
        #expect(Int64(captured.count) >= framesBeforeSignal)
        // Real time: the take ended within a moment of the signal, not at the end of the input.
        #expect(captured.count < input.count / 2)
        let prefix = captured == Array(input.prefix(captured.count))
        #expect(prefix, "the take is not the input's opening")
    }

    @Test("--silence ends the take that long after the speech stops")
    func endpointing() throws {
        let speech = try Fixtures.samples("Audio/definition-answer.wav")
        let input = Fixtures.silence(0.5) + speech + Fixtures.silence(8)
        let mic = try TestMicrophone(.fifo)
        let take = mic.directory.appendingPathComponent("take.wav")
        let child = try RehearseProcess(["record", take.path, "--device", mic.deviceName, "--silence", "1.2", "--max", "30"],
                                        environment: mic.environment, in: mic.directory)
        let feeder = FifoFeeder(fifo: mic.infile, samples: input)
        let status = child.wait(timeout: 30)
        feeder.wait()
        #expect(status == 0, "\(child.stderr)")
        #expect(child.stderr.contains("stopped: silence after speech"), "\(child.stderr)")
        let captured = try Fixtures.wavSamples(take)
        // Where the speech really ends: the last loud sample of the input.
        let speechEnd = Double(input.lastIndex { abs(Int($0)) > 300 }!) / 16_000
        let duration = Double(captured.count) / 16_000
        #expect(duration > speechEnd + 1.0 && duration < speechEnd + 1.6,
                "take \(duration) s, speech ended at \(speechEnd) s")
    }
}
