import CohortCore

/// Pupils to look at as a table: pupil, class, subject, the reason in words, since when and
/// the latest score, most concerning first, each pupil a button that opens the Pupil page.
/// The heading gives the count beside the number it is out of.
@MainActor
final class PupilsTable {
  /// The table as words, made off the main thread from the flag rules' table.
  struct Rows: Sendable {
    struct Row: Sendable {
      var pupil, school, name, place, subject, reason, since, score: String
    }
    /// "Pupils to look at: 37 of 1,380".
    var words = ""
    /// All the rows, of which `rows` holds the first `shown` or more.
    var total = 0
    var rows: [Row] = []
  }

  let widget: Widget
  private let heading: Widget
  private let grid: Widget
  var onOpen: (_ pupil: String, _ school: String) -> Void = { _, _ in }
  /// Rows shown at most, most concerning first: a screenful to talk through in a meeting. Past
  /// this a trust's table is hundreds of wrapped labels to lay out, which held the window for
  /// a quarter of a second (a school or a group narrows it).
  nonisolated static let shown = 50

  init() {
    widget = UI.box(true, spacing: 6, classes: ["pupils-to-look-at"])
    heading = UI.label("", classes: ["title-4"])
    UI.setAccessibleName(heading, "Pupils to look at")
    grid = UI.grid(rowSpacing: 2, columnSpacing: 14)
    UI.setAccessibleName(grid, "Pupils to look at, table")
    UI.append(widget, heading, grid)
  }

  func show(_ t: Rows, now: HalfTermRef, scopeName: String) {
    UI.setText(heading, t.words + " in \(scopeName)")
    UI.setAccessibleName(heading, t.words)
    UI.removeAllChildren(grid)
    parts.cancel()
    guard !t.rows.isEmpty else {
      UI.attach(
        grid, UI.label("No pupil has a reason to look at for \(now.halfTerm.label) \(now.year)."), column: 0, row: 0)
      return
    }
    for (c, title) in ["Pupil", "Class", "Subject", "Reason", "Since", "Latest score"].enumerated() {
      UI.attach(grid, UI.label(title, classes: ["heading"]), column: Int32(c), row: 0)
    }
    // Ten rows a part: fifty rows' labels measured in one frame held the window for over a
    // tenth of a second.
    let rows = Array(t.rows.prefix(Self.shown))
    parts.start(rows.count, per: 10) { [weak self] r in for i in r { self?.row(rows[i], Int32(i + 1)) } }
    let total = max(t.total, t.rows.count)
    if total > Self.shown {
      let more = "and \(plural(total - Self.shown, "more row")): open a school or choose a group to see them"
      UI.attach(grid, UI.label(more, classes: ["dim-label"]), column: 0, row: Int32(Self.shown + 1), width: 6)
    }
  }

  private let parts = InParts()

  private func row(_ r: Rows.Row, _ row: Int32) {
    let (pupil, school) = (r.pupil, r.school)
    let open = UI.button(r.name, name: "Open pupil: \(r.name)", tooltip: "Open \(r.name)'s page") { [weak self] in
      self?.onOpen(pupil, school)
    }
    UI.flat(open)
    UI.align(open, h: .start)
    let cells = [r.place, r.subject, r.reason, r.since, r.score]
    UI.attach(grid, open, column: 0, row: row)
    for (c, text) in cells.enumerated() {
      // The reason wraps; the short columns shorten with an ellipsis (the whole text on
      // hover), so the table fits beside the sidebar at 1280x720. Every column wrapping cost
      // the window a tenth of a second to lay out fifty rows.
      let l = c == 2 ? UI.wrapped(text) : UI.label(text)
      UI.minWidth(l, [150, 80, 220, 110, 150][c])
      if c == 2 {
        UI.setAccessibleName(l, "Reason for \(r.name): \(text)")
        UI.expand(l, h: true)
      } else {
        UI.ellipsize(l)
        UI.hoverText(l, text)
      }
      UI.attach(grid, l, column: Int32(c + 1), row: row)
    }
  }
}
