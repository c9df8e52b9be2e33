import Analysis
import Foundation
import Testing
import TestSupport
@testable import History
@testable import Reports

@Suite struct HTMLReportTests {
    /// A 16 kHz mono 16-bit WAV with a tone that swells and fades, so the waveform has a shape.
    static func writeWAV(_ path: String, seconds: Double) throws {
        let rate = 16_000, frames = Int(seconds * Double(rate))
        var pcm = Data(capacity: frames * 2)
        for i in 0..<frames {
            let envelope = sin(Double(i) / Double(frames) * .pi)
            let sample = Int16(envelope * 12_000 * sin(Double(i) * 2 * .pi * 220 / Double(rate)))
            withUnsafeBytes(of: sample.littleEndian) { pcm.append(contentsOf: $0) }
        }
        var wav = Data("RIFF".utf8)
        func le32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { wav.append(contentsOf: $0) } }
        func le16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { wav.append(contentsOf: $0) } }
        le32(36 + pcm.count); wav.append(Data("WAVEfmt ".utf8)); le32(16); le16(1); le16(1)
        le32(rate); le32(rate * 2); le16(2); le16(16); wav.append(Data("data".utf8)); le32(pcm.count)
        wav.append(pcm)
        try wav.write(to: URL(fileURLWithPath: path))
    }

    static func page(recording: String?) throws -> (String, Attempt) {
        var report = Samples.report(recordingPath: recording ?? "/nonexistent/take.wav")
        if recording == nil { report.source = nil }
        var attempt = Attempt(report: report, question: Samples.question)
        attempt.id = 42
        return (HTMLReport().render(attempt, waveform: Waveform.load(for: attempt)), attempt)
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func pageHasPartsFillersPausesAudioAndNoExternalURLs() throws {
        let dir = try TemporaryDirectory()
        let wav = dir.path("take one.wav")
        let duration = Samples.report().source!.durationSeconds
        try Self.writeWAV(wav, seconds: duration)
        let (html, attempt) = try Self.page(recording: wav)
        let report = attempt.report

        for part in AnswerPart.allCases {
            #expect(html.contains("class=\"band part-\(part.rawValue)\""), "no band for \(part)")
            #expect(html.contains("<li class=\"part part-\(part.rawValue)\">"), "no structure item for \(part)")
        }
        #expect(Self.count("<line class=\"filler\"", in: html) == report.fillers.items.count)
        #expect(Self.count("<button class=\"mark filler-mark", in: html) == report.fillers.items.count)
        #expect(Self.count("<mark class=\"w", in: html) == report.transcript.words.filter(\.isFiller).count)
        #expect(Self.count("<rect class=\"pause-long\"", in: html) == report.pacing.longPauseCount)
        #expect(html.contains("<path class=\"wave\""))
        #expect(html.contains("<rect class=\"band-ok\""))
        #expect(html.contains("<polyline class=\"pace-line\""))
        // The player plays the file from disk, spaces and all.
        #expect(html.contains("<audio id=\"audio\" controls preload=\"metadata\" src=\"file://\(dir.url.path)/take%20one.wav\""))
        // Every timed word seeks.
        #expect(Self.count(" data-t=\"", in: html) >= report.transcript.words.count)
        for followUp in report.followUps { #expect(html.contains(HTMLReport.escape(followUp))) }

        // Self-contained: nothing to fetch.
        for banned in ["http://", "https://", "src=\"//", "<link", "<script src", "url(", "@import"] {
            #expect(!html.contains(banned), "page refers outside itself: \(banned)")
        }
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(Self.count("<section", in: html) == Self.count("</section>", in: html))
        #expect(Self.count("<svg", in: html) == 2 && Self.count("</svg>", in: html) == 2)
    }

    @Test func missingRecordingIsNotedAndTheReportStillRenders() throws {
        let (html, attempt) = try Self.page(recording: "/nonexistent/gone.wav")
        #expect(Waveform.load(for: attempt) == .missing(path: "/nonexistent/gone.wav"))
        #expect(html.contains("The recording is gone"))
        #expect(html.contains("/nonexistent/gone.wav"))
        #expect(!html.contains("<audio"))
        #expect(!html.contains("<path class=\"wave\""))
        // Without audio the timeline draws where words were spoken.
        #expect(html.contains("<rect class=\"speech\""))
        #expect(html.contains("class=\"band part-result\""))
    }

    @Test func headerNamesTheFileOnce() throws {
        func header(_ attempt: Attempt) throws -> String {
            let html = HTMLReport().render(attempt, waveform: .missing(path: attempt.recordingPath ?? ""))
            let start = try #require(html.range(of: "<header class=\"top\">"))
            let end = try #require(html.range(of: "</header>", range: start.upperBound..<html.endIndex))
            return String(html[start.upperBound..<end.lowerBound])
        }
        let asked = try header(Attempt(report: Samples.report(recordingPath: "/takes/take-7.wav", question: Samples.question),
                                   question: Samples.question))
        #expect(asked.contains("<h1>\(HTMLReport.escape(Samples.question.prompt))</h1>"))
        #expect(Self.count("take-7.wav", in: asked) == 1)
        let unasked = try header(Attempt(report: Samples.report(recordingPath: "/takes/take-7.wav")))
        #expect(unasked.contains("<h1>Answer: take-7.wav</h1>"))
        #expect(Self.count("take-7.wav", in: unasked) == 1)
        // Nothing to put under the heading: no empty line of small print either.
        #expect(asked.contains("<p class=\"muted\">"))
        #expect(!unasked.contains("<p class=\"muted\">"))
    }

    @Test func typedAnswerHasNoTimelineButKeepsTheRest() throws {
        var attempt = Attempt(report: AnswerAnalyzer().analyze(text: Samples.answerText))
        attempt.id = 3
        let html = HTMLReport().render(attempt, waveform: Waveform.load(for: attempt))
        #expect(html.contains("A typed answer has no word times"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<audio"))
        #expect(html.contains("<mark class=\"w filler\">um,</mark>"))
        #expect(Self.count("<li class=\"part part-", in: html) == 4)
    }

    @Test func textIsEscaped() throws {
        var report = AnswerAnalyzer().analyze(text: "We chose <script>alert(1)</script> & \"quoted\" things.")
        report.followUps = ["Why <b>not</b> S3?"]
        let html = HTMLReport().render(Attempt(report: report), waveform: .none)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("Why &lt;b&gt;not&lt;/b&gt; S3?"))
    }

    @Test func waveformPeaksAreNormalisedPerBucket() {
        let samples: [Int16] = [0, 100, -200, 50, 0, 0, 1000, -4000]
        #expect(Waveform.peaks(samples, buckets: 4) == [0.025, 0.05, 0, 1])
        #expect(Waveform.peaks([], buckets: 4).isEmpty)
    }

    @Test func progressPageHasAChartPerMetricAndNoExternalURLs() {
        let attempts = (0..<12).map { i in
            Samples.attemptSummary(i, score: 50 + i * 3, fillers: 8 - Double(i) * 0.5, wpm: 100 + Double(i) * 4,
                                          topic: i.isMultiple(of: 2) ? "s3" : "lambda")
        }
        let html = ProgressHTML().render(ProgressAnalysis().summarize(attempts))
        #expect(Self.count("<section class=\"card metric\">", in: html) == Metric.allCases.count)
        #expect(Self.count("<polyline class=\"trend\"", in: html) == Metric.allCases.count)
        #expect(html.contains("<rect class=\"band-ok\""))
        #expect(html.contains("Score by topic"))
        #expect(html.contains("<span class=\"better\">+"))
        for banned in ["http://", "https://", "<link", "<script src", "url("] { #expect(!html.contains(banned)) }
    }

    @Test func keyPointsAndFixesAreOnThePage() throws {
        var question = Samples.question
        question.keyPoints = [
            .init(point: "Access patterns are known key lookups", phrases: ["key lookups"]),
            .init(point: "Joins and ad hoc queries favour RDS", phrases: ["foreign keys"]),
        ]
        // The sample answer says "key lookups" at its 26th word and never "foreign keys".
        let report = AnswerAnalyzer(question: question).analyze(words: Samples.timedWords())
        var attempt = Attempt(report: report, question: question)
        attempt.id = 7
        let html = HTMLReport().render(attempt, waveform: .none)
        let start = try #require(report.coverage?.hit.first?.start)
        #expect(html.contains("<h2>Key points: 1 of 2</h2>"))
        #expect(html.contains("<li class=\"good\"><b>✓ Access patterns are known key lookups</b> <span class=\"muted small\">heard \"key lookups\"</span> <button class=\"time\" data-t=\"\(HTMLReport.num(start))\">"))
        #expect(html.contains("<li class=\"bad\"><b>✗ Joins and ad hoc queries favour RDS</b></li>"))

        // A dump has fixes; each is listed under "Fix first" with its topic.
        let dump = AnswerAnalyzer().analyze(words: Samples.timedWords("We used SQS, SNS, EventBridge, Lambda and DynamoDB."))
        let dumpHTML = HTMLReport().render(Attempt(report: dump, question: nil), waveform: .none)
        #expect(!dump.feedback.isEmpty)
        #expect(dumpHTML.contains("<h3>Fix first</h3>"))
        for fix in dump.feedback { #expect(dumpHTML.contains("<li><b>\(fix.topic)</b>: ")) }
        #expect(!HTMLReport().render(Attempt(report: dump, question: nil), waveform: .none).contains("Key points"))
    }
}
