import CohortCharts
import CohortCore

/// Gaps between each pupil group and the rest, as a heat map (schools x groups at trust level,
/// year groups x groups in a school) and as the same figures in a table that screen readers
/// read: a cell under the trust's minimum shows its pupils and no figure. Clicking a cell opens
/// that part of the scope with the group chosen.
@MainActor
final class GapsTab {
  let widget: Widget
  let chart = ChartView(name: "Gaps between groups")
  private let table: Widget
  private let rule: Widget
  /// (row, column) of the table clicked: row 0 is the scope itself.
  var onCell: (Int, Int) -> Void = { _, _ in }

  init() {
    widget = UI.box(true, spacing: 8)
    UI.margins(widget, 8)
    table = UI.grid(rowSpacing: 4, columnSpacing: 16)
    UI.setAccessibleName(table, "Gaps, table")
    rule = UI.wrapped("", classes: ["dim-label"])
    UI.append(widget, chart.widget, rule, table)
    chart.onCell = { [weak self] r, c in self?.onCell(r, c) }
  }

  func show(_ t: GapTable, spec: ChartSpec) {
    chart.show(spec)
    UI.setText(
      rule,
      "Each cell: the group's share at or above expectations minus the rest's, in percentage points, with the pupils "
        + "assessed in each. Cells where either side has fewer than \(plural(t.minimum, "pupil")) are grey and show "
        + "no figure (the trust's minimum group size).")
    UI.removeAllChildren(table)
    UI.attach(table, UI.label(t.subjectName, classes: ["heading"]), column: 0, row: 0)
    for (c, g) in t.groupLabels.enumerated() {
      UI.attach(
        table, UI.label(g.prefix(1).uppercased() + g.dropFirst(), classes: ["heading"]), column: Int32(c + 1), row: 0)
    }
    // A trust's ninety schools by ten groups are nine hundred buttons: built a few rows per
    // turn (at once they held the window for 70-100 ms).
    parts.start(t.rows.count, per: 10) { [weak self] rows in for r in rows { self?.row(t, r) } }
  }

  private let parts = InParts()

  private func row(_ t: GapTable, _ r: Int) {
    let row = t.rows[r]
    UI.attach(table, UI.label(row.name, classes: ["heading"]), column: 0, row: Int32(r + 1))
    for (c, cell) in row.cells.enumerated() {
      let words = t.words(cell)
      let b = UI.button(
        cell.suppressed ? "too few" : cell.points.map(Charts.pointsWords) ?? "none assessed",
        name: "Gap: \(row.name), \(t.groupLabels[c]): \(words)", tooltip: words
      ) { [weak self] in self?.onCell(r, c) }
      UI.flat(b)
      UI.attach(table, b, column: Int32(c + 1), row: Int32(r + 1))
    }
  }
}
