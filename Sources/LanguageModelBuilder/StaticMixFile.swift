import Foundation
import Analysis
import CPocketSphinx
import PocketSphinx

/// `rehearse-lm --static-mix`: writes the model folder's run-time mix as one model,
/// `rehearse-mix.lm.bin`, names it in the folder's recognizer.json, and prints how closely it
/// scores like the mix. The file is built where it is used (the 27 MB general model it is made
/// from is Debian's and is not committed).
enum StaticMixFile {
    static let name = "rehearse-mix.lm.bin"
    /// 1: linear interpolation (SRILM's `-mix-lm`). See docs/recognizer.md.
    static let defaultExponent = 1.0

    static func build(in folder: String, exponent: Double) throws {
        // sphinxbase's INFO lines would bury the summary; this process runs no decoder (in a
        // process that does, PocketSphinxLog owns the log and this must not be called).
        err_set_logfp(nil)
        let url = URL(fileURLWithPath: folder).appendingPathComponent(RecognizerModel.descriptionFile)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw MixError("\(url.path): cannot read it (build the model first): \(error)") }
        var description = try JSONDecoder().decode(RecognizerModel.Description.self, from: data)
        func path(_ p: String) -> String { p.hasPrefix("/") ? p : folder + "/" + p }
        guard let general = description.generalLanguageModel else {
            throw MixError("\(url.path) names no general model: there is nothing to mix")
        }
        let domain = path(description.languageModel), weight = description.domainWeight ?? 1
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-mix-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arpa = scratch.appendingPathComponent("mix.arpa").path
        let built = scratch.appendingPathComponent("mix.lm.bin").path
        let header = ["Rehearse static mix, written by rehearse-lm --static-mix",
                      "domain \(domain) weight \(weight), general \(general) weight \(1 - weight)",
                      String(format: "exponent %g (1 = linear interpolation)", exponent)]
        let summary = try StaticMix.write(domain: domain, general: path(general), domainWeight: weight, exponent: exponent,
                                          arpaPath: arpa, header: header)
        try RehearseLM.convert(arpa, to: built)
        // REHEARSE_MIX_ARPA=path keeps the ARPA text (about 120 MB) for inspection.
        if let keep = ProcessInfo.processInfo.environment["REHEARSE_MIX_ARPA"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.moveItem(atPath: arpa, toPath: keep)
        }
        let target = path(name)
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.moveItem(atPath: built, toPath: target)
        if description.staticLanguageModel == nil {
            description.staticLanguageModel = name
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(description).write(to: url)
        }
        print(String(format: "static mix  %d / %d / %d n-grams in %.0f s -> %@", summary.counts[0], summary.counts[1],
                     summary.counts[2], summary.seconds, target))
        let check = try compare(static: target, domain: domain, general: path(general), domainWeight: weight,
                                exponent: exponent, listed: summary.sample)
        print("            against the run-time mix, |static - mix| in log10:")
        print("            listed n-grams (\(check.listed.count) sampled) \(check.listed)")
        print("            random word triples (\(check.random.count), mostly backing off) \(check.random)")
    }

    struct Differences: CustomStringConvertible {
        var sorted: [Double]
        var count: Int { sorted.count }
        init(_ d: [Double]) { sorted = d.sorted() }
        var mean: Double { sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) }
        func quantile(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }
        var description: String {
            String(format: "mean %.4f, median %.4f, 95%% %.4f, 99%% %.3f, max %.3f",
                   mean, quantile(0.5), quantile(0.95), quantile(0.99), sorted.last ?? 0)
        }
    }

    /// |a − b|, with two probabilities of (near) zero counting as equal.
    static func difference(_ a: Double, _ b: Double) -> Double {
        if a < -98 && b < -98 { return 0 }
        return abs(a - b)
    }

    /// |static − mix| in log10 over `listed` n-grams and over random word triples (which mostly
    /// back off).
    static func compare(static path: String, domain: String, general: String, domainWeight: Double, exponent: Double,
                        listed: [[String]]) throws -> (listed: Differences, random: Differences) {
        let mix = try SphinxMixScorer(domain: domain, general: general, domainWeight: domainWeight, exponent: exponent)
        let mixed = try SphinxModel(path: path)
        let a = listed.map { difference(mixed.log10Probability(of: $0), mix.log10Probability(of: $0)) }
        var generator = SplitMix64(seed: 26)
        let real = mix.words.filter { !$0.hasPrefix("<") }
        let triples = (0..<2000).map { _ in (0..<3).map { _ in real[Int(generator.next() % UInt64(real.count))] } }
        let b = triples.map { difference(mixed.log10Probability(of: $0), mix.log10Probability(of: $0)) }
        return (Differences(a), Differences(b))
    }
}
