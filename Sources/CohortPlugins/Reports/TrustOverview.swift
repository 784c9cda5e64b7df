import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// The schools of the trust side by side: attainment per subject, the disadvantaged gap, and
/// the actions each school has open, every figure with its n.
struct TrustOverview: Report {
  let id = "trust-overview"
  let title = "Trust overview"
  let scopeKinds = ["trust"]

  func make(_ r: ReportRequest) throws -> ReportDocument {
    // By id, as the charts order their bars, so a table row and its bar sit in the same place.
    let schools = try r.folder.loadSchools(of: r.trust).sorted { $0.id < $1.id }
    try r.progress.start(total: schools.count + 1)
    var data: [SchoolYearData] = []
    for s in schools {
      data.append(try SchoolYearData.load(r.folder, school: s.id, year: r.when.year))
      try r.progress.step()
    }
    let a = Analysis(records: data.flatMap(\.records), scheme: r.scheme)
    let schoolNames = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
    var d = ReportDocument(
      title: "\(r.trust.name): trust overview",
      subtitle:
        "\(r.when.halfTerm.label) \(r.when.year) · \(plural(schools.count, "school")) · \(plural(a.records.count, "pupil"))"
    )

    d.blocks += sideBySide(data, a, schoolNames, r)
    let names = ScopeNames(trust: r.trust, classes: schools.flatMap { ScopeNames.classes(of: $0, in: r.when.year) })
    d.blocks += entered(a, names, r)
    d.blocks += gaps(a, names, r)
    d.blocks.append(.heading("Statutory results"))
    d.blocks += statutory(
      try StatutorySummary.latest(r.folder, trust: r.trust, registry: r.registry, scope: .trust, upTo: r.when.year))

    d.blocks.append(.heading("Actions"))
    d.blocks.append(
      .table(
        ReportTable(
          columns: ["School", "Open", "Done", "Stopped", "Interventions open"],
          rows: data.map { s in
            let t = s.actions
            return [
              s.school.name, "\(t.filter { $0.status == .open }.count)", "\(t.filter { $0.status == .done }.count)",
              "\(t.filter { $0.status == .stopped }.count)",
              "\(t.filter { $0.status == .open && $0.action.value.kind == .intervention }.count)",
            ]
          })))
    try r.progress.step()
    return d
  }

  /// Each school's share of the half-term entered, and the classes behind.
  func entered(_ a: Analysis, _ names: ScopeNames, _ r: ReportRequest) -> [ReportBlock] {
    let subjects = r.trust.activeSubjects
    let trust = a.completeness(.trust, subjects: subjects, names: names, at: r.when)
    let rows = names.schools.keys.sorted().compactMap { id -> [String]? in
      let c = a.completeness(.school(id), subjects: subjects, names: names, at: r.when)
      guard c.expected > 0 else { return nil }
      return [names.school(id)] + c.subjects.map { "\(grouped($0.entered)) of \(grouped($0.expected))" } + [
        "\(c.percent)%"
      ]
    }
    return [
      .heading("How much is entered"), .text(ReportParts.entered(trust, threshold: r.trust.mostlyEnteredPercent)),
      .table(ReportTable(columns: ["School"] + subjects.map(\.name) + ["Entered"], rows: rows)),
    ]
  }

  /// Disadvantaged pupils against the rest in each school, from the trust's gap table (`show
  /// gaps --scope trust`), and every group's gaps by school as a heat map per subject.
  func gaps(_ a: Analysis, _ names: ScopeNames, _ r: ReportRequest) -> [ReportBlock] {
    let tables = r.trust.activeSubjects.map {
      a.gapTable(.trust, subject: $0, at: r.when, names: names, minimum: r.trust.minimumGroupSize)
    }
    let g = GapTable.standardGroups.firstIndex(of: .disadvantaged)!
    let rows = (tables.first?.rows.indices.dropFirst() ?? 0..<0).flatMap { k in
      tables.map { t in
        let c = t.rows[k].cells[g]
        return [
          t.rows[k].name, t.subjectName, ReportParts.side(c.groupPercent, c.groupN),
          ReportParts.side(c.restPercent, c.restN),
          c.suppressed ? "too few to show" : c.points.map(GapTable.points) ?? "-",
        ]
      }
    }
    return [
      .heading("Disadvantaged pupils against the rest"),
      .table(
        ReportTable(
          columns: ["School", "Subject", "Disadvantaged at or above", "Others at or above", "Gap (points)"], rows: rows,
          widths: [2, 1, 1.5, 1.5, 0.9])),
    ] + tables.map { .chart(Charts.gapsHeatmap($0)) }
  }

  /// The headline measures by school beside the national figures.
  func statutory(_ s: StatutorySummary) -> [ReportBlock] {
    let measures: [StatutoryMeasure] = [.ks2RWMExpected, .ks2RWMHigh, .phonicsY1, .mtcMean, .eyfsGLD]
    let all = s.rows.filter { $0.group == PupilGroup.everyone.description }
    guard all.contains(where: { !$0.figures.isEmpty }) else {
      return [.text("No statutory results for \(s.year) or the year before have been imported.")]
    }
    let national =
      ["National"] + measures.map { m in s.national(m).map { "\(m.format($0.value)) (\($0.year))" } ?? "-" }
    return [
      .text("Results of \(s.year) by school, with n, beside DfE's national figures."),
      .table(
        ReportTable(
          columns: ["School"] + measures.map(\.label),
          rows: all.map { row in [row.schoolName] + measures.map { ReportParts.figure(row.figure($0)) } } + [national],
          widths: [1.6] + measures.map { _ in 1 })),
      .text(StatutorySummary.rule),
    ]
  }

  /// Each school's share at or above per subject beside the trust's, as a table and a chart per subject.
  func sideBySide(_ data: [SchoolYearData], _ a: Analysis, _ schoolNames: [String: String], _ r: ReportRequest)
    -> [ReportBlock]
  {
    var d = ReportDocument(title: "", subtitle: "")
    d.blocks.append(.heading("Schools side by side"))
    d.blocks.append(
      .table(
        ReportTable(
          columns: ["School", "Pupils"] + r.trust.activeSubjects.map { "\($0.name) at or above" },
          rows: data.map { s in
            [s.school.name, "\(s.records.count)"]
              + r.trust.activeSubjects.map {
                ReportParts.band(a.bands(.school(s.school.id), subject: $0.id, at: r.when))
              }
          }
            + [
              ["Trust", "\(a.records.count)"]
                + r.trust.activeSubjects.map { ReportParts.band(a.bands(.trust, subject: $0.id, at: r.when)) }
            ], widths: [2] + [0.7] + r.trust.activeSubjects.map { _ in 1.2 })))
    for s in r.trust.activeSubjects {
      d.blocks.append(
        .chart(
          Charts.atOrAboveBy(
            a, scope: .trust, scopeName: r.trust.name, by: .school, keyName: "school", names: schoolNames,
            group: .everyone, subject: s, at: r.when)))
    }

    return d.blocks
  }
}
