import CohortCharts
import CohortCore
import CohortPluginKit

/// The built-in chart kinds, in the order `cohort chart --help` lists them.
struct ChartsPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "charts", name: "Charts", version: "1.0.0",
    description: "Bands, comparisons by school, class and year, transitions, progress, gaps and scores.",
    provides: [.chartKind])

  func register(_ registrar: PluginRegistrar) {
    for kind in Self.kinds { registrar.add(chartKind: kind) }
  }

  static let kinds: [ChartKind] = [
    BuiltInChart("bands", "each subject's bands at the half-term") { r in
      Charts.bandsBySubject(
        r.analysis, scope: r.scope, scopeName: r.scopeName, group: r.group, subjects: r.trust.activeSubjects,
        at: r.when)
    },
    atOrAbove("by-school", "school", .school, "at or above expected, school by school"),
    atOrAbove("by-class", "class", .schoolClass, "at or above expected, class by class"),
    atOrAbove("by-year", "year group", .yearGroup, "at or above expected, year group by year group"),
    BuiltInChart("transitions", "where pupils moved between bands since --from") { r in
      Charts.transitions(
        r.analysis.transitions(r.scope, group: r.group, subject: r.subject.id, from: r.from, to: r.when),
        subject: r.subject, scopeName: r.scopeName)
    },
    BuiltInChart("progress", "each subject's bands, half-term by half-term this year") { r in
      let times = HalfTerm.allCases.filter { $0 <= r.when.halfTerm }.map { HalfTermRef(r.when.year, $0) }
      return Charts.progress(
        r.analysis, scope: r.scope, scopeName: r.scopeName, group: r.group, subjects: r.trust.activeSubjects,
        over: times)
    },
    BuiltInChart("over-time", "one subject's bands over this year and last", yearsBack: 1) { r in
      // Every half-term of last year and this one up to the one asked about.
      let times = (0..<12).map { HalfTermRef(ordinal: r.when.ordinal - Int32($0)) }.reversed()
        .filter { $0.year >= r.when.year.previous }
      return Charts.bandsOverTime(
        r.analysis, scope: r.scope, scopeName: r.scopeName, group: r.group, subject: r.subject, over: times)
    },
    BuiltInChart("gaps", "each group against the rest, in points (a heatmap)") { r in
      Charts.gapsHeatmap(
        r.analysis.gapTable(
          r.scope, subject: r.subject, at: r.when, names: r.names, minimum: r.trust.minimumGroupSize))
    },
    BuiltInChart("scores", "the spread of a test's standardised scores") { r in
      let test = try r.chosenTest()
      let term = TermRef(r.when.year, r.when.halfTerm.term)
      return Charts.scoreDistribution(
        r.analysis.scores(r.scope, group: r.group, test: test, at: term), test: test, scopeName: r.scopeName,
        at: term)
    },
    BuiltInChart("scatter", "each pupil's judgement against their test score") { r in
      Charts.judgementVersusScore(
        r.analysis, scope: r.scope, scopeName: r.scopeName, test: try r.chosenTest(), at: r.when)
    },
  ]

  static func atOrAbove(_ id: String, _ keyName: String, _ key: RecordKey, _ summary: String) -> ChartKind {
    BuiltInChart(id, summary) { r in
      let names = key == .yearGroup ? RecordKey.yearGroupNames : r.names.names(for: key)
      return Charts.atOrAboveBy(
        r.analysis, scope: r.scope, scopeName: r.scopeName, by: key, keyName: keyName, names: names, group: r.group,
        subject: r.subject, at: r.when)
    }
  }
}

/// A chart kind made of a function.
struct BuiltInChart: ChartKind {
  let id: String
  let summary: String
  let yearsBack: Int
  let draw: @Sendable (ChartRequest) throws -> ChartSpec

  init(
    _ id: String, _ summary: String, yearsBack: Int = 0, draw: @escaping @Sendable (ChartRequest) throws -> ChartSpec
  ) {
    self.id = id
    self.summary = summary
    self.yearsBack = yearsBack
    self.draw = draw
  }

  func make(_ request: ChartRequest) throws -> ChartSpec { try draw(request) }
}
