import Foundation

/// Spectral noise reduction in front of the recognizer, for steady background noise (a fan,
/// air conditioning, a laptop's hum). PocketSphinx's acoustic model was trained on clean
/// speech, and its own `-remove_noise` leaves enough of a 15–20 dB noise floor that it
/// substitutes words and starts emitting "uh" where it cannot hear; filtering the audio first
/// took the benchmark's noisy word error rate from 0.34 to 0.28 and its CPU time down by a
/// quarter (docs/recognizer.md, "Background noise").
///
/// Two parts, both streaming so live capture can use them as the answer is spoken:
/// `NoiseTracker` watches all the audio, silences included, and keeps the average spectrum
/// of its quietest frames; `NoiseFilter` cleans one utterance with the log-spectral MMSE
/// estimator (Ephraim and Malah, 1985) against that spectrum, with a decision-directed
/// a-priori SNR and a gain floor so the noise is lowered rather than gated to silence.
/// `NoiseReducer` runs the two for a transcriber, counts what it filtered, and measures on the
/// same frames whether the audio reaches above 4 kHz (`BandwidthMeter`).
public enum NoiseReduction {
    /// Samples per analysis frame (32 ms at 16 kHz) and the step between frames (8 ms).
    public static let frameLength = 512
    public static let hop = 128
    static let bins = frameLength / 2 + 1

    /// Periodic Hann window; at a quarter-frame hop its squares add up to 1.5 everywhere.
    static let window: [Double] = (0..<frameLength).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(frameLength)) }
    static let overlapGain = 1.5

    /// Power spectrum of one windowed frame (`frame.count == frameLength`).
    static func powerSpectrum(_ frame: ArraySlice<Double>) -> (re: [Double], im: [Double], power: [Double]) {
        var re = [Double](repeating: 0, count: frameLength)
        var im = [Double](repeating: 0, count: frameLength)
        var i = 0
        for x in frame { re[i] = x * window[i]; i += 1 }
        FFT.shared.transform(&re, &im, inverse: false)
        var power = [Double](repeating: 0, count: bins)
        for k in 0..<bins { power[k] = re[k] * re[k] + im[k] * im[k] }
        return (re, im, power)
    }
}

/// Keeps an estimate of the background noise's power spectrum: the running average of the
/// frames whose energy is among the quietest tenth heard so far. Feed it every sample of the
/// recording, silences included.
///
/// It only offers an estimate when the quiet frames look like steady noise: the quietest fifth
/// of all frames lie within `steadySpread` of each other. A fan or hum gives such a plateau
/// (2–7 dB over the benchmark's 204 noisy recordings); a person reading without pauses does
/// not (8–17 dB in PocketSphinx's LibriVox clips, whose quietest frames are soft speech), and
/// filtering against soft speech taken for noise cost a third of one clip's words.
public struct NoiseTracker: Sendable {
    /// Share of frames, quietest first, taken as noise.
    public var quietShare = 0.1
    /// After this many noise frames the average becomes exponential, so it follows noise that
    /// changes (a fan starting) over about this many noise frames (roughly 15 s of audio).
    public var memory = 50
    /// Frames needed before there is an estimate at all (about a third of a second).
    public var minimumFrames = 10
    /// Widest spread, in dB, between the 2nd and 20th percentile frame levels that still counts
    /// as a steady noise floor.
    public var steadySpread = 8.0

    private var cutter = PowerFrames()
    private var histogram = [Int](repeating: 0, count: NoiseTracker.levels)
    private var frames = 0
    private var noiseFrames = 0
    private var average = [Double](repeating: 0, count: NoiseReduction.bins)

    /// Frame energies are counted in quarter-decibel steps from 0 to 200 dB.
    private static let levels = 800

    public init() {}

    /// The noise power per FFT bin; nil while too little audio has been heard or when there is
    /// no steady noise floor to remove.
    public var noisePower: [Double]? {
        guard frames >= minimumFrames, noiseFrames > 0 else { return nil }
        return isSteady ? average : nil
    }

    /// How far the loud frames stand above the quiet ones, in dB (90th over 10th percentile
    /// frame level): roughly the speech-to-noise ratio once there is a noise floor.
    public var spread: Double? {
        frames >= minimumFrames ? Double(level(atShare: 0.9) - level(atShare: 0.1)) / 4 : nil
    }

    /// Whether the quietest frames form a plateau (steady noise) rather than a slope (soft speech).
    public var isSteady: Bool {
        Double(level(atShare: 0.2) - level(atShare: 0.02)) / 4 <= steadySpread
    }

    /// The histogram level (quarter-dB steps) at which `share` of the frames are at or below.
    private func level(atShare share: Double) -> Int {
        let wanted = max(1, Int((Double(frames) * share).rounded(.up)))
        var seen = 0
        for (l, count) in histogram.enumerated() {
            seen += count
            if seen >= wanted { return l }
        }
        return Self.levels - 1
    }

    public mutating func observe(_ samples: [Int16]) {
        for power in cutter.spectra(samples) { add(power) }
    }

    /// One frame's power spectrum (`NoiseReduction.powerSpectrum`).
    mutating func add(_ power: [Double]) {
        let energy = power.reduce(0, +)
        let level = min(Self.levels - 1, max(0, Int(40 * log10(max(energy, 1)))))
        histogram[level] += 1
        frames += 1
        // Only frames at or under the quiet-share percentile of everything heard so far.
        guard level <= self.level(atShare: quietShare) else { return }
        noiseFrames += 1
        let weight = 1 / Double(min(noiseFrames, memory))
        for k in 0..<power.count { average[k] += weight * (power[k] - average[k]) }
    }
}

/// What the front end measured over a recording, for the report: what the noise filter did,
/// and whether the audio reaches above 4 kHz.
public struct NoiseSummary: Sendable, Hashable {
    /// Utterances decoded through the filter (0: the recording was decoded as recorded).
    public var filteredUtterances: Int
    /// Loud frames over quiet frames, in dB (`NoiseTracker.spread`); nil with the filter off.
    public var speechAboveNoise: Double?
    /// Power above 4 kHz against below it, in dB (`BandwidthMeter.highBandDB`).
    public var highBandDB: Double?
    /// Utterances decoded through the dereverberation (`WPE`); 0 when the room measured dry or
    /// it was off.
    public var dereverbedUtterances: Int
    /// The room's decay time as measured (`ReverberationMeter.decaySeconds`); nil with the
    /// dereverberation off or too few speech offsets heard.
    public var decaySeconds: Double?
    /// Whether the dereverberation was on (it runs only where the room measures reverberant).
    public var dereverbOn = false

    public init(filteredUtterances: Int = 0, speechAboveNoise: Double? = nil, highBandDB: Double? = nil,
                dereverbedUtterances: Int = 0, decaySeconds: Double? = nil) {
        self.filteredUtterances = filteredUtterances
        self.speechAboveNoise = speechAboveNoise
        self.highBandDB = highBandDB
        self.dereverbedUtterances = dereverbedUtterances
        self.decaySeconds = decaySeconds
    }

    func with(_ change: (inout NoiseSummary) -> Void) -> NoiseSummary {
        var copy = self
        change(&copy)
        return copy
    }

    /// The audio stops at about 4 kHz (`BandwidthMeter.narrowbandBelow`).
    public var isNarrowband: Bool { BandwidthMeter.isNarrowband(highBandDB: highBandDB) }
}

/// The front end both transcribers run before the recognizer: dereverberation (when the room
/// measures reverberant), then the steady-noise filter (when there is a steady floor), with a
/// tracker and a reverberation meter fed every block of the recording, and the count of
/// utterances each stage changed. Files hand it whole utterances (`clean`); live capture hands
/// it an utterance piece by piece as it is spoken (`beginUtterance`, `process`,
/// `endUtterance`). With neither configuration it passes audio through.
public struct NoiseReducer: Sendable {
    public let configuration: NoiseFilter.Configuration?
    public let dereverbConfiguration: Dereverberation.Configuration?
    private var tracker = NoiseTracker()
    private var bandwidth = BandwidthMeter()
    private var cutter = PowerFrames()
    private var meter = ReverberationMeter()
    private var dereverb: Dereverberator?
    private var open: NoiseFilter?
    private var filteredUtterances = 0
    private var dereverbedUtterances = 0

    public init(configuration: NoiseFilter.Configuration?, dereverb: Dereverberation.Configuration? = nil) {
        self.configuration = configuration
        self.dereverbConfiguration = dereverb
        self.dereverb = dereverb.map { Dereverberator(configuration: $0) }
    }

    /// What the filter did so far.
    public var summary: NoiseSummary {
        NoiseSummary(filteredUtterances: filteredUtterances,
                     speechAboveNoise: configuration == nil ? nil : tracker.spread,
                     highBandDB: bandwidth.highBandDB,
                     dereverbedUtterances: dereverbedUtterances,
                     decaySeconds: dereverbConfiguration == nil ? nil : meter.decaySeconds)
            .with { $0.dereverbOn = dereverbConfiguration != nil }
    }

    /// Whether the room, as heard so far, is reverberant enough to dereverberate.
    public var isReverberant: Bool {
        guard let dereverbConfiguration, let decay = meter.decaySeconds else { return false }
        return decay >= dereverbConfiguration.minimumDecaySeconds
    }

    /// Every block of the recording, silences included, goes through here first. The bandwidth
    /// is measured whether or not the filter is on; both look at the same frames.
    public mutating func observe(_ block: [Int16]) {
        if dereverb != nil { meter.observe(block) }
        for power in cutter.spectra(block) {
            if configuration != nil { tracker.add(power) }
            bandwidth.add(power)
        }
    }

    /// A whole utterance: dereverberated when the room is reverberant, filtered when there is a
    /// steady floor to filter against, otherwise returned exactly as it came.
    public mutating func clean(_ samples: [Int16]) -> [Int16] { plan().run(samples) }

    /// What will be done to the next whole utterance, decided from the room and the noise as
    /// heard so far (and counted in `summary`); the work itself (`FrontEndStep.run`) can then
    /// run on the thread that decodes the utterance.
    public mutating func plan() -> FrontEndStep {
        let reverberant = dereverb != nil && isReverberant
        if reverberant { dereverbedUtterances += 1 }
        var noise: (NoiseFilter.Configuration, [Double])? = nil
        if let configuration, let spectrum = tracker.noisePower {
            noise = (configuration, spectrum)
            filteredUtterances += 1
        }
        return FrontEndStep(dereverb: reverberant ? dereverb : nil, noise: noise)
    }

    /// Opens an utterance that arrives piece by piece; returns whether it is dereverberated.
    @discardableResult
    public mutating func beginUtterance() -> Bool {
        let reverberant = isReverberant
        dereverb?.beginUtterance(active: reverberant)
        if reverberant { dereverbedUtterances += 1 }
        open = configuration.map { NoiseFilter(configuration: $0) }
        return reverberant
    }

    /// More of the open utterance; returns the samples that are final (all of them when off).
    public mutating func process(_ samples: [Int16]) -> [Int16] {
        let samples = dereverb?.process(samples) ?? samples
        guard var filter = open else { return samples }
        let out = filter.process(samples, noise: tracker.noisePower)
        open = filter
        return out
    }

    /// Closes the open utterance and returns what the filter still held back.
    public mutating func endUtterance() -> [Int16] {
        let held = dereverb?.endUtterance() ?? []
        guard var filter = open else { return held }
        let rest = filter.process(held, noise: tracker.noisePower) + filter.finish(noise: tracker.noisePower)
        if filter.filtered { filteredUtterances += 1 }
        open = nil
        return rest
    }
}

/// The front end's work on one whole utterance, as `NoiseReducer.plan()` decided it: WPE when
/// the room measured reverberant, then the noise filter against the spectrum heard so far.
public struct FrontEndStep: Sendable {
    let dereverb: Dereverberator?
    let noise: (NoiseFilter.Configuration, [Double])?

    /// Whether the room measured reverberant, so WPE runs on this utterance.
    public var dereverberates: Bool { dereverb != nil }

    public func run(_ samples: [Int16]) -> [Int16] {
        let samples = dereverb?.clean(samples) ?? samples
        guard let (configuration, spectrum) = noise else { return samples }
        var filter = NoiseFilter(configuration: configuration)
        return filter.process(samples, noise: spectrum) + filter.finish(noise: spectrum)
    }
}

/// Cleans one utterance against a noise spectrum, block by block. Output sample i is input
/// sample i (no delay in the timeline): the filter holds back the last 384 samples until more
/// audio or `finish()` arrives, so word times stay where they were.
public struct NoiseFilter: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// The lowest gain a bin gets (0.2 = at most 14 dB less). On 80 noisy benchmark
        /// recordings floors of 0.1, 0.2 and 0.3 gave WER 0.28 / 0.27 / 0.28 and filler
        /// precision 0.81 / 0.84 / 0.83; suppressing harder (noise counted double) was worse,
        /// 0.33, because it eats soft consonants along with the noise.
        public var gainFloor = 0.2
        /// Weight of the previous frame's clean estimate in the a-priori SNR (decision-directed).
        public var smoothing = 0.98
        public init() {}
    }

    private let configuration: Configuration
    private var input: [Double]
    private var output: [Double]
    private var previous = [Double](repeating: 1, count: NoiseReduction.bins)
    private var toDrop: Int
    private var received = 0
    private var emitted = 0
    /// Whether any frame was filtered (false: the noise estimate never arrived).
    public private(set) var filtered = false

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        // Leading zeros so the first real sample is covered by as many frames as any other.
        let lead = NoiseReduction.frameLength - NoiseReduction.hop
        input = [Double](repeating: 0, count: lead)
        output = [Double](repeating: 0, count: NoiseReduction.frameLength)
        toDrop = lead
    }

    /// Filters more of the utterance; returns the samples that are now final. With no noise
    /// estimate the audio passes through unchanged.
    public mutating func process(_ samples: [Int16], noise: [Double]?) -> [Int16] {
        received += samples.count
        for s in samples { input.append(Double(s)) }
        return run(noise: noise)
    }

    /// Returns the rest of the utterance.
    public mutating func finish(noise: [Double]?) -> [Int16] {
        let remaining = received - emitted
        guard remaining > 0 else { return [] }
        input.append(contentsOf: [Double](repeating: 0, count: NoiseReduction.frameLength))
        var out = run(noise: noise)
        if out.count > remaining { out.removeLast(out.count - remaining) }
        emitted = received
        return out
    }

    private mutating func run(noise: [Double]?) -> [Int16] {
        let n = NoiseReduction.frameLength, hop = NoiseReduction.hop
        var finished: [Int16] = []
        var offset = 0
        let fft = FFT.shared
        while input.count - offset >= n {
            let frame = input[offset..<offset + n]
            var (re, im, power) = NoiseReduction.powerSpectrum(frame)
            if let noise {
                filtered = true
                let gains = gain(power: power, noise: noise)
                for k in 0..<NoiseReduction.bins {
                    re[k] *= gains[k]; im[k] *= gains[k]
                    if k > 0 && k < n / 2 { re[n - k] *= gains[k]; im[n - k] *= gains[k] }
                }
                fft.transform(&re, &im, inverse: true)
                for i in 0..<n { output[i] += re[i] * NoiseReduction.window[i] / NoiseReduction.overlapGain }
            } else {
                // Pass-through that still goes through the same overlap-add, so switching the
                // filter on mid-utterance (once the noise estimate exists) is seamless.
                for i in 0..<n {
                    output[i] += frame[frame.startIndex + i] * NoiseReduction.window[i] * NoiseReduction.window[i] / NoiseReduction.overlapGain
                }
            }
            // The first hop of the output has had every frame that covers it.
            for i in 0..<hop {
                if toDrop > 0 { toDrop -= 1; continue }
                let v = output[i].rounded()
                finished.append(Int16(max(-32768, min(32767, v.isFinite ? v : 0))))
            }
            output.removeFirst(hop)
            output.append(contentsOf: repeatElement(0, count: hop))
            offset += hop
        }
        input.removeFirst(offset)
        let take = min(finished.count, received - emitted)
        emitted += take
        return take < finished.count ? Array(finished[..<take]) : finished
    }

    /// Log-spectral amplitude gain per bin, updating the decision-directed state.
    private mutating func gain(power: [Double], noise: [Double]) -> [Double] {
        let minimumPrior = 0.003_162  // -25 dB
        var gains = [Double](repeating: 1, count: power.count)
        for k in 0..<power.count {
            let posterior = min(power[k] / max(noise[k], 1e-3), 1000)
            let prior = max(configuration.smoothing * previous[k] + (1 - configuration.smoothing) * max(posterior - 1, 0), minimumPrior)
            let ratio = prior / (1 + prior)
            let v = max(ratio * posterior, 1e-8)
            var g = ratio * exp(0.5 * Self.exponentialIntegral(v))
            if !g.isFinite { g = 1 }
            g = max(g, configuration.gainFloor)
            gains[k] = g
            previous[k] = g * g * posterior
        }
        return gains
    }

    /// E1(x) for x > 0: its power series below 1, Abramowitz and Stegun 5.1.56 above
    /// (error under 5e-5, far below what a gain needs).
    static func exponentialIntegral(_ x: Double) -> Double {
        if x < 1 {
            var sum = 0.0, term = 1.0
            for k in 1...20 {
                term *= -x / Double(k)
                sum -= term / Double(k)
            }
            return -0.577_215_664_901_532_9 - log(x) + sum
        }
        let numerator = x * x + 2.334_733 * x + 0.250_621
        let denominator = x * x + 3.330_657 * x + 1.681_534
        return exp(-x) / x * numerator / denominator
    }
}

/// Radix-2 complex FFT of `NoiseReduction.frameLength` points, tables computed once.
final class FFT: Sendable {
    static let shared = FFT(size: NoiseReduction.frameLength)

    let size: Int
    private let cosines: [Double]
    private let sines: [Double]
    private let reversed: [Int]

    init(size: Int) {
        precondition(size > 1 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        cosines = (0..<size / 2).map { cos(2 * Double.pi * Double($0) / Double(size)) }
        sines = (0..<size / 2).map { sin(2 * Double.pi * Double($0) / Double(size)) }
        let bits = size.trailingZeroBitCount
        reversed = (0..<size).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
    }

    /// In place; the inverse is scaled by 1/size so inverse(forward(x)) == x.
    func transform(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        for i in 0..<size where i < reversed[i] {
            re.swapAt(i, reversed[i]); im.swapAt(i, reversed[i])
        }
        let sign: Double = inverse ? 1 : -1
        var length = 2
        while length <= size {
            let half = length / 2, step = size / length
            var start = 0
            while start < size {
                for j in 0..<half {
                    let wr = cosines[j * step], wi = sign * sines[j * step]
                    let a = start + j, b = a + half
                    let tr = re[b] * wr - im[b] * wi
                    let ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                }
                start += length
            }
            length *= 2
        }
        if inverse {
            let scale = 1 / Double(size)
            for i in 0..<size { re[i] *= scale; im[i] *= scale }
        }
    }
}
