import AudioFiles
import CAlsa
import Foundation

/// Records from an ALSA PCM the way arecord does: `default` unless a device is named, asks for
/// 16 kHz mono S16_LE, takes what the device offers nearest to that (and converts), and
/// recovers overruns and suspends instead of failing. Owns one `snd_pcm_t`.
public final class AlsaCapture: Capturing {
    public static let requestedRate = 16_000

    public let deviceName: String
    public let deviceRate: Int
    public let deviceChannels: Int
    public let formatWarning: String?
    public private(set) var overruns = 0
    public private(set) var suspends = 0

    private let pcm: OpaquePointer
    private let converter: SampleConverter?
    private var buffer: [Int16] = []

    /// Opens `device` for capture. `bufferSeconds` is how far the reader may fall behind before
    /// an overrun; generous, because decoding shares the machine with capture.
    public init(device: String = "default", periodFrames: Int = 320, bufferSeconds: Double = 1.0) throws(CaptureError) {
        self.deviceName = device
        var handle: OpaquePointer?
        let rc = Self.quietly { snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, 0) }
        guard rc >= 0, let handle else {
            if [-ENOENT, -ENODEV, -ENXIO].contains(rc) {
                throw .unknownDevice(name: device, available: CaptureDevice.all().map(\.name))
            }
            try check(rc, "snd_pcm_open", device: device)
            throw .alsa(function: "snd_pcm_open", device: device, code: rc, message: "no handle")
        }
        do {
            let (rate, channels) = try Self.configure(handle, device: device, periodFrames: periodFrames, bufferSeconds: bufferSeconds)
            try check(snd_pcm_prepare(handle), "snd_pcm_prepare", device: device)
            self.deviceRate = rate
            self.deviceChannels = channels
        } catch {
            snd_pcm_close(handle)
            throw error
        }
        self.pcm = handle
        if deviceRate == Self.requestedRate && deviceChannels == 1 {
            self.converter = nil
            self.formatWarning = nil
        } else {
            do { self.converter = try SampleConverter(inputRate: deviceRate, inputChannels: deviceChannels) }
            catch {
                snd_pcm_close(handle)
                throw .alsa(function: "soxr_create", device: device, code: -EINVAL, message: error.description)
            }
            self.formatWarning = "\(device) gives \(deviceRate) Hz, \(deviceChannels) channel(s), not 16000 Hz mono: converting"
        }
    }

    deinit { snd_pcm_close(pcm) }

    public func read(frames: Int) throws(CaptureError) -> [Int16] {
        let needed = frames * deviceChannels
        if buffer.count < needed { buffer = [Int16](repeating: 0, count: needed) }
        while true {
            // A plugin that delivers less than asked (the `file` PCM at the end of its input)
            // leaves the rest of the buffer alone: start from silence, not the last block.
            for i in 0..<needed { buffer[i] = 0 }
            let got = buffer.withUnsafeMutableBytes { snd_pcm_readi(pcm, $0.baseAddress, snd_pcm_uframes_t(frames)) }
            if got >= 0 {
                let block = Array(buffer[0..<Int(got) * deviceChannels])
                guard let converter else { return block }
                do { return try converter.convert(block) }
                catch { throw .alsa(function: "soxr_process", device: deviceName, code: -EINVAL, message: error.description) }
            }
            let code = Int32(got)
            switch code {
            case -EPIPE, -ESTRPIPE:
                if code == -EPIPE { overruns += 1 } else { suspends += 1 }
                try check(snd_pcm_recover(pcm, code, 1), "snd_pcm_recover", device: deviceName)
                return []
            case -EAGAIN, -EINTR:
                continue
            default:
                try check(code, "snd_pcm_readi", device: deviceName)
            }
        }
    }

    public func flush() throws(CaptureError) -> [Int16] {
        guard let converter else { return [] }
        do { return try converter.flush() }
        catch { throw .alsa(function: "soxr_process", device: deviceName, code: -EINVAL, message: error.description) }
    }

    /// Sets interleaved S16_LE and the rate and channel count nearest 16 kHz mono; returns what
    /// the device accepted.
    private static func configure(_ pcm: OpaquePointer, device: String, periodFrames: Int,
                                  bufferSeconds: Double) throws(CaptureError) -> (rate: Int, channels: Int) {
        var params: OpaquePointer?
        try check(snd_pcm_hw_params_malloc(&params), "snd_pcm_hw_params_malloc", device: device)
        defer { snd_pcm_hw_params_free(params) }
        try check(snd_pcm_hw_params_any(pcm, params), "snd_pcm_hw_params_any", device: device)
        try check(snd_pcm_hw_params_set_access(pcm, params, SND_PCM_ACCESS_RW_INTERLEAVED),
                  "snd_pcm_hw_params_set_access", device: device)
        try check(snd_pcm_hw_params_set_format(pcm, params, SND_PCM_FORMAT_S16_LE),
                  "snd_pcm_hw_params_set_format (S16_LE; try a plughw: device)", device: device)
        var channels: UInt32 = 1
        try check(snd_pcm_hw_params_set_channels_near(pcm, params, &channels), "snd_pcm_hw_params_set_channels_near", device: device)
        var rate = UInt32(requestedRate)
        var direction: Int32 = 0
        try check(snd_pcm_hw_params_set_rate_near(pcm, params, &rate, &direction), "snd_pcm_hw_params_set_rate_near", device: device)
        var period = snd_pcm_uframes_t(periodFrames)
        try check(snd_pcm_hw_params_set_period_size_near(pcm, params, &period, &direction),
                  "snd_pcm_hw_params_set_period_size_near", device: device)
        var bufferFrames = snd_pcm_uframes_t(Double(rate) * bufferSeconds)
        try check(snd_pcm_hw_params_set_buffer_size_near(pcm, params, &bufferFrames),
                  "snd_pcm_hw_params_set_buffer_size_near", device: device)
        try check(snd_pcm_hw_params(pcm, params), "snd_pcm_hw_params", device: device)
        return (Int(rate), Int(channels))
    }

    /// ALSA prints its own diagnostics on stderr ("ALSA lib conf.c: Unknown PCM"); we report
    /// the failure ourselves in one line, so silence them on this thread while `body` runs.
    private static func quietly<T>(_ body: () -> T) -> T {
        let previous = snd_lib_error_set_local { _, _, _, _, _, _ in }
        defer { snd_lib_error_set_local(previous) }
        return body()
    }
}
