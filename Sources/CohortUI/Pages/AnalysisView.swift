import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Dispatch
import Foundation

/// What the Analysis page shows for one scope, computed off the main thread: at trust level
/// it is several passes over every pupil plus every flag rule for each, which took far longer
/// than a frame (DESIGN: the window never freezes).
public struct AnalysisView: Sendable {
  /// Everything the computation needs, gathered on the main thread.
  public struct Request: Sendable {
    /// One per load of records, kept by the page: its columns make every step after the
    /// first a matter of counting.
    var analysis: Analysis
    var subjects: [Subject]
    var subject: Subject
    var scope: AnalysisScope
    var names: ScopeNames
    var short: [String: String]
    var group: PupilGroup
    /// The window's half-term, and whether to show it even when it is not mostly entered.
    var asked: HalfTermRef
    var showAsked: Bool
    var threshold: Int
    var minimum: Int
    var flags: FlagContext
    var rules: [FlagRule]
    /// The movement matrix's first half-term (nil: the one before).
    var movementFrom: HalfTermRef?

    public init(
      analysis: Analysis, subjects: [Subject], subject: Subject, scope: AnalysisScope, names: ScopeNames,
      group: PupilGroup, asked: HalfTermRef, threshold: Int, minimum: Int, flags: FlagContext, rules: [FlagRule]
    ) {
      (self.analysis, self.subjects, self.subject, self.scope, self.names) = (analysis, subjects, subject, scope, names)
      // Short school names by default; the page gives the trust's own where it has set them.
      short = names.schools.mapValues(Charts.shortSchoolName)
      (self.group, self.asked, self.showAsked) = (group, asked, false)
      (self.threshold, self.minimum, self.flags, self.rules) = (threshold, minimum, flags, rules)
    }
  }

  /// The other tabs (gaps, over time, movement, tests): worked out once the overview is on
  /// screen, so that the first thing a leader sees is not held up by charts on other tabs.
  public struct Tabs: Sendable {
    public var gaps: GapTable
    public var gapsChart: ChartSpec
    public var overTime: [ChartSpec]
    public var times: [HalfTermRef]
    public var movement: ChartSpec
    public var matrix: TransitionMatrix
    public var movementFrom: HalfTermRef
    public var tests: [ChartSpec]

    var charts: [ChartSpec] { [gapsChart] + overTime + [movement] + tests }
  }

  public var when: HalfTermRef
  public var opening: Opening
  public var completeness: Completeness
  public var bands: ChartSpec
  public var drill: ChartSpec?
  public var drillIDs: [String]
  var lookAt = PupilsTable.Rows()
  /// Pupils to look at, and the pupils in the scope and group.
  public var flagged = 0
  public var outOf = 0
  /// Nil until they are worked out (`withTabs`).
  public var tabs: Tabs?

  /// Every chart of the scope, in the order the presenter steps through them.
  public var charts: [ChartSpec] { [drill, bands].compactMap { $0 } + (tabs?.charts ?? []) }

  /// The overview and every other tab.
  public static func compute(_ r: Request) -> AnalysisView { withTabs(overview(r), r) }

  /// What the Overview tab shows: how much is entered, the level below, the bands, and the
  /// pupils to look at (a screenful of rows, with the count of all).
  public static func overview(_ r: Request) -> AnalysisView {
    let a = r.analysis
    let opening = a.opening(r.scope, subjects: r.subjects, names: r.names, upTo: r.asked, threshold: r.threshold)
    let when = r.showAsked ? r.asked : opening.when
    let completeness =
      when == opening.when
      ? opening.completeness : a.completeness(r.scope, subjects: r.subjects, names: r.names, at: when)
    let c = charts(r, when)
    // The flags and the charts are independent passes: one on each core.
    let (lookAt, charted) = Parallel.both(
      {
        PupilsToLookAt.build(
          a, scope: r.scope, group: r.group, context: r.flags.at(when), rules: r.rules, names: r.names,
          limit: PupilsTable.shown)
      },
      { (c.drill(), c.bands(completeness)) })
    var view = AnalysisView(
      when: when, opening: opening, completeness: completeness, bands: charted.1, drill: charted.0?.0,
      drillIDs: charted.0?.1 ?? [])
    // A scope across schools names each class's school, whichever schools the rows shown are from.
    let across = ScopeNames.levelBelow(r.scope) == .school
    view.lookAt = rows(lookAt, now: when, short: r.short, across: across)
    (view.flagged, view.outOf) = (lookAt.flagged, lookAt.outOf)
    return view
  }

  /// The view with its other tabs worked out.
  public static func withTabs(_ v: AnalysisView, _ r: Request) -> AnalysisView {
    let c = charts(r, v.when)
    let (gaps, times) = Parallel.both(
      { r.analysis.gapTable(r.scope, subject: r.subject, at: v.when, names: r.names, minimum: r.minimum) },
      { c.times })
    let from = r.movementFrom.flatMap { times.contains($0) && $0 != v.when ? $0 : nil } ?? v.when.previous
    let (movement, matrix) = c.movement(from: from)
    var gapsChart = Charts.gapsHeatmap(gaps)
    if ScopeNames.levelBelow(r.scope) == .school {
      gapsChart.rows = gaps.rows.map { r.short[$0.key] ?? $0.name }
    }
    var view = v
    view.tabs = Tabs(
      gaps: gaps, gapsChart: gapsChart, overTime: c.overTime(times), times: times, movement: movement,
      matrix: matrix, movementFrom: from, tests: c.tests(r.flags.tests, steps: r.flags.steps))
    return view
  }

  private static func charts(_ r: Request, _ when: HalfTermRef) -> AnalysisCharts {
    AnalysisCharts(
      a: r.analysis, scope: r.scope, names: r.names, group: r.group, subjects: r.subjects, subject: r.subject,
      when: when, threshold: r.threshold, short: r.short)
  }
}

extension AnalysisView {
  /// The flag rules' table in words; the class says its school when the table spans schools.
  /// Across schools the class says its school by its short name ("3B, Meadow"): the column
  /// is narrow beside the reason, and a full name was cut short there.
  static func rows(_ t: PupilsToLookAt, now: HalfTermRef, short: [String: String], across: Bool)
    -> PupilsTable.Rows
  {
    let schools = across ? 2 : Set(t.rows.map(\.school)).count
    return PupilsTable.Rows(
      words: t.words, total: t.rowCount,
      rows: t.rows.map { r in
        PupilsTable.Rows.Row(
          pupil: r.pupil, school: r.school, name: r.name,
          place: r.className + (schools > 1 ? ", \(short[r.school] ?? r.schoolName)" : ""),
          subject: r.subjectName ?? "",
          reason: r.reason, since: PupilsToLookAt.since(r.since, now: now),
          score: r.latestScore.map { "\($0) (\(r.latestTest ?? ""))" } ?? "none")
      })
  }
}

/// What the page reads from the data folder (through the loaders the CLI uses too).
extension AnalysisView {
  /// A year's records with their codes from the two years before: over time spans years.
  static func load(_ folder: DataFolder, trust: Trust, scheme: CodeScheme, year: AcademicYear) throws -> Analysis {
    Analysis(records: try AnalysisLoader.load(folder, trust: trust, year: year, history: 2), scheme: scheme)
  }

  /// The names of the schools and of the classes of a year, for every title.
  @MainActor
  static func names(_ context: AppContext, year: AcademicYear) -> ScopeNames {
    ScopeNames(trust: context.trust, classes: context.schools.flatMap { ScopeNames.classes(of: $0, in: year) })
  }

  /// The statutory results of the year (or the year before, while this year's are not in).
  static func statutory(
    _ folder: DataFolder, trust: Trust, registry: PluginRegistry, scope: AnalysisScope, year: AcademicYear
  ) throws -> StatutorySummary {
    try StatutorySummary.latest(folder, trust: trust, registry: registry, scope: scope, upTo: year)
  }
}
