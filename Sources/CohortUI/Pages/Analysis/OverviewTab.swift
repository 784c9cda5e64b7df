import CohortCharts
import CohortCore

/// The Analysis page's first tab: how much is entered (and who has not entered what), the
/// level below as bars and buttons to open, the bands per subject, and the pupils to look at.
@MainActor
final class OverviewTab {
  let widget: Widget
  let bandsChart = ChartView(name: "Bands per subject")
  let drillChart = ChartView(name: "Next level down")
  let table = PupilsTable()
  private let entered: Widget
  private let lines: Widget
  private let behind: Widget
  private let behindExpander: Widget
  private let drillButtons: Widget
  private let listing: Widget
  var onOpen: (Scope.Level) -> Void = { _ in }

  init() {
    widget = UI.box(true, spacing: 10)
    UI.margins(widget, 8)
    entered = UI.label("", classes: ["title-4"])
    UI.setAccessibleName(entered, "Entered")
    lines = UI.flow(perLine: 6)
    behind = UI.label("")
    UI.selectable(behind)
    UI.setAccessibleName(behind, "Not entered yet, by class")
    behindExpander = UI.expander("Not entered yet", behind)
    drillButtons = UI.flow(perLine: 10)
    listing = UI.wrapped("")
    UI.setAccessibleName(listing, "Pupils in the segment")
    let head = UI.box(false, spacing: 24)
    UI.append(head, entered, lines)
    UI.append(
      widget, head, behindExpander, drillButtons, drillChart.widget, bandsChart.widget, listing,
      table.widget)
  }

  /// The view in three steps, each for its own turn of the main loop (and frame): at the
  /// trust, the completeness lines, ninety buttons and two charts laid out and drawn in one
  /// frame held the window for 40-55 ms. The table comes after (AnalysisPage.apply).
  func steps(_ v: AnalysisView, targets: [(String, Scope.Level)]) -> [@MainActor (OverviewTab) -> Void] {
    [
      { tab in
        tab.showCompleteness(v.completeness)
        UI.setText(tab.listing, "")
        UI.setVisible(tab.listing, false)
      },
      { tab in
        UI.removeAllChildren(tab.drillButtons)
        for (name, target) in targets {
          UI.flowAppend(tab.drillButtons, UI.button(name, name: "Open \(name)") { [weak tab] in tab?.onOpen(target) })
        }
        UI.setVisible(tab.drillButtons, !targets.isEmpty)
      },
      { tab in
        if let spec = v.drill { tab.drillChart.show(spec) }
        UI.setVisible(tab.drillChart.widget, v.drill != nil)
        tab.bandsChart.show(v.bands)
      },
    ]
  }

  func showListing(_ text: String) {
    UI.setText(listing, text)
    UI.setAccessibleName(listing, text)
    UI.setVisible(listing, true)
  }

  /// "Autumn 2 2026-27: 3,412 of 4,140 codes entered (82%)", a line per subject, and the
  /// classes behind for leaders to chase.
  private func showCompleteness(_ c: Completeness) {
    UI.setText(entered, c.words)
    UI.setAccessibleName(entered, c.words)
    UI.removeAllChildren(lines)
    for s in c.subjects {
      let l = UI.label(s.words, classes: s.entered < s.expected ? ["warning"] : [])
      UI.setAccessibleName(l, s.words)
      UI.flowAppend(lines, l)
    }
    let rows = c.subjects.flatMap { s in s.behind.map { "\(s.name): \($0.words), \($0.schoolName)" } }
    let shown = rows.prefix(200).joined(separator: "\n") + (rows.count > 200 ? "\nand \(rows.count - 200) more" : "")
    UI.setText(behind, rows.isEmpty ? "Everything expected is entered." : shown)
    // Read by screen readers (and tests) even while the list is folded away.
    UI.setAccessibleName(
      behind, "Not entered yet, by class: " + (rows.isEmpty ? "none" : rows.prefix(40).joined(separator: "; ")))
    let classes = Set(c.subjects.flatMap { $0.behind.map(\.classID) }).count
    UI.setExpanderTitle(
      behindExpander, rows.isEmpty ? "Nothing left to enter" : "Not entered yet: \(plural(classes, "class", "classes"))"
    )
  }
}
