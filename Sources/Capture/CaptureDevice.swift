import CAlsa
import Foundation

/// A PCM that can record, as `arecord -L` lists it.
public struct CaptureDevice: Codable, Sendable, Hashable {
    public var name: String
    /// ALSA's description, possibly several lines (card, then device).
    public var description: String

    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }

    /// Every capture-capable PCM ALSA's configuration hints at: those whose IOID is unset
    /// (both directions) or "Input", the same rule arecord -L applies.
    public static func all() -> [CaptureDevice] {
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        guard snd_device_name_hint(-1, "pcm", &hints) >= 0, let hints else { return [] }
        defer { snd_device_name_free_hint(hints) }
        var devices: [CaptureDevice] = []
        var cursor = hints
        while let hint = cursor.pointee {
            defer { cursor += 1 }
            let name = Self.hint(hint, "NAME")
            let ioid = Self.hint(hint, "IOID")
            guard let name, ioid == nil || ioid == "Input" else { continue }
            devices.append(CaptureDevice(name: name, description: Self.hint(hint, "DESC") ?? ""))
        }
        return devices
    }

    private static func hint(_ hint: UnsafeMutableRawPointer, _ id: String) -> String? {
        guard let value = snd_device_name_get_hint(hint, id) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }
}
