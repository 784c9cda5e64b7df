import CohortCore
import Foundation

/// What a chart needs to be presented from: short names where the bars are tight, the trust's
/// average and last half-term's value marked, bars from partly entered codes hatched, and the
/// statutory measures beside national figures.
extension Charts {
  /// "St Mary's C of E Primary School" -> "St Mary's": the words every school's name ends
  /// with say nothing on a bar (the full name shows on hover).
  public static func shortSchoolName(_ name: String) -> String {
    var words = name.split(separator: " ").map(String.init)
    let tail: Set<String> = [
      "primary", "school", "academy", "infant", "infants", "junior", "juniors", "c", "of", "e", "ce",
    ]
    while words.count > 1, let last = words.last, tail.contains(last.lowercased()) { words.removeLast() }
    // "C of E" is kept only when it is all that tells two schools apart (not done here).
    return words.joined(separator: " ")
  }

  /// Marks on a one-series bar chart: the reference line, last half-term's values, and which
  /// bars are drawn from partly entered codes (their notes say how much is in).
  public static func marked(
    _ spec: ChartSpec, reference: ChartSpec.Reference?, previous: [Double?], previousLabel: String,
    partial: [String?]
  ) -> ChartSpec {
    var s = spec
    s.reference = reference
    s.previous = previous
    s.previousLabel = previousLabel
    s.partial = partial
    for (i, p) in partial.enumerated() where s.notes.indices.contains(i) {
      if let p { s.notes[i] += " · \(p)" }
    }
    if s.isRows {
      // Rows have no room for a legend of marks: the subtitle says them.
      var marks: [String] = []
      if let r = reference { marks.append("dashed line: \(r.label.lowercased()) \(pct(r.value))") }
      if previous.contains(where: { $0 != nil }) { marks.append("black mark: \(previousLabel.lowercased())") }
      if partial.contains(where: { $0 != nil }) { marks.append("hatched: partly entered") }
      if !marks.isEmpty { s.subtitle += " · " + marks.joined(separator: "; ") }
    }
    return s
  }

  /// Short names of the statutory measures, for bars.
  static let measureNames: [StatutoryMeasure: String] = [
    .ks2ReadingExpected: "KS2 reading", .ks2WritingExpected: "KS2 writing", .ks2MathsExpected: "KS2 maths",
    .ks2RWMExpected: "KS2 RWM", .ks2ReadingHigh: "Reading high", .ks2WritingHigh: "Writing GDS",
    .ks2MathsHigh: "Maths high", .ks2RWMHigh: "RWM higher", .phonicsY1: "Phonics Y1",
    .phonicsEndY2: "Phonics by end Y2", .mtcFullMarks: "MTC full marks", .eyfsGLD: "EYFS GLD",
  ]

  /// A school's (or the trust's) statutory results, all pupils, beside the national figure of
  /// each measure; measures too small to show say so under their bar.
  public static func statutory(_ s: StatutorySummary, school: String) -> ChartSpec {
    let row = s.rows.first { $0.school == school && $0.group == PupilGroup.everyone.description }
    let measures = StatutoryMeasure.allCases.filter { $0.isPercent && row?.figure($0) != nil }
    let figures = measures.map { row!.figure($0)! }
    var spec = ChartSpec(
      kind: .groupedBars, title: "Statutory results \(s.year): \(row?.schoolName ?? "")",
      subtitle: "All pupils beside national figures (year of each in the notes)", xLabel: "Measure",
      yLabel: "% of pupils", categories: measures.map { measureNames[$0] ?? $0.label },
      series: [
        ChartSpec.Series(name: row?.schoolName ?? "", colour: "#1565C0", values: figures.map { $0.value ?? 0 }),
        ChartSpec.Series(name: "National", colour: "#9E9E9E", values: measures.map { s.national($0)?.value ?? 0 }),
      ],
      notes: zip(measures, figures).map { m, f in
        let mine = f.value == nil ? "too few to show" : plural(f.n, "pupil")
        return mine + " · " + (s.national(m).map { "national \($0.year)" } ?? "no national figure")
      })
    spec.fullCategories = measures.map(\.label)
    if measures.isEmpty {
      spec.emptyMessage =
        "No statutory results for \(s.year) have been imported for \(row?.schoolName ?? "this school")."
    }
    return spec
  }
}
