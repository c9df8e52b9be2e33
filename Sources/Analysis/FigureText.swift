import Foundation

/// A figure as a report says it: "12" when whole, "12.5" (one place) otherwise. Shared by the
/// score notes and the terminal report so both print the same number the same way.
public enum FigureText {
    public static func short(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}
