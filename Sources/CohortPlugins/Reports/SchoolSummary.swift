import CohortCharts
import CohortCore
import CohortPluginKit
import Foundation

/// A school on one page or two: bands by year group and subject, the gaps of its groups
/// (always with n), its classes, and the actions still open.
struct SchoolSummary: Report {
  let id = "school-summary"
  let title = "School summary"
  let scopeKinds = ["school"]

  static let gapGroups: [PupilGroup.Trait] = [.disadvantaged, .send, .eal, .female, .summerBorn]

  func make(_ r: ReportRequest) throws -> ReportDocument {
    guard case .school(let id) = r.scope else { throw InputError("the school summary needs --scope school:ID") }
    try r.progress.start(total: 2)
    let data = try SchoolYearData.load(r.folder, school: id, year: r.when.year)
    try r.progress.step()
    let d = summary(data, r)
    try r.progress.step()
    return d
  }

  func summary(_ data: SchoolYearData, _ r: ReportRequest) -> ReportDocument {
    let a = Analysis(records: data.records, scheme: r.scheme)
    let scope = AnalysisScope.school(data.school.id)
    var d = ReportDocument(
      title: "\(data.school.name): school summary",
      subtitle:
        "\(r.when.halfTerm.label) \(r.when.year) · \(data.records.count) pupils in \(data.school.classes(in: r.when.year).count) classes"
    )

    d.blocks.append(.heading("Bands by year group and subject"))
    for s in r.trust.activeSubjects {
      let rows = a.breakdown(scope, by: .yearGroup, subject: s.id, at: r.when)
        .map { (RecordKey.yearGroup($0.0), $0.1) }.sorted { $0.0 < $1.0 }
      d.blocks.append(.subheading(s.name))
      d.blocks.append(
        .table(
          ReportTable(
            columns: ["Year", "Below", "At", "Above", "At or above", "n assessed", "Not yet entered"],
            rows: rows.map { y, b in
              [y.shortLabel]
                + CommonBand.allCases.map { "\(b.bands[$0.rawValue, default: 0]) (\(ReportParts.pct(b.percent($0))))" }
                + [ReportParts.pct(b.atOrAbove), "\(b.assessed)", "\(b.empty)"]
            })))
    }
    d.blocks.append(
      .chart(
        Charts.bandsBySubject(
          a, scope: scope, scopeName: data.school.name, group: .everyone, subjects: r.trust.activeSubjects, at: r.when))
    )

    d.blocks.append(.heading("Groups and their gaps"))
    d.blocks.append(
      .text(
        "At or above expectations in each group against the rest of the school, with n. A gap on a small n is a prompt to look, not a finding."
      ))
    let gapRows = Self.gapGroups.flatMap { trait in
      r.trust.activeSubjects.compactMap { s -> [String]? in
        guard let g = a.gap(scope, group: PupilGroup(with: [trait]), subject: s.id, at: r.when) else { return nil }
        return [
          trait.label, s.name, ReportParts.band(g.groupSummary), ReportParts.band(g.restSummary),
          ReportParts.points(g.points),
        ]
      }
    }
    d.blocks.append(
      .table(
        ReportTable(
          columns: ["Group", "Subject", "Group at or above", "Rest at or above", "Gap (points)"], rows: gapRows)))

    d.blocks.append(.heading("Classes"))
    d.blocks.append(
      .table(
        ReportTable(
          columns: ["Class", "Pupils"] + r.trust.activeSubjects.map { "\($0.name) at or above" },
          rows: data.school.classes(in: r.when.year).map { c in
            [c.name, "\(data.doc(c.id)?.pupils.count ?? 0)"]
              + r.trust.activeSubjects.map { ReportParts.band(a.bands(.schoolClass(c.id), subject: $0.id, at: r.when)) }
          })))

    d.blocks.append(.heading("Open actions"))
    let open = data.actions.filter { $0.status == .open }
    d.blocks.append(
      open.isEmpty
        ? .text("No open actions.")
        : .table(
          ReportParts.actionsTable(
            open, names: { data.pupil($0)?.fullName ?? $0 }, classNames: data.classNames)))
    return d
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
    var d = SchoolSummary().summary(data, r)
    d.title = "\(school.name): school pack"
    try r.progress.step()
    for c in classes {
      let pack = try ClassMeetingPack().make(data, classID: c.id, r)
      d.blocks.append(.pageBreak)
      d.blocks.append(.heading(pack.title))
      d.blocks.append(.text(pack.subtitle))
      d.blocks += pack.blocks.map { if case .heading(let h) = $0 { .subheading(h) } else { $0 } }
      try r.progress.step()
    }
    return d
  }
}
