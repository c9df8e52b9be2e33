import Foundation

/// The n-grams of a language model in sphinxbase's binary trie format (what `sphinx_lm_convert
/// -ofmt bin` writes; Debian's en-us.lm.bin is one), read from the file.
///
/// Debian's sphinxbase declares `ngram_model_mgrams` and the `ngram_iter_*` functions in its
/// header but its library does not export them, and its ARPA writer stops on an assertion for
/// en-us.lm.bin, so the only way to list that model's n-grams here is to read the file. Only
/// the structure (which n-grams exist) and the backoff weights are taken from it; probabilities
/// are read back through sphinxbase itself (`SphinxMixScorer`).
///
/// Layout, as sphinxbase 5prealpha reads it: the text "Trie Language Model", the order (one
/// byte), one 32-bit count per order, a 32-bit word, the quantiser's tables (65,536 floats each:
/// for every middle order a probability and a backoff table, then the highest order's
/// probabilities), the unigrams (count + 1 records of probability, backoff and the index of the
/// first successor), the bit-packed middle and highest orders, then the words, NUL-separated.
/// The trie runs backwards: under a word are the words that can come *before* it.
struct TrieModelFile {
    static let magic = "Trie Language Model"

    enum ReadError: Error, CustomStringConvertible {
        case notATrieModel(String)
        case truncated(String)
        case unsupportedOrder(String, Int)
        var description: String {
            switch self {
            case .notATrieModel(let path): "\(path) is not a sphinxbase trie language model"
            case .truncated(let path): "\(path) ends before its n-grams do"
            case .unsupportedOrder(let path, let order): "\(path) is a \(order)-gram model; only 1- to 3-gram models are read"
            }
        }
    }

    var order: Int
    /// The words, by their index in the file (the model's own word ids).
    var words: [String]
    /// Unigram log probabilities and backoff weights, in sphinxbase's log base 1.0001.
    var unigramProbability: [Float]
    var unigramBackoff: [Float]
    /// Bigrams as (first word, second word) with their log probability and backoff weight.
    var bigrams: [(first: Int32, second: Int32, probability: Float, backoff: Float)]
    /// Trigrams as (first, second, third) with their log probability.
    var trigrams: [(first: Int32, second: Int32, third: Int32, probability: Float)]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        self = try data.withUnsafeBytes { raw in try Self(bytes: raw, path: path) }
    }

    private init(bytes: UnsafeRawBufferPointer, path: String) throws {
        let magic = Array(Self.magic.utf8)
        guard bytes.count > magic.count + 1, Array(bytes.prefix(magic.count)) == magic else {
            throw ReadError.notATrieModel(path)
        }
        var at = magic.count
        func need(_ n: Int) throws { if at + n > bytes.count { throw ReadError.truncated(path) } }
        func u32() throws -> UInt32 {
            try need(4)
            defer { at += 4 }
            return bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian
        }
        func f32() throws -> Float { Float(bitPattern: try u32()) }

        try need(1)
        order = Int(bytes[at]); at += 1
        guard (1...3).contains(order) else { throw ReadError.unsupportedOrder(path, order) }
        var counts: [Int] = []
        for _ in 0..<order { counts.append(Int(try u32())) }
        let tableSize = 1 << 16
        var middleProbabilities: [Float] = [], middleBackoffs: [Float] = [], longestProbabilities: [Float] = []
        if order > 1 {
            _ = try u32()
            if order == 3 {
                for _ in 0..<tableSize { middleProbabilities.append(try f32()) }
                for _ in 0..<tableSize { middleBackoffs.append(try f32()) }
            }
            for _ in 0..<tableSize { longestProbabilities.append(try f32()) }
        }
        var next: [Int] = []
        unigramProbability = []; unigramBackoff = []
        next.reserveCapacity(counts[0] + 1)
        for _ in 0...counts[0] {
            unigramProbability.append(try f32())
            unigramBackoff.append(try f32())
            next.append(Int(try u32()))
        }
        unigramProbability.removeLast(); unigramBackoff.removeLast()

        func requiredBits(_ max: Int) -> Int { max == 0 ? 0 : Int.bitWidth - max.leadingZeroBitCount }
        func size(entries: Int, totalBits: Int) -> Int { ((1 + entries) * totalBits + 7) / 8 + 8 }
        let wordBits = requiredBits(counts[0])
        let quantBits = 32, longestQuantBits = 16
        // Where each packed array starts, and its record width in bits.
        var middleStart = 0, middleBits = 0, nextBits = 0
        var longestStart = at, longestBits = wordBits + longestQuantBits
        if order == 3 {
            nextBits = requiredBits(counts[2])
            middleBits = wordBits + quantBits + nextBits
            middleStart = at
            longestStart = at + size(entries: counts[1], totalBits: middleBits)
        }
        let longestEnd = longestStart + (order > 1 ? size(entries: counts[order - 1], totalBits: longestBits) : 0)
        guard longestEnd <= bytes.count else { throw ReadError.truncated(path) }

        /// sphinxbase's `bitarr_read_int25`: 32 bits from the byte holding `bit`, shifted, masked.
        func read(_ start: Int, _ bit: Int, _ length: Int) -> Int {
            let word = bytes.loadUnaligned(fromByteOffset: start + bit >> 3, as: UInt32.self).littleEndian
            return Int((word >> UInt32(bit & 7)) & UInt32((1 << length) - 1))
        }

        bigrams = []; trigrams = []
        if order == 2 {
            for w in 0..<counts[0] {
                for p in next[w]..<next[w + 1] {
                    let v = read(longestStart, p * longestBits, wordBits)
                    let prob = longestProbabilities[read(longestStart, p * longestBits + wordBits, 16)]
                    bigrams.append((Int32(v), Int32(w), prob, 0))
                }
            }
        } else if order == 3 {
            bigrams.reserveCapacity(counts[1]); trigrams.reserveCapacity(counts[2])
            for w in 0..<counts[0] {
                for p in next[w]..<next[w + 1] {
                    let base = p * middleBits
                    let v = read(middleStart, base, wordBits)
                    let backoff = middleBackoffs[read(middleStart, base + wordBits, 16)]
                    let prob = middleProbabilities[read(middleStart, base + wordBits + 16, 16)]
                    bigrams.append((Int32(v), Int32(w), prob, backoff))
                    let first = read(middleStart, base + wordBits + quantBits, nextBits)
                    let end = read(middleStart, base + middleBits + wordBits + quantBits, nextBits)
                    guard first <= end, end <= counts[2] else { throw ReadError.truncated(path) }
                    for q in first..<end {
                        let u = read(longestStart, q * longestBits, wordBits)
                        let tprob = longestProbabilities[read(longestStart, q * longestBits + wordBits, 16)]
                        trigrams.append((Int32(u), Int32(v), Int32(w), tprob))
                    }
                }
            }
        }

        at = longestEnd
        let length = Int(Int32(bitPattern: try u32()))
        try need(length)
        var words: [String] = []
        words.reserveCapacity(counts[0])
        var start = at
        for i in at..<(at + length) where bytes[i] == 0 {
            words.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        guard words.count == counts[0] else { throw ReadError.truncated(path) }
        self.words = words
    }
}
