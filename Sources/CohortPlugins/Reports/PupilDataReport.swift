import CohortCharts
import CohortCore
import CohortPluginKit
import CohortStore

/// A subject access request's answer as pages: everything held about one pupil, in tables a
/// parent can read. Asked for with the scope `pupils:ID` (one pupil).
struct PupilDataReport: Report {
  let id = PluginRegistry.pupilDataReport
  let title = "Data held about a pupil"
  let scopeKinds = ["pupils"]

  func make(_ r: ReportRequest) throws -> ReportDocument {
    guard case .pupils(let ids) = r.scope, ids.count == 1 else {
      throw InputError("the pupil data report is for one pupil: --scope pupils:ID")
    }
    return Self.document(try PupilDataExport.gather(r.folder, pupil: ids[0]))
  }

  static func document(_ e: PupilDataExport) -> ReportDocument {
    let p = e.pupil
    var blocks: [ReportBlock] = [
      .heading("Details"),
      .table(
        ReportTable(
          columns: ["Field", "Held"],
          rows: [
            ["Name", p.fullName], ["UPN", p.upn ?? "none"], ["Date of birth", p.dob.ukDescription],
            ["Sex", ["F": "female", "M": "male"][p.sex.rawValue] ?? "not recorded"],
            ["School", e.school],
            ["Pupil premium", yes(p.pupilPremium)], ["Free school meals", yes(p.fsm)], ["Ever 6 FSM", yes(p.ever6FSM)],
            ["Looked after", yes(p.lookedAfter)],
            ["SEN", ["K": "SEN support", "E": "EHC plan"][p.send.rawValue] ?? "none"], ["EAL", yes(p.eal)],
            ["Ethnicity", p.ethnicity ?? "not recorded"], ["Left on", p.leftOn?.ukDescription ?? "on roll"],
          ], widths: [1, 2])),
    ]
    for (title, rows) in [
      ("Judgements", e.judgements), ("Standardised scores", e.scores), ("Pupil progress meetings", e.meetings),
    ] {
      blocks.append(.heading(title))
      blocks.append(
        rows.isEmpty
          ? .text("None held.")
          : .table(
            ReportTable(
              columns: ["Year", "Class", "What", "Recorded", "By", "When"],
              rows: rows.map { [$0.academicYear, $0.className, $0.item, $0.value, $0.by, $0.at] },
              widths: [0.8, 0.8, 1.6, 1.6, 1, 1.2])))
    }
    blocks.append(.heading("Statutory results"))
    blocks.append(
      e.statutory.isEmpty
        ? .text("None held.")
        : .table(
          ReportTable(
            columns: ["Stage", "Year", "Subject", "Method", "Component", "Result"],
            rows: e.statutory.map { [$0.stage, "\($0.year)", $0.subject, $0.method, $0.component ?? "", $0.result] })))
    blocks.append(.heading("History of changes"))
    blocks.append(.text("\(plural(e.history.count, "recorded change")) to this pupil's data."))
    return ReportDocument(
      title: "Data held about \(p.fullName)", subtitle: "\(e.trust) · made \(e.made)", blocks: blocks)
  }

  static func yes(_ b: Bool) -> String { b ? "yes" : "no" }
}
