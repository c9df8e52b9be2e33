/// The capture stage: blocks of 16 kHz mono 16-bit samples from a microphone. `AlsaCapture` is
/// the real one; tests may pass another.
public protocol Capturing: AnyObject {
    var deviceName: String { get }
    /// What the device actually gives; the stage converts anything else to 16 kHz mono.
    var deviceRate: Int { get }
    var deviceChannels: Int { get }
    /// A line for the user when the device could not give 16 kHz mono, else nil.
    var formatWarning: String? { get }
    /// Overruns (-EPIPE) recovered so far: audio was lost while the reader fell behind.
    var overruns: Int { get }
    /// Suspends (-ESTRPIPE) recovered so far.
    var suspends: Int { get }
    /// Blocks until up to `frames` device frames are read; returns them as 16 kHz mono.
    /// May return an empty block (after a recovered overrun), never fails on one.
    func read(frames: Int) throws(CaptureError) -> [Int16]
    /// Samples held back by the converter at the end of a take.
    func flush() throws(CaptureError) -> [Int16]
}
