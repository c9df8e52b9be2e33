import ArgumentParser
import Foundation
import History
import Reports
import VoiceProfile

struct Voices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List enrolled voices, choose the one scoring uses, or remove one.",
        discussion: """
        Examples:
          rehearse voices
          rehearse voices --json
          rehearse voices --use alex      # score, practice and eval-asr use it unless --voice says otherwise
          rehearse voices --use none      # score with the unadapted model
          rehearse voices --remove alex   # the profile and its takes
        """)

    @Flag(help: "A JSON array of the voices.")
    var json = false

    @Option(help: ArgumentHelp("Make this voice the default (or none).", valueName: "name|none"))
    var use: String?

    @Option(help: ArgumentHelp("Delete this voice and its takes.", valueName: "name"))
    var remove: String?

    struct Item: Encodable {
        var name: String
        var inUse: Bool
        var state: String
        var method: String?
        var takes: Int
        var heldOutErrors: [String: Double]?
        var created: Date?
        var problem: String?
    }

    func run() throws {
        let store = VoiceStore(dataFolder: try DataFolder.resolve())
        if let use {
            if use.lowercased() == "none" { try store.use(nil); print("Scoring uses no voice now."); return }
            try VoiceStore.checkName(use)
            try store.use(use)
            print("Scoring uses voice \"\(use)\" now.")
            return
        }
        if let remove {
            try store.remove(remove)
            print("Removed voice \"\(remove)\" and its takes.")
            return
        }
        let items: [Item] = store.names().map { name in
            let inUse = store.inUse == name
            switch store.state(name) {
            case .ready(let profile):
                let r = profile.record
                return Item(name: name, inUse: inUse, state: "ready", method: r.method.rawValue,
                            takes: r.adaptedFrom.count + r.heldOut.count,
                            heldOutErrors: r.validation.mapValues { ($0.rate * 1000).rounded() / 1000 }, created: r.created)
            case .inProgress(let takes):
                return Item(name: name, inUse: inUse, state: "unfinished", takes: takes,
                            problem: VoiceError.unfinished(name: name, takes: takes).description)
            case .unusable(let error):
                return Item(name: name, inUse: inUse, state: "unusable", takes: store.takeIDs(name).count, problem: error.description)
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(items), as: UTF8.self))
            return
        }
        guard !items.isEmpty else { print("No voices enrolled yet (`rehearse enroll`)."); return }
        for item in items {
            var line = "\(item.inUse ? "*" : " ") \(item.name)  "
            switch item.state {
            case "ready":
                line += "\(item.takes) takes, \(AdaptationMethod(rawValue: item.method ?? "")?.label ?? "?")"
                if let e = item.heldOutErrors, let stock = e["stock"], let method = item.method, let mine = e[method], method != "stock" {
                    line += String(format: ", held-out WER %.2f (unadapted %.2f)", mine, stock)
                }
            default:
                line += item.problem ?? item.state
            }
            print(line)
        }
        if let inUse = store.inUse, !store.names().contains(inUse) {
            print("(the voice in use, \"\(inUse)\", is gone: scoring uses no voice)")
        }
    }
}

enum VoicesText {
    static func summary(_ r: VoiceProfileRecord) -> String {
        var lines = ["Voice \"\(r.name)\": \(r.method.label)" + (r.method == .stock ? " — no adaptation did better on the held-out takes, so the stock model stays" : "")]
        let order: [AdaptationMethod] = [.stock, .mllr, .map, .mllrMap]
        for m in order {
            guard let e = r.validation[m.rawValue] else { continue }
            let label = m.label.padding(toLength: 12, withPad: " ", startingAt: 0)
            lines.append("  \(label) " + String(format: "%3d errors in %d held-out words (WER %.2f)", e.errors, e.words, e.rate)
                         + (m == r.method ? "  ← kept" : ""))
        }
        lines.append(String(format: "  %d takes (%.0f s of audio): %d adapted from, %d held out; CPU %.1f s adapting, %.1f s checking takes",
                            r.adaptedFrom.count + r.heldOut.count, r.audioSeconds, r.adaptedFrom.count, r.heldOut.count,
                            r.adaptationCPUSeconds, r.checkingCPUSeconds))
        return lines.joined(separator: "\n")
    }
}
