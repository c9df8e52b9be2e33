import CPocketSphinx

/// The running cepstral mean a PocketSphinx decoder keeps (live CMN): after every utterance it
/// moves towards the audio just heard, and the next utterance is normalised with it. That is
/// what makes the first words of a recording come out right once the decoder has heard some of
/// it, but it also carries one recording into the next: a folder scored file after file gave a
/// file different words than scoring it alone ("ec2" against "the g two"). This keeps the
/// state the decoder started with (the model's `-cmninit` mean, and no frames counted towards
/// it yet), and `restore()` puts all of it back at the start of each recording.
/// (`ps_start_stream` resets the front end's noise estimate, not this.)
struct CepstralMean {
    private let decoder: OpaquePointer
    private let mean: [mfcc_t]
    private let sum: [mfcc_t]
    private let frames: Int32

    init(decoder: OpaquePointer) {
        self.decoder = decoder
        guard let cmn = Self.state(decoder) else { mean = []; sum = []; frames = 0; return }
        let n = Int(cmn.pointee.veclen)
        mean = Array(UnsafeBufferPointer(start: cmn.pointee.cmn_mean, count: n))
        sum = Array(UnsafeBufferPointer(start: cmn.pointee.sum, count: n))
        frames = cmn.pointee.nframe
    }

    /// The mean the decoder would use for its next utterance.
    var current: [mfcc_t] {
        guard let cmn = Self.state(decoder) else { return [] }
        return Array(UnsafeBufferPointer(start: cmn.pointee.cmn_mean, count: Int(cmn.pointee.veclen)))
    }

    /// Forgets everything heard since the decoder was made.
    func restore() {
        guard let cmn = Self.state(decoder), !mean.isEmpty, Int(cmn.pointee.veclen) == mean.count else { return }
        mean.withUnsafeBufferPointer { cmn.pointee.cmn_mean.update(from: $0.baseAddress!, count: mean.count) }
        sum.withUnsafeBufferPointer { cmn.pointee.sum.update(from: $0.baseAddress!, count: sum.count) }
        cmn.pointee.nframe = frames
    }

    private static func state(_ decoder: OpaquePointer) -> UnsafeMutablePointer<cmn_t>? {
        guard let cmn = ps_get_feat(decoder)?.pointee.cmn_struct,
              cmn.pointee.cmn_mean != nil, cmn.pointee.sum != nil else { return nil }
        return cmn
    }
}
