extension Array {
    /// The array cut into consecutive blocks of `size` elements (the last may be shorter): audio
    /// fed to a live or streaming transcriber the way capture hands it over.
    public func blocks(of size: Int) -> [[Element]] {
        precondition(size > 0, "a block holds at least one element")
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
