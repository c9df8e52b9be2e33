import CAlsa

/// What can go wrong opening or reading a capture device. Each case says what a user can do
/// about it and, for ALSA failures, carries the function and ALSA's own words (`snd_strerror`).
public enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No PCM by that name; `available` lists the capture devices that do exist.
    case unknownDevice(name: String, available: [String])
    case alsa(function: String, device: String, code: Int32, message: String)
    case writeFailed(message: String)

    public var description: String {
        switch self {
        case .unknownDevice(let name, let available):
            let list = available.isEmpty ? "none found" : available.joined(separator: ", ")
            return "no capture device \"\(name)\" — available: \(list) (see `rehearse devices`)"
        case .alsa(let function, let device, let code, let message):
            return "\(device): \(function) failed: \(message) (ALSA error \(code))"
        case .writeFailed(let message):
            return message
        }
    }
}

/// Turns an ALSA return code into a `CaptureError`; ALSA returns negative errno values.
@discardableResult
func check(_ rc: Int32, _ function: String, device: String) throws(CaptureError) -> Int32 {
    guard rc < 0 else { return rc }
    throw .alsa(function: function, device: device, code: rc, message: String(cString: snd_strerror(rc)))
}
