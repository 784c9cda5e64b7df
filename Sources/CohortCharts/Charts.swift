import CohortCore
import Foundation

/// Builds chart specs from analysis results. Colours come from the code scheme.
public enum Charts {
  /// The colour of a band: the scheme's first assessed code with that band.
  static func colour(_ band: CommonBand, _ scheme: CodeScheme) -> String {
    scheme.codes.first { $0.kind == .assessed && $0.band == band }?.colour ?? "#777777"
  }

  static func pct(_ x: Double) -> String { String(format: "%.0f%%", x) }

  /// Bands per subject for one scope and group: stacked to 100% of the assessed pupils.
  public static func bandsBySubject(
    _ a: Analysis, scope: AnalysisScope, scopeName: String, group: PupilGroup, subjects: [Subject], at when: HalfTermRef
  ) -> ChartSpec {
    let summaries = subjects.map { a.bands(scope, group: group, subject: $0.id, at: when) }
    return ChartSpec(
      kind: .stackedBars, title: "\(scopeName): judgements at \(when.halfTerm.label) \(when.year)",
      subtitle: group == .everyone
        ? "All pupils" : group.description.prefix(1).uppercased() + group.description.dropFirst(),
      xLabel: "Subject", yLabel: "% of pupils assessed", categories: subjects.map(\.name),
      series: CommonBand.allCases.map { b in
        ChartSpec.Series(name: b.label, colour: colour(b, a.scheme), values: summaries.map { $0.percent(b) })
      },
      notes: summaries.map { "n=\($0.assessed)" })
  }

  /// At or above expectations for each school (or class, or year group) under a scope.
  public static func atOrAboveBy(
    _ a: Analysis, scope: AnalysisScope, scopeName: String, by key: (PupilRecord) -> String, keyName: String,
    names: [String: String] = [:],
    group: PupilGroup, subject: Subject, at when: HalfTermRef
  ) -> ChartSpec {
    let rows = a.breakdown(scope, by: key, group: group, subject: subject.id, at: when)
    return ChartSpec(
      kind: .groupedBars, title: "\(subject.name) at or above expectations by \(keyName): \(scopeName)",
      subtitle: "\(when.halfTerm.label) \(when.year) · \(group == .everyone ? "all pupils" : group.description)",
      xLabel: keyName.capitalized,
      yLabel: "% at or above", categories: rows.map { names[$0.0] ?? $0.0 },
      series: [ChartSpec.Series(name: "At or above", colour: colour(.at, a.scheme), values: rows.map(\.1.atOrAbove))],
      notes: rows.map { "n=\($0.1.assessed)" })
  }

  /// A transition matrix as a heat map with the count in every cell.
  public static func transitions(_ m: TransitionMatrix, subject: Subject, scopeName: String) -> ChartSpec {
    var spec = ChartSpec(
      kind: .heatmap, title: "\(subject.name): how pupils moved, \(scopeName)",
      subtitle: "\(m.from) (rows) to \(m.to) (columns), \(m.total) pupils",
      xLabel: m.to, yLabel: m.from, categories: TransitionMatrix.rows.map(label), series: [], notes: [])
    spec.rows = TransitionMatrix.rows.map(label)
    spec.counts = TransitionMatrix.rows.map { r in TransitionMatrix.rows.map { m.count(r, $0) } }
    spec.yMax = Double(spec.counts.flatMap { $0 }.max() ?? 0)
    return spec
  }

  static func label(_ band: String) -> String { CommonBand(rawValue: band)?.label ?? "No code" }
}
