import CohortCharts
import CohortCore

/// Statutory results of a year (KS2, phonics, the multiplication tables check, EYFS) by school
/// and group with the pupils counted, beside DfE's national figure with its year and source.
@MainActor
final class StatutoryTab {
  let widget: Widget
  let chart = ChartView(name: "Statutory results")
  private let heading: Widget
  private let tables: Widget
  private let notes: Widget

  init() {
    widget = UI.box(true, spacing: 8)
    UI.margins(widget, 8)
    heading = UI.label("", classes: ["title-4"])
    tables = UI.box(true, spacing: 16)
    notes = UI.wrapped("", classes: ["dim-label"])
    UI.append(widget, heading, chart.widget, tables, notes)
  }

  func showLoading(_ text: String) { UI.setText(heading, text) }

  func show(_ s: StatutorySummary, school: String, source: String) {
    let schools = s.rows.map(\.school).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    UI.setText(
      heading,
      schools.isEmpty ? "No statutory results for \(s.year) have been imported." : "Statutory results, \(s.year)")
    UI.setAccessibleName(heading, "Statutory results heading")
    chart.show(Charts.statutory(s, school: school))
    UI.setVisible(chart.widget, !schools.isEmpty)
    UI.removeAllChildren(tables)
    // Five tables a part, the trust's first: ninety schools' tables at once were thousands
    // of labels, which held the window for a tenth of a second.
    parts.start(schools.count, per: 5) { [weak self] r in
      guard let self else { return }
      for id in schools[r] { UI.append(self.tables, self.table(s, school: id)) }
    }
    UI.setText(notes, StatutorySummary.rule + " National figures: " + source)
  }

  private let parts = InParts()

  /// A row per measure: the national figure, then each group's figure with its pupils.
  private func table(_ s: StatutorySummary, school: String) -> Widget {
    let rows = s.rows.filter { $0.school == school }
    let box = UI.box(true, spacing: 4)
    UI.append(box, UI.label(rows.first?.schoolName ?? school, classes: ["heading"]))
    let grid = UI.grid(rowSpacing: 2, columnSpacing: 14)
    let header = ["Measure", "National"] + rows.map { $0.group.prefix(1).uppercased() + $0.group.dropFirst() }
    for (c, h) in header.enumerated() { UI.attach(grid, UI.label(h, classes: ["heading"]), column: Int32(c), row: 0) }
    var r: Int32 = 1
    for m in StatutoryMeasure.allCases where rows.contains(where: { $0.figure(m) != nil }) {
      UI.attach(grid, UI.label(m.label), column: 0, row: r)
      let national = s.national(m).map { "\(m.format($0.value)) (\($0.year))" } ?? "none published"
      UI.attach(grid, UI.label(national), column: 1, row: r)
      for (c, row) in rows.enumerated() {
        let words = row.figure(m).map { Self.words($0, minimum: s.minimum) } ?? "none"
        let l = UI.label(words)
        UI.setAccessibleName(l, "\(row.schoolName), \(m.label), \(row.group): \(words)")
        UI.attach(grid, l, column: Int32(c + 2), row: r)
      }
      r += 1
    }
    UI.append(box, grid)
    return box
  }

  /// "75% of 40 pupils", "20.4 from 28 pupils", "too few to show (3 pupils)".
  static func words(_ f: StatutoryFigure, minimum: Int) -> String {
    guard let v = f.value else { return "too few to show (\(plural(f.n, "pupil")))" }
    if f.measure.isPercent { return "\(Int(v.rounded()))% of \(plural(f.n, "pupil"))" }
    return String(format: "%.1f", v) + " from \(plural(f.n, "pupil"))"
  }
}
