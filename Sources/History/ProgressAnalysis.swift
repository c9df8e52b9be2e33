import Analysis
import Foundation

/// A figure tracked across attempts, and what counts as getting better at it.
public enum Metric: String, CaseIterable, Codable, Sendable {
    case score, fillersPerMinute, wordsPerMinute, longPauses, partsPresent

    public var title: String {
        switch self {
        case .score: return "Score"
        case .fillersPerMinute: return "Fillers/min"
        case .wordsPerMinute: return "Pace (wpm)"
        case .longPauses: return "Long pauses"
        case .partsPresent: return "Parts (of 4)"
        }
    }

    func value(_ a: AttemptSummary) -> Double? {
        switch self {
        case .score: return Double(a.score)
        case .fillersPerMinute: return a.fillersPerMinute
        case .wordsPerMinute: return a.wordsPerMinute
        case .longPauses: return a.recordingPath == nil && a.wordsPerMinute == nil ? nil : Double(a.longPauseCount)
        case .partsPresent: return Double(a.partsPresent)
        }
    }

    /// How far a value is from good; lower is better.
    func shortfall(_ x: Double) -> Double {
        switch self {
        case .score, .partsPresent: return -x
        case .fillersPerMinute, .longPauses: return x
        case .wordsPerMinute: return PaceBand.distance(x)
        }
    }

    /// Relative changes are taken against at least this much, so going from 0 to 0.2 fillers a
    /// minute is not a "100% worse".
    var smallestBaseline: Double {
        switch self {
        case .score: return 10
        case .fillersPerMinute, .longPauses, .partsPresent: return 1
        case .wordsPerMinute: return 60
        }
    }
}

/// Whether a metric moved enough for a listener to notice, and which way.
public enum Verdict: String, Codable, Sendable {
    case better, worse
    /// Changed by more than the threshold without getting better or worse (pace inside the band).
    case different
    /// Within the threshold of the baseline.
    case steady
    /// Fewer than two attempts with this figure.
    case tooFewAttempts
}

public struct MetricTrend: Codable, Sendable, Hashable {
    public var metric: Metric
    /// Oldest first; attempts without this figure (pace of a typed answer) are left out.
    public var values: [Double]
    /// Median of the first attempts: where the person started.
    @NullEncoded public var baseline: Double?
    /// Median of the latest attempts.
    @NullEncoded public var recent: Double?
    /// (recent − baseline) / baseline.
    @NullEncoded public var change: Double?
    public var verdict: Verdict
}

/// Trends for one slice of the history: a topic, a role, or all of it.
public struct ProgressGroup: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case topic, role }
    public var kind: Kind
    /// The topic or role; "none" for attempts without a known question.
    public var name: String
    public var attempts: Int
    public var score: MetricTrend
}

public struct ProgressSummary: Codable, Sendable, Hashable {
    @NullEncoded public var topic: String?
    @NullEncoded public var role: String?
    public var attempts: Int
    @NullEncoded public var firstAttemptAt: Date?
    @NullEncoded public var latestAttemptAt: Date?
    public var metrics: [MetricTrend]
    public var groups: [ProgressGroup]
}

/// Turns attempts into trends. A change counts only past `threshold` (10%): smaller changes in
/// tempo and the like go unnoticed by listeners, so reporting them would be noise.
public struct ProgressAnalysis: Sendable {
    public var threshold = 0.10
    /// How many attempts make the baseline, and the recent level.
    public var window = 5

    public init() {}

    /// `attempts` oldest first, as `AttemptStoring.summaries` returns them.
    public func summarize(_ attempts: [AttemptSummary], topic: String? = nil, role: String? = nil) -> ProgressSummary {
        var groups: [ProgressGroup] = []
        for (kind, key) in [(ProgressGroup.Kind.topic, \AttemptSummary.topic), (.role, \AttemptSummary.role)] {
            var byName: [String: [AttemptSummary]] = [:]
            for a in attempts { byName[a[keyPath: key] ?? "none", default: []].append(a) }
            for (name, members) in byName.sorted(by: { $0.key < $1.key }) {
                groups.append(ProgressGroup(kind: kind, name: name, attempts: members.count,
                                            score: trend(.score, members)))
            }
        }
        return ProgressSummary(topic: topic, role: role, attempts: attempts.count,
                               firstAttemptAt: attempts.first?.createdAt, latestAttemptAt: attempts.last?.createdAt,
                               metrics: Metric.allCases.map { trend($0, attempts) }, groups: groups)
    }

    public func trend(_ metric: Metric, _ attempts: [AttemptSummary]) -> MetricTrend {
        let values = attempts.compactMap(metric.value)
        guard values.count >= 2 else {
            return MetricTrend(metric: metric, values: values, baseline: values.first, recent: values.last,
                               change: nil, verdict: .tooFewAttempts)
        }
        // Baseline and recent level never share an attempt.
        let n = min(window, values.count / 2)
        let baseline = Self.median(values.prefix(n)), recent = Self.median(values.suffix(n))
        let change = (recent - baseline) / max(abs(baseline), metric.smallestBaseline)
        let verdict: Verdict
        if abs(change) <= threshold {
            verdict = .steady
        } else {
            let before = metric.shortfall(baseline), after = metric.shortfall(recent)
            verdict = after < before ? .better : after > before ? .worse : .different
        }
        return MetricTrend(metric: metric, values: values, baseline: baseline, recent: recent,
                           change: (change * 1000).rounded() / 1000, verdict: verdict)
    }

    static func median<C: Collection>(_ values: C) -> Double where C.Element == Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid]
    }
}
