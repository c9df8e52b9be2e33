import Foundation

/// Times as the reports and the live screen print them, written once.
public enum ClockText {
    /// "1:05". Negative times read as 0:00; `rounding` decides whether 1:04.6 is 1:04 or 1:05.
    public static func minutesSeconds(_ t: Double, rounding: FloatingPointRoundingRule = .down) -> String {
        let s = Int(max(0, t).rounded(rounding))
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    /// "1:05.3", to a tenth of a second.
    public static func tenths(_ t: Double) -> String {
        let m = Int(t) / 60
        return String(format: "%d:%04.1f", m, t - Double(m * 60))
    }
}
