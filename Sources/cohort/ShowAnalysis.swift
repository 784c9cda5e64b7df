import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// Options shared by the analysis views: where, who, what and when.
struct AnalysisOptions: ParsableArguments {
  @Option(help: "trust, school:ID, year:SCHOOL:N, year:N, class:ID or pupils:ID,ID") var scope = "trust"
  @Option(
    help:
      "A pupil group: girls are 'female'; also disadvantaged, fsm, send, sen-support, ehcp, eal, summer-born, prior-low/middle/high; join with +, exclude with !"
  )
  var group: String?
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Option(name: .customLong("half-term"), help: "autumn1 ... summer2.") var halfTerm: String

  func when() throws -> HalfTermRef { HalfTermRef(try AcademicYear.parse(year), try HalfTerm.parse(halfTerm)) }
  func parsedScope() throws -> AnalysisScope { try AnalysisScope.parse(scope) }
  func parsedGroup() throws -> PupilGroup { try group.map(PupilGroup.parse) ?? .everyone }
}

struct ShowAnalysis: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analysis", abstract: "Band counts per subject for a scope and group, with n, and the gap to the rest."
  )

  @OptionGroup var options: DataOptions
  @OptionGroup var analysis: AnalysisOptions
  @Option(
    help:
      "Break down by school, class, year group or ethnicity (DfE's main categories; a group of fewer than 5 pupils is not shown)."
  )
  var breakdown: String?
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Row: Encodable {
    var subject: String
    var scope: String
    var summary: BandSummary
    var gap: Gap?
    var breakdown: [String: BandSummary]?
    /// The ethnicity breakdown, in DfE's order, small groups suppressed.
    var groups: [SuppressedGroup]?
  }

  func run() throws {
    let opened = try options.open()
    let when = try analysis.when()
    let scope = try analysis.parsedScope()
    let group = try analysis.parsedGroup()
    // Bands and gaps all lie within the year and the scope: earlier years and other schools
    // are not read.
    let c = try AnalysisContext.load(opened, year: when.year, history: 0, within: scope)
    let key: RecordKey? =
      switch breakdown {
      case nil: nil
      case "school": .school
      case "class": .schoolClass
      case "year", "year-group": .yearGroup
      case "ethnicity": .ethnicity
      default: throw CommandFailure("--breakdown takes school, class, year or ethnicity")
      }
    let rows = Self.rows(
      c.analysis, scope: scope, group: group, subjects: opened.trust.activeSubjects, at: when, by: key)
    if json { return try printJSON(rows) }
    print("\(c.names.name(of: scope)), \(group), \(when.halfTerm.label) \(when.year)")
    let subjects = Dictionary(opened.trust.subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    for r in rows { Self.show(r, subject: subjects[r.subject] ?? r.subject, partName: { Self.name($0, key, c.names) }) }
  }

  static func rows(
    _ a: Analysis, scope: AnalysisScope, group: PupilGroup, subjects: [Subject], at when: HalfTermRef,
    by key: RecordKey?
  ) -> [Row] {
    Parallel.map(subjects.count) { i in
      let s = subjects[i]
      if key == .ethnicity {
        return Row(
          subject: s.id, scope: scope.description, summary: a.bands(scope, group: group, subject: s.id, at: when),
          gap: a.gap(scope, group: group, subject: s.id, at: when),
          groups: a.ethnicityBreakdown(scope, group: group, subject: s.id, at: when))
      }
      let parts = key.map { k in
        a.breakdown(scope, by: k, group: group, subject: s.id, at: when).map { name, summary in
          // Year groups by their short label ("Y3"), as printed everywhere else.
          (k == .yearGroup ? RecordKey.yearGroup(name).shortLabel : name, summary)
        }
      }
      // With a breakdown, the scope's summary is the sum of its parts: one pass over the pupils, not two.
      return Row(
        subject: s.id, scope: scope.description,
        summary: parts.flatMap { total($0.map(\.1)) } ?? a.bands(scope, group: group, subject: s.id, at: when),
        gap: a.gap(scope, group: group, subject: s.id, at: when),
        breakdown: parts.map { Dictionary(uniqueKeysWithValues: $0) })
    }
  }

  /// A part of a breakdown by its name: the school's or the class's, not its id.
  static func name(_ part: String, _ key: RecordKey?, _ names: ScopeNames) -> String {
    switch key {
    case .school: names.school(part)
    case .schoolClass: names.schoolClass(part)
    default: part
    }
  }

  /// One subject's row in words: how many pupils, how many assessed, the bands, the gap, the parts.
  static func show(_ r: Row, subject: String, partName: (String) -> String) {
    let s = r.summary
    let pct = CommonBand.allCases.map { "\($0.label) \(percent(s.percent($0)))" }.joined(separator: ", ")
    print(
      "  \(subject): \(plural(s.n, "pupil")), \(grouped(s.assessed)) assessed: \(pct); \(grouped(s.notAssessed)) not assessed, \(grouped(s.empty)) not entered yet"
    )
    if let g = r.gap {
      print(
        "    gap: \(g.group) \(percent(g.groupSummary.atOrAbove)) at or above (\(grouped(g.groupSummary.assessed)) assessed) against \(g.rest) \(percent(g.restSummary.atOrAbove)) (\(grouped(g.restSummary.assessed)) assessed): \(String(format: "%+.0f", g.points)) points"
      )
    }
    let parts = (r.breakdown ?? [:]).map { (name: partName($0.key), summary: $0.value) }.sorted { $0.name < $1.name }
    for p in parts {
      print("    \(p.name): \(grouped(p.summary.assessed)) assessed, \(percent(p.summary.atOrAbove)) at or above")
    }
    for g in r.groups ?? [] {
      guard let n = g.n, let b = g.summary else {
        print("    \(g.group): fewer than \(SuppressedBreakdown.minimum) pupils, not shown")
        continue
      }
      print(
        "    \(g.group): \(plural(n, "pupil")), \(grouped(b.assessed)) assessed, \(percent(b.atOrAbove)) at or above")
    }
  }

  static func percent(_ p: Double) -> String { String(format: "%.0f%%", p) }
}

extension ShowAnalysis {
  /// Band summaries of disjoint groups added up: every count is a sum (nil for no groups).
  static func total(_ parts: [BandSummary]) -> BandSummary? {
    guard var t = parts.first else { return nil }
    for p in parts.dropFirst() {
      t.n += p.n
      t.assessed += p.assessed
      t.notAssessed += p.notAssessed
      t.empty += p.empty
      t.codes.merge(p.codes, uniquingKeysWith: +)
      t.bands.merge(p.bands, uniquingKeysWith: +)
    }
    return t
  }
}

struct ShowTransitions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transitions", abstract: "How many pupils moved between bands from one half-term to another, and who.")

  @OptionGroup var options: DataOptions
  @Option(help: "trust, school:ID, year:SCHOOL:N, year:N, class:ID") var scope = "trust"
  @Option(help: "A pupil group (see show analysis).") var group: String?
  @Option(help: "Subject id.") var subject: String
  @Option(help: "From, e.g. 2025-26:summer2.") var from: String
  @Option(help: "To, e.g. 2026-27:autumn1.") var to: String
  @Flag(help: "Print JSON for scripts.") var json = false

  static func ref(_ text: String) throws -> HalfTermRef {
    let p = text.split(separator: ":").map(String.init)
    guard p.count == 2 else { throw CommandFailure("'\(text)' should look like 2026-27:autumn1") }
    return HalfTermRef(try AcademicYear.parse(p[0]), try HalfTerm.parse(p[1]))
  }

  func run() throws {
    let opened = try options.open()
    let (a, b) = (try Self.ref(from), try Self.ref(to))
    let history = max(0, b.year.startYear - a.year.startYear)
    let records = try AnalysisLoader.load(opened.folder, trust: opened.trust, year: b.year, history: history)
    let m = Analysis(records: records, scheme: opened.scheme).transitions(
      try AnalysisScope.parse(scope), group: try group.map(PupilGroup.parse) ?? .everyone,
      subject: try opened.trust.subject(subject).id,
      from: a, to: b)
    if json { return try printJSON(m) }
    print("\(subject): \(m.from) (rows) to \(m.to) (columns), \(m.total) pupils")
    print(
      "from \\ to".padding(toLength: 12, withPad: " ", startingAt: 0)
        + TransitionMatrix.rows.map { $0.padding(toLength: 8, withPad: " ", startingAt: 0) }.joined())
    for r in TransitionMatrix.rows {
      print(
        r.padding(toLength: 12, withPad: " ", startingAt: 0)
          + TransitionMatrix.rows.map { String(m.count(r, $0)).padding(toLength: 8, withPad: " ", startingAt: 0) }
          .joined())
    }
  }
}
