/// Splits a stream of 16 kHz mono audio into utterances at silences, so the decoder works on
/// bounded chunks: memory stays flat and a ten-minute answer decodes like a short one.
///
/// Feed blocks of any size with `append`; it returns the utterances that closed. `finish`
/// returns whatever is still open. Silence between utterances is never decoded.
public struct UtteranceSegmenter: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Silence that closes an utterance. Shorter than a sentence break but longer than
        /// the gaps between words, so the language model keeps its context inside phrases.
        public var splitSilence: Double = 0.6
        /// Audio kept before the first speech frame, so soft onsets ("s", "f") are not clipped.
        public var preRoll: Double = 0.3
        /// Audio kept after the last speech frame.
        public var postRoll: Double = 0.3
        /// An utterance with no long enough silence is cut at its quietest point after this long.
        public var maxUtterance: Double = 30
        /// Shorter bursts of "speech" (clicks, bumps) are dropped.
        public var minSpeech: Double = 0.08

        public init() {}
    }

    public var configuration: Configuration
    public var vad = EnergyVAD()

    private let frame = EnergyVAD.frameSamples
    private var partial: [Int16] = []
    private var position = 0                       // samples classified so far
    private var idleTail: [Int16] = []             // recent non-speech audio, for pre-roll
    private var current: [Int16] = []
    private var currentStart = 0
    private var frameLevels: [Double] = []         // one per frame of `current`
    private var speechFrames = 0
    private var lastSpeechFrameEnd = 0             // in samples, within `current`
    private var silenceRun = 0                     // frames

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// True while an utterance is open (speech heard and not yet closed by silence).
    public var inSpeech: Bool { !current.isEmpty }

    private func frames(_ seconds: Double) -> Int { Int((seconds * 100).rounded()) }

    public mutating func append(_ block: [Int16]) -> [Utterance] {
        var closed: [Utterance] = []
        partial.append(contentsOf: block)
        var offset = 0
        while partial.count - offset >= frame {
            let samples = partial[offset..<offset + frame]
            offset += frame
            if let utterance = consume(samples) { closed.append(utterance) }
        }
        partial.removeFirst(offset)
        return closed
    }

    public mutating func finish() -> [Utterance] {
        var closed: [Utterance] = []
        if !partial.isEmpty {
            let rest = partial
            partial = []
            if let u = consume(rest[...]) { closed.append(u) }
        }
        if let u = close(cutAt: min(current.count, lastSpeechFrameEnd + frames(configuration.postRoll) * frame)) {
            closed.append(u)
        }
        return closed
    }

    private mutating func consume(_ samples: ArraySlice<Int16>) -> Utterance? {
        let level = EnergyVAD.level(samples)
        let speech = vad.isSpeech(level: level)
        defer { position += samples.count }
        if current.isEmpty {
            guard speech else {
                idleTail.append(contentsOf: samples)
                let keep = frames(configuration.preRoll) * frame
                if idleTail.count > keep * 2 { idleTail.removeFirst(idleTail.count - keep) }
                return nil
            }
            let keep = min(idleTail.count, frames(configuration.preRoll) * frame)
            current = Array(idleTail.suffix(keep))
            frameLevels = [Double](repeating: -100, count: (keep + frame - 1) / frame)
            currentStart = position - keep
            idleTail = []
            speechFrames = 0
            silenceRun = 0
        }
        current.append(contentsOf: samples)
        frameLevels.append(level)
        if speech {
            speechFrames += 1
            silenceRun = 0
            lastSpeechFrameEnd = current.count
        } else {
            silenceRun += 1
        }
        if silenceRun >= frames(configuration.splitSilence) {
            return close(cutAt: min(current.count, lastSpeechFrameEnd + frames(configuration.postRoll) * frame))
        }
        if current.count >= Int(configuration.maxUtterance * Double(SpeechAudio.sampleRate)) {
            return close(cutAt: quietestCut())
        }
        return nil
    }

    /// The start of the quietest 100 ms in the last five seconds of the open utterance.
    private func quietestCut() -> Int {
        let window = 10
        let searchFrom = max(1, frameLevels.count - 500)
        var best = frameLevels.count - 1, bestLevel = Double.infinity
        var i = searchFrom
        while i + window <= frameLevels.count {
            let level = frameLevels[i..<i + window].reduce(0, +)
            if level < bestLevel { bestLevel = level; best = i + window / 2 }
            i += 1
        }
        return min(current.count, best * frame)
    }

    /// Emits `current[0..<cut]` and keeps the rest as the start of the idle tail.
    private mutating func close(cutAt cut: Int) -> Utterance? {
        guard !current.isEmpty else { return nil }
        let utterance = Utterance(samples: Array(current[0..<cut]), startSample: currentStart)
        let keepsSpeech = speechFrames >= frames(configuration.minSpeech)
        let remainder = Array(current[cut...])
        let remainderLevels = Array(frameLevels[min(frameLevels.count, cut / frame)...])
        let remainderStart = currentStart + cut
        current = []
        frameLevels = []
        speechFrames = 0
        silenceRun = 0
        lastSpeechFrameEnd = 0
        // A forced cut inside speech: the remainder is the start of the next utterance.
        if remainderLevels.contains(where: { $0 >= (vad.noiseFloor ?? -100) + vad.marginDecibels }) {
            current = remainder
            currentStart = remainderStart
            frameLevels = remainderLevels
            speechFrames = remainderLevels.count
            lastSpeechFrameEnd = remainder.count
        } else {
            idleTail = remainder
        }
        return keepsSpeech && cut > 0 ? utterance : nil
    }
}
