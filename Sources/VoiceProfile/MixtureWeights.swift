import Foundation

/// The stock en-us model ships its mixture weights only as a PocketSphinx `sendump` (8-bit,
/// transposed), while sphinxtrain's bw and map_adapt read a Sphinx-III `mixture_weights` file.
/// This converts one to the other.
///
/// A sendump is a header of length-prefixed strings ended by a zero length, then two int32
/// (codewords per codebook, senones), then for each feature stream and each codeword one byte
/// per senone. A byte b stands for the weight 1.0001^-(b << mixw_shift) (mixw_shift 10 unless
/// the header says otherwise). `mixture_weights` is "s3" text header lines, "endhdr" placed so
/// the data starts on a 4-byte boundary, the byte-order word 0x11223344, then the dimensions
/// (senones, streams, codewords), their product, and float32 weights senone by senone.
public enum MixtureWeights {
    public struct Table: Sendable, Equatable {
        public var senones: Int
        public var streams: Int
        public var codewords: Int
        /// senone-major: [senone][stream][codeword], each distribution summing to 1.
        public var weights: [Float]
    }

    public enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String { switch self { case .malformed(let why): "not a sendump file: \(why)" } }
    }

    public static func readSendump(_ url: URL) throws -> Table {
        let data = try Data(contentsOf: url)
        var at = 0
        var bigEndian = false
        func int32() throws -> Int {
            guard at + 4 <= data.count else { throw Failure.malformed("ends inside its header") }
            let b = [UInt8](data[data.startIndex + at ..< data.startIndex + at + 4])
            at += 4
            let little = UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
            let big = UInt32(b[3]) | UInt32(b[2]) << 8 | UInt32(b[1]) << 16 | UInt32(b[0]) << 24
            return Int(bigEndian ? big : little)
        }
        // The first length tells the byte order: a title is never longer than 64 KB.
        var first = try int32()
        if first > 65_536 { bigEndian = true; at -= 4; first = try int32() }
        guard first > 0, at + first <= data.count else { throw Failure.malformed("no title") }
        at += first
        var streams = 4, shift = 10, clusters = 0
        while true {
            let length = try int32()
            if length == 0 { break }
            guard length < 65_536, at + length <= data.count else { throw Failure.malformed("a header line runs past the end") }
            let line = String(decoding: data[data.startIndex + at ..< data.startIndex + at + length], as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\0"))
            at += length
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Int(parts[1]) else { continue }
            switch parts[0] {
            case "feature_count": streams = value
            case "mixw_shift": shift = value
            case "cluster_count": clusters = value
            default: break
            }
        }
        guard clusters == 0 else { throw Failure.malformed("clustered weights (cluster_count \(clusters)) are not supported") }
        let codewords = try int32(), senones = try int32()
        guard codewords > 0, senones > 0, streams > 0 else { throw Failure.malformed("empty dimensions") }
        guard data.count - at == streams * codewords * senones else {
            throw Failure.malformed("\(data.count - at) bytes of weights where \(streams)×\(codewords)×\(senones) were expected")
        }
        // 256 possible bytes: precompute their weights.
        let byteWeight = (0..<256).map { Float(pow(1.0001, -Double($0 << shift))) }
        var weights = [Float](repeating: 0, count: senones * streams * codewords)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for f in 0..<streams {
                for c in 0..<codewords {
                    let row = at + (f * codewords + c) * senones
                    for s in 0..<senones { weights[(s * streams + f) * codewords + c] = byteWeight[Int(bytes[row + s])] }
                }
            }
        }
        for d in stride(from: 0, to: weights.count, by: codewords) {
            let sum = weights[d ..< d + codewords].reduce(0, +)
            if sum > 0 { for i in d ..< d + codewords { weights[i] /= sum } }
        }
        return Table(senones: senones, streams: streams, codewords: codewords, weights: weights)
    }

    public static func writeMixtureWeights(_ table: Table, to url: URL) throws {
        var out = Data("s3\nversion 1.0\n".utf8)
        let pad = (4 - (out.count + "endhdr\n".count) % 4) % 4
        out.append(Data((String(repeating: " ", count: pad) + "endhdr\n").utf8))
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(0x1122_3344)
        u32(UInt32(table.senones)); u32(UInt32(table.streams)); u32(UInt32(table.codewords))
        u32(UInt32(table.weights.count))
        out.reserveCapacity(out.count + table.weights.count * 4)
        for w in table.weights { u32(w.bitPattern) }
        try out.write(to: url)
    }

    /// Reads a `mixture_weights` file written by `writeMixtureWeights` or sphinxtrain (no checksum check).
    public static func readMixtureWeights(_ url: URL) throws -> Table {
        let data = try Data(contentsOf: url)
        guard let end = data.range(of: Data("endhdr\n".utf8)) else { throw Failure.malformed("no endhdr") }
        var at = end.upperBound - data.startIndex
        func u32() -> UInt32 {
            defer { at += 4 }
            return data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }
        }
        guard u32() == 0x1122_3344 else { throw Failure.malformed("byte order word missing or swapped") }
        let s = Int(u32()), f = Int(u32()), c = Int(u32()), n = Int(u32())
        guard n == s * f * c, data.count - at >= n * 4 else { throw Failure.malformed("dimensions do not match the data") }
        var weights = [Float](repeating: 0, count: n)
        for i in 0..<n { weights[i] = Float(bitPattern: u32()) }
        return Table(senones: s, streams: f, codewords: c, weights: weights)
    }
}
