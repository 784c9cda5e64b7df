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
    // A trust's school lines still being added belong to the tables taken out here.
    parts.cancel()
    UI.removeAllChildren(tables)
    // The scope's own table (the trust's or the school's) with every group; across a trust,
    // then one line per school of its pupils' figures, each school's groups behind its name.
    // Ninety schools' tables of every group were ten thousand labels, which every frame drew.
    if let first = schools.first { UI.append(tables, table(s, school: first)) }
    let others = Array(schools.dropFirst())
    if !others.isEmpty { UI.append(tables, bySchool(s, schools: others)) }
    UI.setText(notes, StatutorySummary.rule + " National figures: " + source)
  }

  private let parts = InParts()

  /// A line per school: its name and each measure's figure for all its pupils; below, each
  /// school's groups in a part shown on request (built then).
  private func bySchool(_ s: StatutorySummary, schools: [String]) -> Widget {
    let all = s.rows.filter { $0.group == PupilGroup.everyone.description && !$0.school.isEmpty }
    let measures = StatutoryMeasure.allCases.filter { m in all.contains { $0.figure(m) != nil } }
    let box = UI.box(true, spacing: 6)
    UI.append(box, UI.label("Each school, all pupils", classes: ["heading"]))
    let grid = UI.grid(rowSpacing: 2, columnSpacing: 14)
    for (c, h) in (["School"] + measures.map(\.shortLabel)).enumerated() {
      UI.attach(grid, UI.label(h, classes: ["heading"]), column: Int32(c), row: 0)
    }
    let details = UI.box(true, spacing: 4)
    UI.append(box, UI.scrolledSideways(grid), UI.label("Groups in each school", classes: ["heading"]), details)
    // Ten schools a part: a trust's ninety lines at once held the window.
    parts.start(schools.count, per: 10) { [weak self] r in
      guard let self else { return }
      for i in r {
        let row = all.first { $0.school == schools[i] }
        let name = row?.schoolName ?? s.rows.first { $0.school == schools[i] }?.schoolName ?? schools[i]
        UI.attach(grid, UI.label(name), column: 0, row: Int32(i + 1))
        for (c, m) in measures.enumerated() {
          let words = row?.figure(m).map { Self.words($0, minimum: s.minimum) } ?? "none"
          let l = UI.label(words)
          UI.setAccessibleName(l, "\(name), \(m.label), all pupils: \(words)")
          UI.attach(grid, l, column: Int32(c + 1), row: Int32(i + 1))
        }
        UI.append(details, self.groups(s, school: schools[i], name: name))
      }
    }
    return box
  }

  /// A school's table of every group, made when it is first opened.
  private func groups(_ s: StatutorySummary, school: String, name: String) -> Widget {
    let holder = UI.box(true, spacing: 0)
    let expander = UI.expander(name, holder)
    UI.setAccessibleName(expander, "Groups at \(name)")
    var built = false
    Signal.onPointer(expander, "notify::expanded") { [weak self] _ in
      guard let self, !built else { return }
      built = true
      UI.append(holder, self.table(s, school: school, titled: false))
    }
    return expander
  }

  /// A row per measure: the national figure, then each group's figure with its pupils.
  private func table(_ s: StatutorySummary, school: String, titled: Bool = true) -> Widget {
    let rows = s.rows.filter { $0.school == school }
    let box = UI.box(true, spacing: 4)
    if titled { UI.append(box, UI.label(rows.first?.schoolName ?? school, classes: ["heading"])) }
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
    UI.append(box, UI.scrolledSideways(grid))
    return box
  }

  /// "75% of 40 pupils", "20.4 from 28 pupils", "too few to show (3 pupils)".
  static func words(_ f: StatutoryFigure, minimum: Int) -> String {
    guard let v = f.value else { return "too few to show (\(plural(f.n, "pupil")))" }
    if f.measure.isPercent { return "\(Int(v.rounded()))% of \(plural(f.n, "pupil"))" }
    return String(format: "%.1f", v) + " from \(plural(f.n, "pupil"))"
  }
}
