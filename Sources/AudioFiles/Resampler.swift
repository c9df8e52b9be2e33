import CSoxr

/// Streaming sample-rate conversion through libsoxr (high quality). Owns one `soxr_t`.
final class Resampler {
    private let handle: soxr_t
    private let ratio: Double
    private var output: [Float] = []

    init(from inputRate: Int, to outputRate: Int) throws(AudioFileError) {
        var error: soxr_error_t? = nil
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        guard let handle = soxr_create(Double(inputRate), Double(outputRate), 1, &error, &io, &quality, nil),
              error == nil else {
            throw .resamplerFailed(path: "", libraryMessage: error.map { String(cString: $0) } ?? "soxr_create failed")
        }
        self.handle = handle
        self.ratio = Double(outputRate) / Double(inputRate)
    }

    deinit { soxr_delete(handle) }

    /// Converts one block; pass an empty block with `final: true` to flush what soxr holds back.
    func process(_ input: [Float], final: Bool = false) throws(AudioFileError) -> [Float] {
        var result: [Float] = []
        var consumed = 0
        repeat {
            let capacity = Int(Double(input.count - consumed) * ratio) + 1024
            if output.count < capacity { output = [Float](repeating: 0, count: capacity) }
            var inDone = 0, outDone = 0
            let error: soxr_error_t? = input.withUnsafeBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    if final && input.isEmpty {
                        return soxr_process(handle, nil, 0, nil, outBuf.baseAddress, capacity, &outDone)
                    }
                    return soxr_process(handle, inBuf.baseAddress! + consumed, input.count - consumed, &inDone,
                                        outBuf.baseAddress, capacity, &outDone)
                }
            }
            if let error { throw .resamplerFailed(path: "", libraryMessage: String(cString: error)) }
            result.append(contentsOf: output[0..<outDone])
            consumed += inDone
            // Flushing: keep draining until soxr has nothing left.
            if final && input.isEmpty { if outDone == 0 { break } else { continue } }
        } while consumed < input.count
        return result
    }
}
