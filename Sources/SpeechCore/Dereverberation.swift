import Foundation

/// Dereverberation in front of the recognizer, for a microphone a metre away in a room that
/// echoes. PocketSphinx's acoustic model was trained on close, dry speech; a room's late
/// reverberation smears each phone into the next and roughly doubled the word error rate on
/// the realistic benchmark (docs/recognizer.md, "Reverberation").
///
/// Two parts, both streaming so live capture can use them:
/// - `ReverberationMeter` watches all the audio and measures how fast the energy falls after
///   speech stops (a dry recording falls silent within a few frames; a room keeps ringing at
///   60 dB per reverberation time), and says whether the room is reverberant;
/// - `WPE` removes the late reverberation of a stretch of audio by weighted prediction error
///   (Nakatani et al., 2010; Yoshioka and Nakatani, 2012): per STFT bin, the late reverberation
///   at frame t is predicted linearly from the frames `delay`…`delay + taps − 1` before it, and
///   subtracted; the prediction filter is the least-squares one weighted by the inverse power of
///   the current estimate of the dry speech, re-estimated `iterations` times.
/// `Dereverberator` runs WPE over one utterance (files) or block by block (live takes), only
/// when the meter has judged the room reverberant, and otherwise hands the audio back as it was.
public enum Dereverberation {
    public struct Configuration: Sendable, Hashable {
        /// Prediction taps per bin (frames of 8 ms): 40 reach 0.34 s back, most of a room's
        /// late reverberation. Against 20 they took the tuning split's word error from 0.28 to
        /// 0.23 in a medium room and from 0.41 to 0.36 with a fan too (docs/recognizer.md,
        /// "Reverberation"), for about 0.06 s more CPU per second of reverberant audio.
        public var taps = 40
        /// Frames between a frame and the first one used to predict it: what is nearer (the
        /// direct sound and the early reflections) is kept.
        public var delay = 2
        /// Re-estimations of the filter from the previous estimate's power.
        public var iterations = 3
        /// Decay time (seconds for 60 dB, as `ReverberationMeter.decaySeconds` measures it) from
        /// which the room counts as reverberant.
        public var minimumDecaySeconds = 0.25
        /// Live takes: seconds of new audio per block (each block is filtered on its own, with
        /// half a second of what came before as context).
        public var blockSeconds = 2.0
        public init() {}
    }
}

/// Estimates how reverberant a recording is from the speed of the energy's fall after each
/// speech offset. Frames are 16 ms every 8 ms of pre-emphasised audio (so a fan's hum and
/// rumble hardly count); a decay is a run of falling frames (allowed to wobble up by 1 dB) that
/// starts at least 15 dB above the floor (the quietest tenth of the frames) and falls at least
/// 10 dB before the floor (or the next syllable) stops it.
/// Its rate is the fall from 3 dB under the peak to the end of the run, over the time taken.
/// A dry recording's offsets fall at 500 dB/s and more (the window sliding off the last
/// sound); a room rings at 60 dB per RT60, so the median decay says which it is.
public struct ReverberationMeter: Sendable {
    static let frame = 256, hop = 128
    /// Frame levels in quarter-dB steps, for the floor.
    private var histogram = [Int](repeating: 0, count: 800)
    private var frames = 0
    private var pending: [Double] = []
    private var lastSample = 0.0
    /// The run being followed: its levels, falling.
    private var run: [Double] = []
    private var runLowest = 0.0
    static let wobble = 1.0
    private var previous: Double?
    /// Rates of finished decays, dB per second.
    public private(set) var decayRates: [Double] = []

    /// Decays needed before there is an estimate.
    public var minimumDecays = 3

    public init() {}

    /// Seconds for the energy to fall 60 dB at the median decay rate; nil before
    /// `minimumDecays` decays were heard.
    public var decaySeconds: Double? {
        guard decayRates.count >= minimumDecays else { return nil }
        let sorted = decayRates.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return 60 / max(median, 1)
    }

    public mutating func observe(_ samples: [Int16]) {
        pending.reserveCapacity(pending.count + samples.count)
        for s in samples {
            let x = Double(s)
            pending.append(x - 0.95 * lastSample)
            lastSample = x
        }
        var offset = 0
        while pending.count - offset >= Self.frame {
            var energy = 0.0
            for i in offset..<offset + Self.frame { energy += pending[i] * pending[i] }
            add(level: 10 * log10(max(energy / Double(Self.frame), 1)))
            offset += Self.hop
        }
        pending.removeFirst(offset)
    }

    private func floorLevel() -> Double {
        let wanted = max(1, frames / 10)
        var seen = 0
        for (l, count) in histogram.enumerated() {
            seen += count
            if seen >= wanted { return Double(l) / 4 }
        }
        return 0
    }

    private mutating func add(level: Double) {
        histogram[min(histogram.count - 1, max(0, Int(level * 4)))] += 1
        frames += 1
        defer { previous = level }
        guard let previous else { return }
        // A decay may wobble (a room's tail is noise): it goes on while the level stays within
        // `wobble` dB of the lowest frame so far.
        if level < previous - 0.1 || (!run.isEmpty && level <= runLowest + Self.wobble) {
            if run.isEmpty { run = [previous]; runLowest = previous }
            run.append(level)
            runLowest = min(runLowest, level)
        } else if !run.isEmpty {
            finishRun()
        }
    }

    private mutating func finishRun() {
        defer { run = [] }
        guard frames >= 50, let peak = run.first else { return }
        let floor = floorLevel()
        guard peak >= floor + 15 else { return }
        // From 3 dB under the peak to the end, but not into the floor.
        let stop = floor + 4
        guard let first = run.firstIndex(where: { $0 <= peak - 3 }) else { return }
        var last = first
        while last + 1 < run.count && run[last + 1] >= stop { last += 1 }
        let fall = run[first] - run[last]
        guard fall >= 10, last > first else { return }
        let seconds = Double(last - first) * Double(Self.hop) / Double(SpeechAudio.sampleRate)
        decayRates.append(fall / seconds)
    }
}

/// Single-channel weighted prediction error over a whole stretch of audio (an utterance or a
/// block): 512-point Hann frames every 128 samples, as the noise filter's. Output sample i is
/// the input's sample i with the predicted late reverberation taken out; the length is kept.
public struct WPE: Sendable {
    public var configuration: Dereverberation.Configuration

    public init(configuration: Dereverberation.Configuration = .init()) {
        self.configuration = configuration
    }

    public func process(_ samples: [Int16]) -> [Int16] {
        process(samples.map(Double.init)).map { v in Int16(max(-32768, min(32767, v.isFinite ? v.rounded() : 0))) }
    }

    public func process(_ samples: [Double]) -> [Double] {
        let n = NoiseReduction.frameLength, hop = NoiseReduction.hop, bins = NoiseReduction.bins
        let lead = n - hop
        guard !samples.isEmpty else { return [] }
        var padded = [Double](repeating: 0, count: lead)
        padded += samples
        padded += [Double](repeating: 0, count: n)
        let count = (padded.count - n) / hop + 1
        // Spectra, bin-major: re[f * count + t].
        var re = [Double](repeating: 0, count: bins * count)
        var im = [Double](repeating: 0, count: bins * count)
        let fft = FFT.shared
        var fr = [Double](repeating: 0, count: n), fi = [Double](repeating: 0, count: n)
        for t in 0..<count {
            for i in 0..<n { fr[i] = padded[t * hop + i] * NoiseReduction.window[i]; fi[i] = 0 }
            fft.transform(&fr, &fi, inverse: false)
            for f in 0..<bins { re[f * count + t] = fr[f]; im[f * count + t] = fi[f] }
        }
        let taps = configuration.taps, delay = configuration.delay
        if count > delay + 1 {
            re.withUnsafeMutableBufferPointer { r in
                im.withUnsafeMutableBufferPointer { m in
                    let work = BinWork(taps: taps, frames: count)
                    for f in 0..<bins {
                        work.dereverberate(re: r.baseAddress! + f * count, im: m.baseAddress! + f * count,
                                           delay: delay, iterations: configuration.iterations)
                    }
                }
            }
        }
        // Overlap-add back, as the noise filter does.
        var output = [Double](repeating: 0, count: padded.count)
        for t in 0..<count {
            for f in 0..<bins {
                fr[f] = re[f * count + t]; fi[f] = im[f * count + t]
                if f > 0 && f < n / 2 { fr[n - f] = fr[f]; fi[n - f] = -fi[f] }
            }
            fft.transform(&fr, &fi, inverse: true)
            for i in 0..<n { output[t * hop + i] += fr[i] * NoiseReduction.window[i] / NoiseReduction.overlapGain }
        }
        return Array(output[lead..<lead + samples.count])
    }
}

/// Scratch space for one bin's filter: the weighted correlation matrix of the delayed frames
/// (Hermitian, upper half used), its right-hand side, the weights and the filter. Raw buffers,
/// reused bin after bin.
///
/// The correlation is most of WPE's time (T frames × K² / 2 complex products per bin and
/// iteration). The bin's frames are kept reversed (`vr`, `vi`: frame T − 1 first, zeros after
/// frame 0), so the K delayed frames that predict frame t sit side by side in memory, from
/// `T − 1 − t + delay` on; the matrix is then summed in tiles of two rows by four columns held
/// in SIMD registers over all frames, with no store inside the loop. The tests
/// (`DereverberationTests`) keep the formula written out and compare.
final class BinWork {
    let taps: Int, frames: Int
    /// Columns rounded up to whole SIMD4 chunks.
    let chunks: Int
    let rr: UnsafeMutablePointer<Double>, ri: UnsafeMutablePointer<Double>      // K×K
    let pr: UnsafeMutablePointer<Double>, pi: UnsafeMutablePointer<Double>      // K, padded to chunks × 4 with zeros
    let weight: UnsafeMutablePointer<Double>                                    // per frame: 1 / power of the current estimate
    let yr: UnsafeMutablePointer<Double>, yi: UnsafeMutablePointer<Double>      // the current estimate
    let vr: UnsafeMutablePointer<Double>, vi: UnsafeMutablePointer<Double>      // the frames reversed, zero-padded
    let ws: UnsafeMutablePointer<Double>                                        // the weights in the same order
    private let padded: Int

    init(taps: Int, frames: Int) {
        self.taps = taps; self.frames = frames
        chunks = (taps + 3) / 4
        padded = frames + chunks * 4 + 4
        func zeros(_ n: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        rr = zeros(taps * taps); ri = zeros(taps * taps)
        pr = zeros(chunks * 4); pi = zeros(chunks * 4)
        weight = zeros(frames); yr = zeros(frames); yi = zeros(frames)
        vr = zeros(padded); vi = zeros(padded); ws = zeros(frames)
    }

    deinit {
        for p in [rr, ri, pr, pi, weight, yr, yi, vr, vi, ws] { p.deallocate() }
    }

    @inline(__always)
    private func load4(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> SIMD4<Double> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Replaces the bin's frames (`re`, `im`, `frames` long) by the dereverberated ones.
    func dereverberate(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                       delay: Int, iterations: Int) {
        let T = frames
        var mean = 0.0
        for t in 0..<T {
            yr[t] = re[t]; yi[t] = im[t]; mean += re[t] * re[t] + im[t] * im[t]
            vr[T - 1 - t] = re[t]; vi[T - 1 - t] = im[t]
        }
        mean /= Double(T)
        guard mean > 0 else { return }
        // Frames far under the bin's mean power are not trusted with a huge weight.
        let floor = max(mean * 1e-3, 1e-10)
        for _ in 0..<max(1, iterations) {
            for t in 0..<T { weight[t] = 1 / max(yr[t] * yr[t] + yi[t] * yi[t], floor) }
            correlate(delay: delay)
            guard solve() else { return }
            // y(t) = x(t) − Σ conj(g_k) x(t−D−k); g is in (pr, pi), zero past K.
            for t in 0..<T {
                guard t >= delay else { yr[t] = re[t]; yi[t] = im[t]; continue }
                let base = T - 1 - t + delay
                var sr = SIMD4<Double>(), si = SIMD4<Double>()
                for c in 0..<chunks {
                    let gr = load4(pr, c * 4), gi = load4(pi, c * 4)
                    let ar = load4(vr, base + c * 4), ai = load4(vi, base + c * 4)
                    sr += gr * ar + gi * ai
                    si += gr * ai - gi * ar
                }
                yr[t] = re[t] - sr.sum(); yi[t] = im[t] - si.sum()
            }
        }
        for t in 0..<T { re[t] = yr[t]; im[t] = yi[t] }
    }

    /// R[i][j] = Σ_t w(t) x(t−D−i) conj x(t−D−j) for j ≥ i (entries under the diagonal that
    /// a tile also fills are overwritten by `solve`), and p[i] = Σ_t w(t) x(t−D−i) conj x(t).
    /// Frame t's delayed frames start at s = T − 1 − t + D in the reversed copy, so the sums
    /// run over s = D … T − 1 with the weights reversed the same way (`ws`).
    private func correlate(delay: Int) {
        let K = taps, T = frames
        for s in delay..<T { ws[s] = weight[T &- 1 &- s &+ delay] }
        var i0 = 0
        while i0 < K {
            let second = i0 + 1 < K
            for c in (i0 / 4)..<chunks {
                let j0 = c * 4
                var a0r = SIMD4<Double>(), a0i = SIMD4<Double>(), a1r = SIMD4<Double>(), a1i = SIMD4<Double>()
                let r0 = vr + i0, m0 = vi + i0, rb = vr + j0, mb = vi + j0
                var s = delay
                while s < T {
                    let w = ws[s]
                    let x0r = w * r0[s], x0i = w * m0[s]
                    let x1r = w * r0[s &+ 1], x1i = w * m0[s &+ 1]
                    let br = load4(rb, s), bi = load4(mb, s)
                    a0r += x0r * br + x0i * bi
                    a0i += x0i * br - x0r * bi
                    a1r += x1r * br + x1i * bi
                    a1i += x1i * br - x1r * bi
                    s &+= 1
                }
                for k in 0..<4 where j0 + k < K {
                    rr[i0 * K + j0 + k] = a0r[k]; ri[i0 * K + j0 + k] = a0i[k]
                    if second { rr[(i0 + 1) * K + j0 + k] = a1r[k]; ri[(i0 + 1) * K + j0 + k] = a1i[k] }
                }
            }
            i0 += 2
        }
        // The right-hand side, four taps at a time: x(t) is the reversed copy at s − D.
        for c in 0..<chunks {
            var sr = SIMD4<Double>(), si = SIMD4<Double>()
            for s in delay..<T {
                let w = ws[s]
                let xr = w * vr[s &- delay], xi = w * vi[s &- delay]
                let ar = load4(vr, s &+ c * 4), ai = load4(vi, s &+ c * 4)
                sr += ar * xr + ai * xi
                si += ai * xr - ar * xi
            }
            for k in 0..<4 {
                let j = c * 4 + k
                pr[j] = j < K ? sr[k] : 0; pi[j] = j < K ? si[k] : 0
            }
        }
    }

    /// Solves R g = p in place (g into pr, pi) by a Cholesky factorisation of R with a little
    /// diagonal loading; false when R is singular (a silent bin), leaving the bin as it was.
    func solve() -> Bool {
        let K = taps
        var trace = 0.0
        for i in 0..<K { trace += rr[i * K + i] }
        guard trace > 0, trace.isFinite else { return false }
        let load = trace / Double(K) * 1e-4
        // Full Hermitian matrix from the upper half.
        for i in 0..<K {
            rr[i * K + i] += load; ri[i * K + i] = 0
            for j in 0..<i { rr[i * K + j] = rr[j * K + i]; ri[i * K + j] = -ri[j * K + i] }
        }
        // Lower-triangular L with R = L L^H, stored over R's lower half.
        for j in 0..<K {
            var d = rr[j * K + j]
            for k in 0..<j { d -= rr[j * K + k] * rr[j * K + k] + ri[j * K + k] * ri[j * K + k] }
            guard d > 0 else { return false }
            let l = d.squareRoot()
            rr[j * K + j] = l; ri[j * K + j] = 0
            for i in (j + 1)..<max(j + 1, K) {
                // L[i][j] = (R[i][j] − Σ L[i][k] conj L[j][k]) / L[j][j]
                var sr = rr[i * K + j], si = ri[i * K + j]
                for k in 0..<j {
                    let ar = rr[i * K + k], ai = ri[i * K + k], br = rr[j * K + k], bi = ri[j * K + k]
                    sr -= ar * br + ai * bi
                    si -= ai * br - ar * bi
                }
                rr[i * K + j] = sr / l; ri[i * K + j] = si / l
            }
        }
        // L z = p, then L^H g = z.
        for i in 0..<K {
            var sr = pr[i], si = pi[i]
            for k in 0..<i {
                let ar = rr[i * K + k], ai = ri[i * K + k]
                sr -= ar * pr[k] - ai * pi[k]
                si -= ar * pi[k] + ai * pr[k]
            }
            pr[i] = sr / rr[i * K + i]; pi[i] = si / rr[i * K + i]
        }
        for i in stride(from: K - 1, through: 0, by: -1) {
            var sr = pr[i], si = pi[i]
            for k in (i + 1)..<max(i + 1, K) {
                // conj(L[k][i]) g[k]
                let ar = rr[k * K + i], ai = -ri[k * K + i]
                sr -= ar * pr[k] - ai * pi[k]
                si -= ar * pi[k] + ai * pr[k]
            }
            pr[i] = sr / rr[i * K + i]; pi[i] = si / rr[i * K + i]
        }
        return (0..<K).allSatisfy { pr[$0].isFinite && pi[$0].isFinite }
    }
}

/// WPE for a transcriber: a whole utterance at once (`clean`), or a live utterance block by
/// block (`beginUtterance`, `process`, `endUtterance`), each block filtered with half a second
/// of the audio before it as context. It runs only on utterances begun while `reverberant` is
/// true; the others come back exactly as they went in.
public struct Dereverberator: Sendable {
    public let configuration: Dereverberation.Configuration
    private let wpe: WPE
    private var open: [Int16]? = nil      // the live utterance's audio not yet filtered, with its context
    private var context = 0               // samples at the front of `open` already returned

    public init(configuration: Dereverberation.Configuration) {
        self.configuration = configuration
        self.wpe = WPE(configuration: configuration)
    }

    public func clean(_ samples: [Int16]) -> [Int16] { wpe.process(samples) }

    private var blockSamples: Int { max(NoiseReduction.frameLength, Int(configuration.blockSeconds * Double(SpeechAudio.sampleRate))) }
    private static let contextSamples = SpeechAudio.sampleRate / 2

    /// Opens a live utterance; with `active` false it passes audio through.
    public mutating func beginUtterance(active: Bool) {
        open = active ? [] : nil
        context = 0
    }

    public var isActive: Bool { open != nil }

    public mutating func process(_ samples: [Int16]) -> [Int16] {
        guard var buffer = open else { return samples }
        buffer += samples
        guard buffer.count - context >= blockSamples else { open = buffer; return [] }
        let out = Array(wpe.process(buffer)[context...])
        // Keep the end as the next block's context.
        let keep = min(Self.contextSamples, buffer.count)
        open = Array(buffer.suffix(keep))
        context = keep
        return out
    }

    public mutating func endUtterance() -> [Int16] {
        guard let buffer = open else { return [] }
        open = nil
        guard buffer.count > context else { return [] }
        return Array(wpe.process(buffer)[context...])
    }
}
