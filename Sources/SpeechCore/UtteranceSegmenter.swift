/// Splits a stream of 16 kHz mono audio into utterances at silences, so the decoder works on
/// bounded chunks: memory stays flat and a ten-minute answer decodes like a short one.
///
/// One segmenter serves files and live takes alike. Fed with `stream`, it says as early as it
/// safely can what belongs to an utterance (`SegmentEvent`), so a live take is decoded while it
/// is spoken; `append` gathers the same events into whole utterances for files. Audio is held
/// back only where a later decision could still cut it off: the silence after the last speech
/// beyond the post-roll, and the last five seconds before a forced cut of a long utterance.
/// Silence between utterances is never decoded.
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
    private var emitted = 0                        // samples of `current` already streamed
    private var events: [SegmentEvent] = []
    private var gathered: [Int16] = []             // `append`: the open utterance's streamed audio
    private var gatheredStart = 0

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// True while an utterance is open (speech heard and not yet closed by silence).
    public var inSpeech: Bool { !current.isEmpty }

    private func frames(_ seconds: Double) -> Int { Int((seconds * 100).rounded()) }

    /// Feeds audio; returns what is now known about utterances, in order.
    public mutating func stream(_ block: [Int16]) -> [SegmentEvent] {
        partial.append(contentsOf: block)
        var offset = 0
        while partial.count - offset >= frame {
            let samples = partial[offset..<offset + frame]
            offset += frame
            consume(samples)
        }
        partial.removeFirst(offset)
        emitSafeAudio()
        return takeEvents()
    }

    /// The end of the audio: closes what is open.
    public mutating func finishStream() -> [SegmentEvent] {
        if !partial.isEmpty {
            let rest = partial
            partial = []
            consume(rest[...])
        }
        close(cutAt: min(current.count, lastSpeechFrameEnd + frames(configuration.postRoll) * frame))
        return takeEvents()
    }

    /// Feeds audio; returns the utterances that closed (for files: whole utterances).
    public mutating func append(_ block: [Int16]) -> [Utterance] { gather(stream(block)) }

    /// Returns whatever was still open.
    public mutating func finish() -> [Utterance] { gather(finishStream()) }

    private mutating func gather(_ events: [SegmentEvent]) -> [Utterance] {
        var closed: [Utterance] = []
        for event in events {
            switch event {
            case .began(let start): gathered = []; gatheredStart = start
            case .audio(let samples): gathered.append(contentsOf: samples)
            case .ended(let keep):
                if keep { closed.append(Utterance(samples: gathered, startSample: gatheredStart)) }
                gathered = []
            }
        }
        return closed
    }

    private mutating func takeEvents() -> [SegmentEvent] {
        defer { events = [] }
        return events
    }

    /// Streams the open utterance's audio up to the first sample a later cut could still drop.
    private mutating func emitSafeAudio() {
        guard !current.isEmpty else { return }
        let forcedCutFloor = Int(configuration.maxUtterance * Double(SpeechAudio.sampleRate)) - 500 * frame
        let safe = min(current.count, lastSpeechFrameEnd + frames(configuration.postRoll) * frame, max(0, forcedCutFloor))
        if safe > emitted {
            events.append(.audio(Array(current[emitted..<safe])))
            emitted = safe
        }
    }

    private mutating func consume(_ samples: ArraySlice<Int16>) {
        let level = EnergyVAD.level(samples)
        let speech = vad.isSpeech(level: level)
        defer { position += samples.count }
        if current.isEmpty {
            guard speech else {
                idleTail.append(contentsOf: samples)
                let keep = frames(configuration.preRoll) * frame
                if idleTail.count > keep * 2 { idleTail.removeFirst(idleTail.count - keep) }
                return
            }
            let keep = min(idleTail.count, frames(configuration.preRoll) * frame)
            current = Array(idleTail.suffix(keep))
            frameLevels = [Double](repeating: -100, count: (keep + frame - 1) / frame)
            currentStart = position - keep
            idleTail = []
            speechFrames = 0
            silenceRun = 0
            emitted = 0
            events.append(.began(startSample: currentStart))
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
            close(cutAt: min(current.count, lastSpeechFrameEnd + frames(configuration.postRoll) * frame))
        } else if current.count >= Int(configuration.maxUtterance * Double(SpeechAudio.sampleRate)) {
            close(cutAt: quietestCut())
        }
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

    /// Ends the utterance at `current[cut]` (streaming what is left of it) and keeps the rest
    /// as the start of the idle tail, or of the next utterance after a forced cut.
    private mutating func close(cutAt cut: Int) {
        guard !current.isEmpty else { return }
        if cut > emitted { events.append(.audio(Array(current[emitted..<cut]))) }
        let keepsSpeech = speechFrames >= frames(configuration.minSpeech)
        events.append(.ended(keep: keepsSpeech && cut > 0))
        let remainder = Array(current[cut...])
        let remainderLevels = Array(frameLevels[min(frameLevels.count, cut / frame)...])
        let remainderStart = currentStart + cut
        current = []
        frameLevels = []
        speechFrames = 0
        silenceRun = 0
        lastSpeechFrameEnd = 0
        emitted = 0
        // A forced cut inside speech: the remainder is the start of the next utterance.
        if remainderLevels.contains(where: { $0 >= (vad.noiseFloor ?? -100) + vad.marginDecibels }) {
            current = remainder
            currentStart = remainderStart
            frameLevels = remainderLevels
            speechFrames = remainderLevels.count
            lastSpeechFrameEnd = remainder.count
            events.append(.began(startSample: currentStart))
        } else {
            idleTail = remainder
        }
    }
}

/// What the segmenter knows about utterances, in the order it learns it.
public enum SegmentEvent: Sendable, Hashable {
    /// Speech started; the utterance's first sample (pre-roll included) in the whole stream.
    case began(startSample: Int)
    /// More of the open utterance, exactly as recorded.
    case audio([Int16])
    /// The utterance ended; `keep` is false for a click or bump too short to be speech.
    case ended(keep: Bool)
}
