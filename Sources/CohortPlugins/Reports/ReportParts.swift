import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import Foundation

/// Tables and paragraphs that several reports share. Every percentage comes with its n.
enum ReportParts {
  static func pct(_ x: Double) -> String { String(format: "%.0f%%", x) }

  /// "PP SEND EAL": the groups a pupil belongs to, as the grid shows them.
  static func groups(_ p: Pupil) -> String {
    [p.isDisadvantaged ? "PP" : nil, p.send != .none ? "SEND" : nil, p.eal ? "EAL" : nil].compactMap { $0 }
      .joined(separator: " ")
  }

  /// Subject rows of band counts and percentages now, with last half-term's at or above.
  static func bandsTable(_ bands: [MeetingAgenda.Bands]) -> ReportTable {
    ReportTable(
      columns: ["Subject", "Below", "At", "Above", "At or above", "Assessed", "Last half-term at or above"],
      rows: bands.map { b in
        [b.subject.name]
          + CommonBand.allCases.map { "\(b.now.bands[$0.rawValue, default: 0])" }
          + [b.now.assessed == 0 ? "-" : pct(b.now.atOrAbove), "\(b.now.assessed)", band(b.before)]
      }, widths: [1.4, 0.8, 0.8, 0.8, 1, 0.8, 1.6])
  }

  /// A gap in percentage points, "+4" or "-12"; never "-0".
  static func points(_ x: Double) -> String {
    let r = x.rounded()
    return r == 0 ? "0" : String(format: "%+.0f", r)
  }

  /// "62% of 28", or "none entered": a percentage never without the pupils it is of.
  static func band(_ s: BandSummary) -> String {
    s.assessed == 0 ? "none entered" : "\(pct(s.atOrAbove)) of \(grouped(s.assessed))"
  }

  static func actionsTable(
    _ actions: [TrackedAction], names: (String) -> String, classNames: [String: String] = [:]
  ) -> ReportTable {
    ReportTable(
      columns: ["Action", "Kind", "Pupils", "Owner", "Decided", "Due", "Status"],
      rows: actions.map { t in
        let a = t.action.value
        let status =
          t.latest.map { "\($0.review.value.impact.label) (\($0.place.when.halfTerm.label))" } ?? t.status.rawValue
        return [
          a.description, a.kind.label, a.pupils.map(names).joined(separator: ", "), a.owner,
          "\(classNames[t.place.classID] ?? t.place.classID), \(t.place.when.halfTerm.label)", t.due.description,
          status,
        ]
      }, widths: [2.4, 1.1, 1.6, 1, 1.2, 1.1, 1])
  }

  /// An intervention's pupils before and after, the comparison in words, and as a chart.
  static func impactBlocks(_ i: InterventionImpact, title: String, minimum: Int) -> [ReportBlock] {
    let table = ReportTable(
      columns: ["Pupil", "Code before", "Code after", "Steps", "Score before", "Score after", "Change"],
      rows: i.rows.map { r in
        [
          r.name, r.codeBefore ?? "-", r.codeAfter ?? "-", r.steps.map { String(format: "%+d", $0) } ?? "-",
          r.scoreBefore.map(String.init) ?? "-", r.scoreAfter.map(String.init) ?? "-",
          r.scoreChange.map { String(format: "%+d", $0) } ?? "-",
        ]
      }, widths: [2, 1, 1, 0.7, 1, 1, 0.8])
    return [
      .table(table),
      .text("\(i.words(minimum: minimum)) Similar pupils: \(i.comparisonBasis)."),
      .chart(Charts.impact(i, title: title, minimum: minimum)),
    ]
  }
}
