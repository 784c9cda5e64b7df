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
      notes: summaries.map { pupils($0.assessed) })
  }

  /// "28 pupils", "none entered": the n under a bar, in words.
  static func pupils(_ n: Int) -> String { n == 0 ? "none entered" : plural(n, "pupil") }

  /// At or above expectations for each school (or class, or year group) under a scope.
  public static func atOrAboveBy(
    _ a: Analysis, scope: AnalysisScope, scopeName: String, by key: RecordKey, keyName: String,
    names: [String: String] = [:],
    group: PupilGroup, subject: Subject, at when: HalfTermRef
  ) -> ChartSpec {
    let rows = a.breakdown(scope, by: key, group: group, subject: subject.id, at: when)
    return ChartSpec(
      kind: .groupedBars, title: "\(subject.name) at or above expectations by \(keyName): \(scopeName)",
      subtitle: "\(when.halfTerm.label) \(when.year) · \(group == .everyone ? "all pupils" : group.description)",
      xLabel: keyName.prefix(1).uppercased() + keyName.dropFirst(),
      yLabel: "% at or above", categories: rows.map { names[$0.0] ?? $0.0 },
      series: [ChartSpec.Series(name: "At or above", colour: colour(.at, a.scheme), values: rows.map(\.1.atOrAbove))],
      notes: rows.map { pupils($0.1.assessed) })
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

  /// A test's scores as a histogram over its bands, with n.
  public static func scoreDistribution(
    _ summary: ScoreSummary, test: TestDefinition, scopeName: String, at when: TermRef
  ) -> ChartSpec {
    let counts = test.bands.map { Double(summary.bands[$0.label, default: 0]) }
    var spec = ChartSpec(
      kind: .groupedBars, title: "\(test.name) \(when.term.label) \(when.year): \(scopeName)",
      subtitle: plural(summary.n, "pupil") + (summary.mean.map { String(format: ", mean %.1f", $0) } ?? "")
        + (summary.median.map { String(format: ", median %.0f", $0) } ?? ""),
      xLabel: "Band", yLabel: "Pupils", categories: test.bands.map(\.label),
      series: [ChartSpec.Series(name: "Pupils", colour: "#1565C0", values: counts)],
      notes: counts.map { plural(Int($0), "pupil") })
    // A round top for the axis: the next multiple of 50 above the tallest bar.
    spec.yMax = max(50, ((counts.max() ?? 0) * 1.1 / 50).rounded(.up) * 50)
    spec.valueSuffix = ""
    // Nothing to draw: say so rather than draw a row of zeros.
    if summary.n == 0 {
      spec.subtitle = "No scores entered yet"
      spec.emptyMessage = "No \(test.name) scores for \(scopeName) in \(when.term.label) \(when.year) yet."
    }
    return spec
  }

  /// At or above expectations half-term by half-term, one line per subject.
  public static func progress(
    _ a: Analysis, scope: AnalysisScope, scopeName: String, group: PupilGroup, subjects: [Subject],
    over times: [HalfTermRef]
  )
    -> ChartSpec
  {
    let palette = ["#1565C0", "#C62828", "#2E7D32", "#6A1B9A", "#EF6C00"]
    let series = subjects.enumerated().map { i, s in
      ChartSpec.Series(
        name: s.name, colour: palette[i % palette.count],
        values: a.progress(scope, group: group, subject: s.id, over: times).map(\.1.atOrAbove))
    }
    let n =
      times.last.map { t in subjects.first.map { a.bands(scope, group: group, subject: $0.id, at: t).assessed } ?? 0 }
      ?? 0
    return ChartSpec(
      kind: .lines, title: "At or above expectations over time: \(scopeName)",
      subtitle:
        "\(group == .everyone ? "All pupils" : group.description) · \(plural(n, "pupil")) assessed at the latest half-term",
      xLabel: "Half-term",
      yLabel: "% at or above", categories: times.map { "\($0.halfTerm.label)\n\($0.year)" }, series: series, notes: [])
  }

  /// Each pupil's judgement band against their score in the same term: where they disagree shows.
  public static func judgementVersusScore(
    _ a: Analysis, scope: AnalysisScope, scopeName: String, test: TestDefinition, at when: HalfTermRef,
    steps: Int = 1
  )
    -> ChartSpec
  {
    var spec = ChartSpec(
      kind: .scatter, title: "\(test.name) against judgements: \(scopeName)",
      subtitle: "\(when.halfTerm.label) \(when.year)",
      xLabel: "Teacher judgement", yLabel: "Standardised score", categories: CommonBand.allCases.map(\.label),
      series: [], notes: [])
    let term = TermRef(when.year, when.halfTerm.term)
    // By position: copying each record (a dozen fields retained) cost more than the chart.
    let records = a.records
    for i in a.indices(in: scope, group: .everyone, subject: test.subject, year: when.year) {
      guard let score = records[i].scores[test.id, at: term],
        let band = records[i].code(test.subject, at: when).flatMap({ a.scheme.code(id: $0) }).flatMap({
          $0.kind == .assessed ? $0.band : nil
        })
      else { continue }
      let scoreBand = test.band(of: score)
      // The disagreement flag's rule: bands apart by at least the trust's steps.
      let apart = scoreBand.map { abs($0.band.rank - band.rank) >= max(1, steps) } ?? false
      spec.points.append(
        .init(category: band.rank, value: Double(score), colour: scoreBand?.colour ?? "#555555", marked: apart))
    }
    let disagree = spec.points.filter { $0.marked == true }.count
    spec.subtitle += " · \(plural(spec.points.count, "pupil")); ringed: \(disagree) where judgement and test disagree"
    spec.notes = CommonBand.allCases.map { b in pupils(spec.points.filter { $0.category == b.rank }.count) }
    if spec.points.isEmpty {
      spec.emptyMessage = "No pupil in \(scopeName) has both a judgement and a \(test.name) score for this term yet."
    }
    spec.yMin = Double(test.minimum)
    spec.yMax = Double(test.maximum)
    // The legend names the test's bands, so the colours are never the only clue.
    spec.series = test.bands.reversed().map { ChartSpec.Series(name: $0.label, colour: $0.colour, values: []) }
    return spec
  }

  static func label(_ band: String) -> String { CommonBand(rawValue: band)?.label ?? "No code" }
}
