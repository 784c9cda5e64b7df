import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import Foundation

/// A school on one page or two: bands by year group and subject, the gaps of its groups
/// (always with n), its classes, and the actions still open.
struct SchoolSummary: Report {
  let id = "school-summary"
  let title = "School summary"
  let scopeKinds = ["school"]

  static let gapGroups = GapTable.standardGroups

  func make(_ r: ReportRequest) throws -> ReportDocument {
    guard case .school(let id) = r.scope else { throw InputError("the school summary needs --scope school:ID") }
    try r.progress.start(total: 2)
    let data = try SchoolYearData.load(r.folder, school: id, year: r.when.year)
    try r.progress.step()
    let d = try summary(data, r)
    try r.progress.step()
    return d
  }

  func summary(_ data: SchoolYearData, _ r: ReportRequest) throws -> ReportDocument {
    let a = Analysis(records: data.records, scheme: r.scheme)
    let scope = AnalysisScope.school(data.school.id)
    let names = ScopeNames(trust: r.trust, classes: ScopeNames.classes(of: data.school, in: r.when.year))
    let classes = data.school.classes(in: r.when.year)
    var d = ReportDocument(
      title: "\(data.school.name): school summary",
      subtitle:
        "\(r.when.halfTerm.label) \(r.when.year) · \(plural(data.records.count, "pupil")) in \(plural(classes.count, "class", "classes"))"
    )
    d.blocks += entered(a, scope, names, r)
    d.blocks += bands(a, scope, data, r)
    d.blocks += gaps(a, scope, names, r)

    d.blocks.append(.heading("Classes"))
    d.blocks.append(
      .table(
        ReportTable(
          columns: ["Class", "Pupils"] + r.trust.activeSubjects.map { "\($0.name) at or above" },
          rows: classes.map { c in
            [c.name, "\(data.doc(c.id)?.members.count ?? 0)"]
              + r.trust.activeSubjects.map { ReportParts.band(a.bands(.schoolClass(c.id), subject: $0.id, at: r.when)) }
          })))

    d.blocks.append(.heading("Statutory results"))
    d.blocks += ReportParts.statutoryBlocks(
      try StatutorySummary.latest(r.folder, trust: r.trust, registry: r.registry, scope: scope, upTo: r.when.year),
      school: data.school.id)

    d.blocks.append(.heading("Open actions"))
    let open = data.actions.filter { $0.status == .open }
    d.blocks.append(
      open.isEmpty
        ? .text("No open actions.")
        : .table(ReportParts.actionsTable(open, names: { data.pupil($0)?.fullName ?? $0 }, classNames: data.classNames))
    )
    return d
  }

  /// How much of the half-term is entered, and the classes behind with their teachers.
  func entered(_ a: Analysis, _ scope: AnalysisScope, _ names: ScopeNames, _ r: ReportRequest) -> [ReportBlock] {
    let c = a.completeness(scope, subjects: r.trust.activeSubjects, names: names, at: r.when)
    var out: [ReportBlock] = [
      .heading("How much is entered"), .text(ReportParts.entered(c, threshold: r.trust.mostlyEnteredPercent)),
    ]
    if let behind = ReportParts.behindTable(c) { out.append(.table(behind)) }
    return out
  }

  func bands(_ a: Analysis, _ scope: AnalysisScope, _ data: SchoolYearData, _ r: ReportRequest) -> [ReportBlock] {
    var out: [ReportBlock] = [.heading("Bands by year group and subject")]
    for s in r.trust.activeSubjects {
      let rows = a.breakdown(scope, by: .yearGroup, subject: s.id, at: r.when)
        .map { (RecordKey.yearGroup($0.0), $0.1) }.sorted { $0.0 < $1.0 }
      out.append(.subheading(s.name))
      out.append(
        .table(
          ReportTable(
            columns: ["Year", "Below", "At", "Above", "At or above", "Assessed", "Not yet entered"],
            rows: rows.map { y, b in
              [y.shortLabel]
                + CommonBand.allCases.map { "\(b.bands[$0.rawValue, default: 0]) (\(ReportParts.pct(b.percent($0))))" }
                + [b.assessed == 0 ? "-" : ReportParts.pct(b.atOrAbove), "\(b.assessed)", "\(b.empty)"]
            })))
    }
    out.append(
      .chart(
        Charts.bandsBySubject(
          a, scope: scope, scopeName: data.school.name, group: .everyone, subjects: r.trust.activeSubjects, at: r.when))
    )
    return out
  }

  /// The school's gap table (`show gaps`): the school as a whole in the table, and by year
  /// group in a heat map per subject.
  func gaps(_ a: Analysis, _ scope: AnalysisScope, _ names: ScopeNames, _ r: ReportRequest) -> [ReportBlock] {
    let tables = r.trust.activeSubjects.map {
      a.gapTable(scope, subject: $0, at: r.when, names: names, minimum: r.trust.minimumGroupSize)
    }
    return [
      .heading("Groups and their gaps"),
      .text(
        "At or above expectations in each group against the rest of the school, with the pupils each is of. A group "
          + "or rest of fewer than \(plural(r.trust.minimumGroupSize, "pupil")) shows its size only; a gap on a small "
          + "group is a prompt to look, not a finding."),
      .table(
        ReportTable(
          columns: ["Group", "Subject", "Group at or above", "Rest at or above", "Gap (points)"],
          rows: ReportParts.gapRows(tables, row: 0))),
    ] + tables.map { .chart(Charts.gapsHeatmap($0)) }
  }
}

/// The school summary followed by every class's meeting pack: what a leader prints before a
/// round of meetings.
struct SchoolPack: Report {
  let id = "school-pack"
  let title = "School pack (summary and every class)"
  let scopeKinds = ["school"]

  func make(_ r: ReportRequest) throws -> ReportDocument {
    guard case .school(let id) = r.scope else { throw InputError("the school pack needs --scope school:ID") }
    let school = try r.folder.loadSchool(id)
    let classes = school.classes(in: r.when.year)
    try r.progress.start(total: classes.count + 2)
    let data = try SchoolYearData.load(r.folder, school: id, year: r.when.year)
    try r.progress.step()
    // The summary and each class's pack read the same data and nothing else: on every core.
    let parts = try Parallel.map(classes.count + 1) { i in
      let part =
        try i == 0 ? SchoolSummary().summary(data, r) : ClassMeetingPack().make(data, classID: classes[i - 1].id, r)
      try r.progress.step()
      return part
    }
    var d = parts[0]
    d.title = "\(school.name): school pack"
    for pack in parts.dropFirst() {
      d.blocks.append(.pageBreak)
      d.blocks.append(.heading(pack.title))
      d.blocks.append(.text(pack.subtitle))
      d.blocks += pack.blocks.map { if case .heading(let h) = $0 { .subheading(h) } else { $0 } }
    }
    return d
  }
}
