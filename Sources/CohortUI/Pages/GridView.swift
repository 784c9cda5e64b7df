import CGtk
import CohortCore

/// The Judgements grid as widgets: a row per pupil, a column per subject, each cell a
/// focusable button (so screen readers and AT-SPI tests see it). All keys go through one
/// controller to the GridModel; this view only draws the model and moves the focus.
@MainActor
final class GridView {
  let model: GridModel
  let widget: Widget
  /// The column headings, kept outside the scrolled grid so they stay in view; size groups
  /// keep each heading as wide as its column.
  let header: Widget
  private var columnGroups: [UnsafeMutablePointer<GtkSizeGroup>] = []
  private var cells: [[CellWidgets]] = []
  private var positions: [Widget: GridPosition] = [:]
  /// Called after an edit, undo or redo changed codes (to save), and with hints to show.
  var onEdit: () -> Void = {}
  var onHint: (String) -> Void = { _ in }
  var onPasteRequest: () -> Void = {}
  /// The pupil under the cursor, whenever it moves.
  var onCursor: (String) -> Void = { _ in }

  struct CellWidgets {
    let button: Widget
    let chip: Widget
    let label: Widget
    let previous: Widget
  }

  init(model: GridModel) {
    self.model = model
    let grid = gtk_grid_new()!
    gtk_grid_set_row_spacing(cg_grid(grid), 2)
    gtk_grid_set_column_spacing(cg_grid(grid), 6)
    UI.addClasses(grid, ["judgement-grid"])
    UI.setAccessibleName(grid, "Judgements grid")
    gtk_widget_set_halign(grid, GTK_ALIGN_START)
    widget = grid
    header = UI.box(false, spacing: 6, classes: ["grid-header-row"])
    gtk_widget_set_halign(header, GTK_ALIGN_START)
    // One group for the names, one for every subject: all subjects stay the same width.
    columnGroups = (0..<2).map { _ in gtk_size_group_new(GTK_SIZE_GROUP_HORIZONTAL)! }
    build()
    model.onChange = { [weak self] changed in self?.refresh(changed) }
    let keys = gtk_event_controller_key_new()!
    gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE)
    Signal.onKeyPressed(UnsafeMutableRawPointer(keys)) { [weak self] keyval, state in
      self?.handleKey(keyval, state) ?? false
    }
    gtk_widget_add_controller(grid, keys)
  }

  private func build() {
    let g = cg_grid(widget)
    for (c, title) in (["Pupil"] + model.subjects.map(\.name)).enumerated() {
      let heading = UI.label(title, classes: ["grid-header"])
      gtk_size_group_add_widget(columnGroups[min(c, 1)], heading)
      UI.append(header, heading)
    }
    for (r, pupil) in model.pupils.enumerated() {
      let name = nameCell(pupil)
      gtk_size_group_add_widget(columnGroups[0], name)
      gtk_grid_attach(g, name, 0, Int32(r), 1, 1)
      var row: [CellWidgets] = []
      for c in model.subjects.indices {
        let cell = makeCell(GridPosition(row: r, column: c))
        gtk_size_group_add_widget(columnGroups[1], cell.button)
        gtk_grid_attach(g, cell.button, Int32(c + 1), Int32(r), 1, 1)
        row.append(cell)
      }
      cells.append(row)
    }
    // The widgets hold the groups now.
    for group in columnGroups { g_object_unref(UnsafeMutableRawPointer(group)) }
    refresh(Set(model.allPositions))
  }

  /// Narrower on a small screen, so that three subjects fit beside the names.
  static var nameWidth: Int32 { UI.screen.width > 0 && UI.screen.width < 1200 ? 190 : 250 }

  private func nameCell(_ pupil: Pupil) -> Widget {
    let box = UI.box(false, spacing: 6, classes: ["pupil-name"])
    let name = UI.label(pupil.fullName)
    gtk_widget_set_hexpand(name, 1)
    gtk_widget_set_size_request(box, Self.nameWidth, -1)
    UI.append(box, name)
    var flags: [(String, String)] = []
    if pupil.isDisadvantaged {
      flags.append(("PP", "Disadvantaged: FSM in the last six years, looked after or previously looked after"))
    }
    if pupil.serviceChild { flags.append(("SC", "Service child")) }
    if pupil.send != .none {
      flags.append((pupil.send.rawValue == "E" ? "EHCP" : "SEN", pupil.send == .ehcPlan ? "EHC plan" : "SEN support"))
    }
    if pupil.eal { flags.append(("EAL", "English as an additional language")) }
    if let marker = pupil.outsideAgeYearMarker(in: model.doc.year) { flags.append(marker) }
    for (text, meaning) in flags {
      let f = UI.label(text, classes: ["flag"], xalign: 0.5)
      gtk_widget_set_tooltip_text(f, meaning)
      gtk_widget_set_valign(f, GTK_ALIGN_CENTER)
      UI.append(box, f)
    }
    UI.setAccessibleDescription(box, flags.map(\.1).joined(separator: ", "))
    return box
  }

  private func makeCell(_ p: GridPosition) -> CellWidgets {
    let button = gtk_button_new()!
    UI.addClasses(button, ["cell", "flat"])
    let box = UI.box(false, spacing: 6)
    let chip = UI.label("", classes: ["code-chip"], xalign: 0.5)
    let label = UI.label("", classes: ["code-label"])
    gtk_widget_set_hexpand(label, 1)
    // A fixed width, so columns never jump while codes are typed (the tooltip has it all).
    let widest = UI.screen.width > 0 && UI.screen.width < 1200 ? 12 : 14
    let chars = Int32(min(widest, model.scheme.codes.map(\.label.count).max() ?? 8))
    gtk_label_set_width_chars(cg_label(label), chars)
    gtk_label_set_max_width_chars(cg_label(label), chars)
    gtk_label_set_ellipsize(cg_label(label), PANGO_ELLIPSIZE_END)
    let previous = UI.label("", classes: ["previous"], xalign: 1)
    UI.append(box, chip, label, previous)
    gtk_button_set_child(cg_button(button), box)
    UI.setAccessibleName(button, model.accessibleName(at: p))
    Signal.on(button, "clicked") { [weak self] in
      self?.model.cursor = p
      self?.focusCursor()
    }
    positions[button] = p
    return CellWidgets(button: button, chip: chip, label: label, previous: previous)
  }

  /// Redraws the given cells from the model.
  func refresh(_ changed: Set<GridPosition>) {
    for p in changed where p.row < cells.count {
      let w = cells[p.row][p.column]
      let raw = model.rawCode(at: p)
      let code = model.code(at: p)
      UI.setText(w.chip, raw ?? "")
      UI.setText(w.label, code?.label ?? (raw == nil ? "" : "Unknown code"))
      for c in model.scheme.codes { UI.setClass(w.chip, "code-\(Style.cssName(c.id))", c.id == code?.id) }
      UI.setClass(w.chip, "empty", raw == nil)
      UI.setClass(w.chip, "unknown", raw != nil && code == nil)
      let previous = model.previousCode(at: p)
      UI.setText(w.previous, previous.map { "was \($0)" } ?? "")
      gtk_widget_set_tooltip_text(
        w.button,
        "\(model.accessibleName(at: p)): \(code.map { "\($0.id) \($0.label)" } ?? raw ?? "not entered")"
          + (previous.map { "; last half-term \($0)" } ?? ""))
    }
  }

  // For tests and screen-reader checks: what a cell shows.
  func button(at p: GridPosition) -> Widget { cells[p.row][p.column].button }
  func chipText(at p: GridPosition) -> String {
    String(cString: gtk_label_get_text(cg_label(cells[p.row][p.column].chip)))
  }
  func labelText(at p: GridPosition) -> String {
    String(cString: gtk_label_get_text(cg_label(cells[p.row][p.column].label)))
  }
  func previousText(at p: GridPosition) -> String {
    String(cString: gtk_label_get_text(cg_label(cells[p.row][p.column].previous)))
  }

  func focusCursor() {
    guard !cells.isEmpty, model.columnCount > 0 else { return }
    let p = model.cursor
    gtk_widget_grab_focus(cells[p.row][p.column].button)
    onCursor(model.pupils[p.row].id)
  }

  /// Keeps the model's cursor on the focused cell (a click, or focus from outside).
  private func syncCursorFromFocus() {
    guard let root = gtk_widget_get_root(widget), let focus = gtk_root_get_focus(root) else { return }
    var w: Widget? = focus
    while let current = w {
      if let p = positions[current] {
        model.cursor = p
        return
      }
      w = gtk_widget_get_parent(current)
    }
  }

  /// One key press; true when the grid used it.
  func handleKey(_ keyval: UInt32, _ state: GdkModifierType) -> Bool {
    syncCursorFromFocus()
    let ctrl = state.rawValue & GDK_CONTROL_MASK.rawValue != 0
    let shift = state.rawValue & GDK_SHIFT_MASK.rawValue != 0
    let alt = state.rawValue & GDK_ALT_MASK.rawValue != 0
    if alt { return false }
    if ctrl {
      switch Int32(keyval) {
      case GDK_KEY_z, GDK_KEY_Z:
        shift ? model.redo() : model.undo()
        onEdit()
      case GDK_KEY_y:
        model.redo()
        onEdit()
      case GDK_KEY_d:
        model.fillDown()
        onEdit()
      case GDK_KEY_v: onPasteRequest()
      case GDK_KEY_Home: model.cursor = GridPosition(row: 0, column: 0)
      case GDK_KEY_End:
        model.cursor = GridPosition(row: max(0, model.rowCount - 1), column: max(0, model.columnCount - 1))
      default: return false
      }
      focusCursor()
      return true
    }
    switch Int32(keyval) {
    case GDK_KEY_Up: model.move(.up)
    case GDK_KEY_Down, GDK_KEY_Return, GDK_KEY_KP_Enter: model.move(.down)
    case GDK_KEY_Left: model.move(.left)
    case GDK_KEY_Right: model.move(.right)
    case GDK_KEY_Tab: model.move(.next)
    case GDK_KEY_ISO_Left_Tab: model.move(.previous)
    case GDK_KEY_Home: model.move(.first)
    case GDK_KEY_End: model.move(.last)
    case GDK_KEY_Delete, GDK_KEY_BackSpace, GDK_KEY_KP_Delete:
      model.clearCursor()
      onEdit()
    default:
      let unicode = gdk_keyval_to_unicode(keyval)
      guard unicode > 32, let scalar = Unicode.Scalar(unicode) else { return false }
      switch model.type(String(Character(scalar))) {
      case .handled: onEdit()
      case .hint(let text): onHint(text)
      }
    }
    focusCursor()
    return true
  }
}
