import CohortCharts
import CohortCore
import CohortServices
import Foundation

/// Blocks the packs share for completeness, pupils to look at, gaps and statutory results:
/// the numbers of `show completeness`, `show flags`, `show gaps` and `show statutory`.
extension ReportParts {
  /// "Entered for Spring 2 2026-27: Reading 26 of 28, Writing 28 of 28, Maths 27 of 28 (96%)."
  /// With "less than 80% is entered..." when the half-term is not mostly entered yet.
  static func entered(_ c: Completeness, threshold: Int) -> String {
    guard c.expected > 0 else { return "Nothing is expected for \(c.when.halfTerm.label) \(c.when.year)." }
    let parts = c.subjects.map { "\($0.name) \(grouped($0.entered)) of \(grouped($0.expected))" }
    let line = "Entered for \(c.when.halfTerm.label) \(c.when.year): \(parts.joined(separator: ", ")) (\(c.percent)%)."
    return c.isMostlyEntered(threshold)
      ? line
      : line + " Less than \(threshold)% is entered: the figures below are of the pupils entered so far."
  }

  /// Subjects with classes behind, and who teaches them: what a leader chases.
  static func behindTable(_ c: Completeness) -> ReportTable? {
    let rows = c.subjects.flatMap { s in
      s.behind.map { k in
        [s.name, k.className, k.teachers.joined(separator: ", "), "\(k.entered) of \(k.expected)"]
      }
    }
    return rows.isEmpty
      ? nil : ReportTable(columns: ["Subject", "Class", "Teachers", "Entered"], rows: rows, widths: [1, 1, 2, 1])
  }

  static func toLookAt(_ t: PupilsToLookAt, pupils: (String) -> Pupil?, at: HalfTermRef) -> [ReportBlock] {
    guard !t.rows.isEmpty else { return [.text("No pupil is flagged (\(t.words)).")] }
    return [
      .text("\(t.words), most concerning first."),
      .table(
        ReportTable(
          columns: ["Pupil", "Groups", "Subject", "Why", "Since", "Latest score"],
          rows: t.rows.map { r in
            [
              r.name, pupils(r.pupil).map(groups) ?? "", r.subjectName ?? "", r.reason,
              PupilsToLookAt.since(r.since, now: at), r.latestScore.map { "\($0) (\(r.latestTest ?? ""))" } ?? "-",
            ]
          }, widths: [1.3, 0.6, 0.8, 3, 0.9, 1.1])),
    ]
  }

  /// One side of a gap: "62% of 28", or the n alone when the cell is suppressed.
  static func side(_ percent: Double?, _ n: Int) -> String {
    percent.map { "\(pct($0)) of \(grouped(n))" } ?? (n == 0 ? "none entered" : "\(grouped(n)) assessed")
  }

  /// A row of a gap table's cells for one of its rows: group, subject, both sides, the gap.
  static func gapRows(_ tables: [GapTable], row: Int) -> [[String]] {
    guard let first = tables.first else { return [] }
    return first.groups.indices.flatMap { g in
      tables.compactMap { t -> [String]? in
        guard t.rows.indices.contains(row) else { return nil }
        let c = t.rows[row].cells[g]
        let gap = c.suppressed ? "too few to show" : c.points.map(GapTable.points) ?? "-"
        return [t.groupLabels[g], t.subjectName, side(c.groupPercent, c.groupN), side(c.restPercent, c.restN), gap]
      }
    }
  }

  /// "75% of 40", "20.4 from 28", "too few (3)".
  static func figure(_ f: StatutoryFigure?) -> String {
    guard let f else { return "-" }
    guard let v = f.value else { return "too few (\(f.n))" }
    return f.measure.isPercent ? "\(pct(v)) of \(grouped(f.n))" : String(format: "%.1f", v) + " from \(grouped(f.n))"
  }

  /// A school's (or the trust's) measures by group beside the national figure.
  static func statutoryTable(_ s: StatutorySummary, school: String) -> ReportTable? {
    let rows = s.rows.filter { $0.school == school }
    let groups = ["all pupils", "disadvantaged", "not disadvantaged"]
    let measures = StatutoryMeasure.allCases.filter { m in rows.contains { $0.figure(m) != nil } }
    guard !measures.isEmpty else { return nil }
    return ReportTable(
      columns: ["Measure", "All pupils", "Disadvantaged", "Not disadvantaged", "National"],
      rows: measures.map { m in
        [m.label] + groups.map { g in figure(rows.first { $0.group == g }?.figure(m)) }
          + [s.national(m).map { "\(m.format($0.value)) (\($0.year))" } ?? "-"]
      }, widths: [2.6, 1, 1, 1, 1])
  }

  /// Statutory results of the year, or of the year before when this year's are not in yet.
  static func statutoryBlocks(_ s: StatutorySummary, school: String) -> [ReportBlock] {
    guard let table = statutoryTable(s, school: school) else {
      return [.text("No statutory results for \(s.year) or the year before have been imported.")]
    }
    return [
      .text("Results of \(s.year), with n, beside DfE's national figures (the year's, or the latest published)."),
      .table(table), .text(StatutorySummary.rule),
    ]
  }
}
