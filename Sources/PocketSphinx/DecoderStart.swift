import SpeechCore
import CPocketSphinx

/// What a PocketSphinx decoder carries from one utterance to the next, kept as it was when the
/// decoder was made so every recording can start from it.
///
/// Two things carry over. The front end's noise estimate (`-remove_noise`) and its stream-wide
/// frame count start over with `ps_start_stream`. The running cepstral mean (live CMN) does not:
/// after every utterance it moves towards the audio just heard, which makes the first words of
/// a recording come out right once the decoder has heard some of it, but it also carried one
/// recording into the next: a folder scored file after file gave a file different words than
/// scoring it alone ("ec2" against "the g two"). The mean, its running sum and its frame count
/// are copied here at creation and put back by `restart()`.
struct DecoderStart {
    private let decoder: OpaquePointer
    private let mean: [mfcc_t]
    private let sum: [mfcc_t]
    private let frames: Int32

    init(decoder: OpaquePointer) {
        self.decoder = decoder
        guard let cmn = Self.cmn(decoder) else { mean = []; sum = []; frames = 0; return }
        mean = Self.values(cmn.pointee.cmn_mean, cmn)
        sum = Self.values(cmn.pointee.sum, cmn)
        frames = cmn.pointee.nframe
    }

    /// The cepstral mean the decoder would use for its next utterance.
    var currentMean: [mfcc_t] {
        Self.cmn(decoder).map { Self.values($0.pointee.cmn_mean, $0) } ?? []
    }

    /// Starts a new stream and puts back the cepstral-mean state the decoder started with.
    func restart() {
        _ = ps_start_stream(decoder)
        guard let cmn = Self.cmn(decoder), Int(cmn.pointee.veclen) == mean.count else { return }
        mean.withUnsafeBufferPointer { cmn.pointee.cmn_mean.update(from: $0.baseAddress!, count: mean.count) }
        sum.withUnsafeBufferPointer { cmn.pointee.sum.update(from: $0.baseAddress!, count: sum.count) }
        cmn.pointee.nframe = frames
    }

    private static func cmn(_ decoder: OpaquePointer) -> UnsafeMutablePointer<cmn_t>? {
        guard let cmn = ps_get_feat(decoder)?.pointee.cmn_struct,
              cmn.pointee.cmn_mean != nil, cmn.pointee.sum != nil else { return nil }
        return cmn
    }

    private static func values(_ vector: UnsafeMutablePointer<mfcc_t>, _ cmn: UnsafeMutablePointer<cmn_t>) -> [mfcc_t] {
        Array(UnsafeBufferPointer(start: vector, count: Int(cmn.pointee.veclen)))
    }
}
