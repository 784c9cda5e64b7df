import CohortCharts
import CohortCore
import CohortPluginKit
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
    let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
    var d = ReportDocument(
      title: "\(r.trust.name): trust overview",
      subtitle: "\(r.when.halfTerm.label) \(r.when.year) · \(schools.count) schools · \(a.records.count) pupils")

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
            a, scope: .trust, scopeName: r.trust.name, by: .school, keyName: "school", names: names,
            group: .everyone, subject: s, at: r.when)))
    }

    d.blocks.append(.heading("Disadvantaged pupils against the rest"))
    d.blocks.append(
      .table(
        ReportTable(
          columns: ["School", "Subject", "Disadvantaged at or above", "Others at or above", "Gap (points)"],
          rows: data.flatMap { s in
            r.trust.activeSubjects.compactMap { subject -> [String]? in
              guard
                let g = a.gap(
                  .school(s.school.id), group: PupilGroup(with: [.disadvantaged]), subject: subject.id, at: r.when)
              else { return nil }
              return [
                s.school.name, subject.name, ReportParts.band(g.groupSummary), ReportParts.band(g.restSummary),
                ReportParts.points(g.points),
              ]
            }
          }, widths: [2, 1, 1.5, 1.5, 0.9])))

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
}
