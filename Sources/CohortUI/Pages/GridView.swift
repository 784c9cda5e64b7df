import CohortCore

/// The Judgements grid as widgets: a row per pupil, a column per subject, each cell a
/// focusable button (so screen readers and AT-SPI tests see it). All keys go through one
/// controller to the GridModel; this view only draws the model and moves the focus.
@MainActor
final class GridView {
  let model: GridModel
  let widget = UI.grid(rowSpacing: 2, columnSpacing: 6)
  /// The column headings with each subject's count, kept outside the scrolled grid so they
  /// stay in view; size groups keep each heading as wide as its column.
  let header = UI.box(false, spacing: 6, classes: ["grid-header-row"])
  private var counts: [Widget] = []
  private var cells: [[CellWidgets]] = []
  private var positions: [Widget: GridPosition] = [:]
  /// One group for the names, one for the subjects: all subjects stay the same width, and
  /// the headings above the scrolled grid as wide as their columns.
  private let groups = UI.sameWidth(2)
  private let rowsInParts = InParts()
  /// The cells' label width, in characters: short labels that are never cut.
  private let labelChars: Int
  /// The longest code of the scheme, in characters (a chip as wide as "GDS").
  private let codeChars: Int
  /// Called after an edit, undo or redo changed codes (to save), and with hints to show (an
  /// empty hint clears the last one: the key was good).
  var onEdit: () -> Void = {}
  var onHint: (String) -> Void = { _ in }
  var onPasteRequest: () -> Void = {}
  /// The pupil under the cursor, whenever it moves.
  var onCursor: (String) -> Void = { _ in }
  /// After every change of codes: the counts changed (the class may now be complete).
  var onCounts: () -> Void = {}
  /// Ctrl+D filled this many cells.
  var onFilled: (Int) -> Void = { _ in }

  struct CellWidgets {
    let button: Widget
    let chip: Widget
    let label: Widget
    let previous: Widget
  }

  init(model: GridModel) {
    self.model = model
    labelChars = model.labelWidth(limit: UI.screen.width > 0 && UI.screen.width < 1200 ? 12 : 14)
    codeChars = max(2, model.scheme.codes.map(\.id.count).max() ?? 2)
    UI.addClasses(widget, ["judgement-grid"])
    UI.setAccessibleName(widget, "Judgements grid")
    UI.align(widget, h: .start)
    UI.align(header, h: .start)
    build()
    model.onChange = { [weak self] changed in self?.refresh(changed) }
    UI.onKey(widget) { [weak self] press in self?.handle(press) ?? false }
    // Focus from outside (Tab into the grid) is not scrolled to by GTK here (steadyScrolling);
    // the window has settled which cell has it once the focus change is done.
    UI.onEnter(widget) { [weak self] in
      MainLoop.after(0) {
        guard let self, self.model.rowCount > 0, self.model.columnCount > 0 else { return }
        self.syncCursorFromFocus()
        UI.scrollIntoView(self.cell(self.model.cursor).button)
      }
    }
  }

  private func build() {
    let countChars = "\(model.rowCount) of \(model.rowCount)".count
    let pupilHeading = UI.label("Pupil", classes: ["grid-header"])
    groups[0].add(pupilHeading)
    UI.append(header, pupilHeading)
    for (c, subject) in model.subjects.enumerated() {
      let heading = UI.box(true, spacing: 0)
      let count = UI.inscription(model.count(column: c), chars: countChars, classes: ["column-count", "caption"])
      UI.setAccessibleName(count, model.countDescription(column: c))
      UI.append(heading, UI.label(subject.name, classes: ["grid-header"]), count)
      groups[1].add(heading)
      counts.append(count)
      UI.append(header, heading)
    }
    // The rows a part per turn of the main loop, the first part now: a class of thirty in
    // four subjects is some 700 widgets, whose making and first layout were one or two
    // stalls of 65-100 ms. Keys never wait for a part: the model takes them, and a row the
    // cursor reaches first is made then.
    rowsInParts.start(model.pupils.count, per: 10) { [weak self] rows in self?.addRows(upTo: rows.upperBound) }
    refreshCounts()
  }

  /// Makes the rows not yet made below `end`, from the model.
  private func addRows(upTo end: Int) {
    let mixed = model.yearGroups.count > 1
    while cells.count < min(end, model.pupils.count) {
      let r = cells.count
      let name = nameCell(model.pupils[r], yearBadge: mixed)
      groups[0].add(name)
      UI.attach(widget, name, column: 0, row: Int32(r))
      var row: [CellWidgets] = []
      for c in model.subjects.indices {
        let cell = makeCell(GridPosition(row: r, column: c))
        // The first row stands for its column: every cell is as wide as the others (fixed
        // inscriptions), and a size group measures all its members for each one measured.
        if r == 0 { groups[1].add(cell.button) }
        UI.attach(widget, cell.button, column: Int32(c + 1), row: Int32(r))
        row.append(cell)
      }
      cells.append(row)
      for c in model.subjects.indices { draw(GridPosition(row: r, column: c)) }
    }
  }

  /// Narrower on a small screen, so that three subjects fit beside the names (and the sidebar
  /// from 1100 pixels up).
  static var nameWidth: Int32 {
    let w = UI.screen.width
    return w <= 0 || w >= 1400 ? 250 : w < 1200 ? 190 : 210
  }

  private func nameCell(_ pupil: Pupil, yearBadge: Bool) -> Widget {
    let box = UI.box(false, spacing: 6, classes: ["pupil-name"])
    let name = UI.label(pupil.fullName)
    UI.ellipsize(name)
    UI.tooltip(name, pupil.fullName)
    UI.expand(name, h: true)
    UI.minWidth(box, Self.nameWidth)
    UI.append(box, name)
    var flags: [(String, String, String)] = []
    // In a mixed-age class, who is in which year.
    if yearBadge {
      let g = pupil.yearGroup(in: model.doc.year)
      flags.append((g.shortLabel, g.label, "year-badge"))
    }
    if pupil.isDisadvantaged {
      flags.append(("PP", "Disadvantaged: FSM in the last six years, looked after or previously looked after", "flag"))
    }
    if pupil.serviceChild { flags.append(("SC", "Service child", "flag")) }
    if pupil.send != .none {
      flags.append(
        (pupil.send.rawValue == "E" ? "EHCP" : "SEN", pupil.send == .ehcPlan ? "EHC plan" : "SEN support", "flag"))
    }
    if pupil.eal { flags.append(("EAL", "English as an additional language", "flag")) }
    if let marker = pupil.outsideAgeYearMarker(in: model.doc.year) { flags.append((marker.0, marker.1, "flag")) }
    for (text, meaning, style) in flags {
      let f = UI.label(text, classes: ["flag", style], xalign: 0.5)
      UI.tooltip(f, meaning)
      UI.align(f, v: .center)
      UI.append(box, f)
    }
    UI.setAccessibleDescription(box, flags.map(\.1).joined(separator: ", "))
    return box
  }

  private func makeCell(_ p: GridPosition) -> CellWidgets {
    let box = UI.box(false, spacing: 6)
    // Fixed widths: a code typed repaints its cell without measuring the grid again.
    let chip = UI.inscription(chars: codeChars, classes: ["code-chip"], xalign: 0.5)
    let label = UI.inscription(chars: labelChars, classes: ["code-label"])
    UI.expand(label, h: true)
    let previous = UI.inscription(chars: codeChars + 4, classes: ["previous"], xalign: 1)
    UI.append(box, chip, label, previous)
    let button = UI.button(child: box, classes: ["cell", "flat"]) { [weak self] in
      self?.model.cursor = p
      self?.focusCursor()
    }
    UI.setAccessibleName(button, model.accessibleName(at: p))
    positions[button] = p
    return CellWidgets(button: button, chip: chip, label: label, previous: previous)
  }

  /// Redraws the given cells from the model (those of rows already made), and the counts.
  func refresh(_ changed: Set<GridPosition>) {
    for p in changed where p.row < cells.count { draw(p) }
    refreshCounts()
  }

  private func draw(_ p: GridPosition) {
    let w = cells[p.row][p.column]
    let raw = model.rawCode(at: p)
    let code = model.code(at: p)
    UI.setInscription(w.chip, raw ?? "")
    UI.setInscription(
      w.label, code.map { GridModel.shortLabel($0, limit: labelChars) } ?? (raw == nil ? "" : "Unknown"))
    for c in model.scheme.codes { UI.setClass(w.chip, "code-\(Style.cssName(c.id))", c.id == code?.id) }
    UI.setClass(w.chip, "empty", raw == nil)
    UI.setClass(w.chip, "unknown", raw != nil && code == nil)
    let previous = model.previousCode(at: p)
    UI.setInscription(w.previous, previous.map { "was \($0)" } ?? "")
    let full =
      code.map { "\($0.id) \($0.label)" } ?? raw.map { "\($0), a code the scheme does not know" } ?? "not entered"
    let was = previous.map { "; last half-term \($0)" } ?? ""
    UI.hoverText(w.button, "\(model.accessibleName(at: p)): \(full)\(was)")
    UI.setAccessibleDescription(w.button, full + was)
  }

  private func refreshCounts() {
    for (c, count) in counts.enumerated() {
      UI.setInscription(count, model.count(column: c))
      UI.setAccessibleName(count, model.countDescription(column: c))
      UI.setClass(count, "complete", model.entered(column: c) == model.rowCount)
    }
    onCounts()
  }

  // For tests and screen-reader checks: what a cell shows.
  func button(at p: GridPosition) -> Widget { cell(p).button }
  func chipText(at p: GridPosition) -> String { UI.inscriptionText(cell(p).chip) }
  func labelText(at p: GridPosition) -> String { UI.inscriptionText(cell(p).label) }
  func previousText(at p: GridPosition) -> String { UI.inscriptionText(cell(p).previous) }
  func countText(column: Int) -> String { UI.inscriptionText(counts[column]) }
  var rowsMade: Int { cells.count }

  /// A cell's widgets, its row made now if its part has not come yet.
  private func cell(_ p: GridPosition) -> CellWidgets {
    addRows(upTo: p.row + 1)
    return cells[p.row][p.column]
  }

  func focusCursor() {
    guard model.rowCount > 0, model.columnCount > 0 else { return }
    let p = model.cursor
    let button = cell(p).button
    UI.focus(button)
    // A row made just now has no place until the next layout: it is brought into view then.
    if !UI.scrollIntoView(button) {
      MainLoop.afterDrawing { [weak self] in
        guard let self, self.model.cursor == p else { return }
        UI.scrollIntoView(button)
      }
    }
    onCursor(model.pupils[p.row].id)
  }

  /// Keeps the model's cursor on the focused cell (a click, or focus from outside).
  private func syncCursorFromFocus() {
    if let p = UI.focusChain(widget).lazy.compactMap({ self.positions[$0] }).first, p != model.cursor {
      model.cursor = p
    }
  }

  /// One key press; true when the grid used it.
  func handle(_ press: KeyPress) -> Bool {
    syncCursorFromFocus()
    if press.alt { return false }
    if press.ctrl {
      guard ctrlKey(press) else { return false }
    } else {
      switch press.key {
      case .up: model.move(.up)
      case .down, .enter: model.move(.down)
      case .left: model.move(.left)
      case .right: model.move(.right)
      case .tab: model.move(.next)
      case .backTab: model.move(.previous)
      case .home: model.move(.first)
      case .end: model.move(.last)
      case .delete:
        model.clearCursor()
        onEdit()
      case .character(let c):
        switch model.type(c) {
        case .handled:
          onHint("")
          onEdit()
        case .hint(let text): onHint(text)
        }
      case .other, .escape: return false
      }
    }
    focusCursor()
    return true
  }

  private func ctrlKey(_ press: KeyPress) -> Bool {
    switch press.key {
    case .character("z"), .character("Z"):
      press.shift ? model.redo() : model.undo()
      onEdit()
    case .character("y"):
      model.redo()
      onEdit()
    case .character("d"):
      let n = model.fillDown()
      onEdit()
      onFilled(n)
    case .character("v"): onPasteRequest()
    case .home: model.cursor = GridPosition(row: 0, column: 0)
    case .end: model.cursor = GridPosition(row: max(0, model.rowCount - 1), column: max(0, model.columnCount - 1))
    default: return false
    }
    return true
  }
}
