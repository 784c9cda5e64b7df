import CGtk
import CohortCore
import Foundation

/// The heart of the product: one class's codes for a half-term, entered from the keyboard.
@MainActor
final class JudgementsPage: AppPage {
  static let kind = PageKind(
    id: "judgements", title: "Judgements", description: "A class's codes for a half-term, entered from the keyboard."
  ) { JudgementsPage(host: $0) }

  let widget: Widget
  private unowned let host: PageHost
  private let toolbar: Widget
  private let legend: Widget
  private let content: Widget
  private let binding: SessionBinding
  private var session: ClassSession? { binding.session }
  private var grid: GridView?
  private var shownScope: Scope?
  private var undoButton: Widget?
  private var redoButton: Widget?

  init(host: PageHost) {
    self.host = host
    binding = SessionBinding(host: host)
    widget = UI.box(true, spacing: 8, classes: ["judgements-page"])
    toolbar = UI.box(false, spacing: 6, classes: ["toolbar"])
    legend = UI.label("", classes: ["legend"])
    gtk_label_set_wrap(cg_label(legend), 1)
    content = UI.box(true)
    gtk_widget_set_vexpand(content, 1)
    UI.append(widget, toolbar, legend, content)
    buildToolbar()
  }

  private func buildToolbar() {
    // One menu for both copies, so that the toolbar fits a 1024-pixel screen.
    let copy = UI.menuButton(
      "Copy last half-term", name: "Copy last half-term",
      tooltip: "Fill empty cells with last half-term's codes: this subject's, or the whole class's"
    ) {
      [
        MenuItem("Into this subject's empty cells", name: "Copy last half-term: subject") { [weak self] in
          self?.edit { $0.copyLastHalfTerm(column: $0.cursor.column) }
        },
        MenuItem("Into every empty cell of the class", name: "Copy last half-term: class") { [weak self] in
          self?.edit { $0.copyLastHalfTerm(column: nil) }
        },
      ]
    }
    let fill = UI.button("Fill down", tooltip: "Copy the current code into the empty cells below it (Ctrl+D)") {
      [weak self] in self?.edit { $0.fillDown() }
    }
    let paste = UI.button(
      "Paste column", tooltip: "Paste codes copied from a spreadsheet, from the current cell down (Ctrl+V)"
    ) {
      [weak self] in self?.pasteFromClipboard()
    }
    let undo = UI.button("Undo", tooltip: "Undo the last change (Ctrl+Z)") { [weak self] in self?.edit { $0.undo() } }
    let redo = UI.button("Redo", tooltip: "Redo (Ctrl+Shift+Z)") { [weak self] in self?.edit { $0.redo() } }
    undoButton = undo
    redoButton = redo
    UI.append(toolbar, copy, fill, paste, undo, redo)
    updateUndo()
  }

  /// One wrapping line of markup: each code's colour chip, key and label.
  private func buildLegend() {
    let codes = Style.codesMarkup(host.context.scheme, keys: true)
    UI.markup(legend, "Keys:   " + codes + "     <i>Delete clears · Ctrl+? shortcuts</i>")
  }

  private func edit(_ body: (GridModel) -> Void) {
    guard let grid else { return }
    body(grid.model)
    session?.edited()
    updateUndo()
    grid.focusCursor()
  }

  private func updateUndo() {
    let model = grid?.model
    if let undoButton { gtk_widget_set_sensitive(undoButton, model?.canUndo == true ? 1 : 0) }
    if let redoButton { gtk_widget_set_sensitive(redoButton, model?.canRedo == true ? 1 : 0) }
  }

  func show(_ scope: Scope) {
    guard scope != shownScope else { return }
    do { try flush() } catch { host.say("Could not save the previous class: \(error)") }
    shownScope = scope
    binding.bind(nil)
    grid = nil
    UI.removeAllChildren(content)
    // The codes may have changed in Trust settings since the page was made.
    buildLegend()
    guard case .schoolClass(let schoolID, let classID) = scope.level else {
      gtk_widget_set_visible(toolbar, 0)
      gtk_widget_set_visible(legend, 0)
      // A school's classes (or a small trust's) one click away; a large trust's in the sidebar.
      if scope.schoolID != nil || host.context.schools.count <= 3 { return showClassChooser(scope) }
      let message = UI.label(
        "Choose a class in the sidebar to enter judgements.", classes: ["dim-label", "title-3"], xalign: 0.5)
      gtk_widget_set_vexpand(message, 1)
      UI.append(content, message)
      return
    }
    do {
      let (s, model) = try host.context.openJudgements(
        classID, school: schoolID, year: scope.year, halfTerm: scope.halfTerm, hop: MainLoop.hop)
      let g = GridView(model: model)
      g.onEdit = { [weak self] in
        self?.session?.edited()
        self?.updateUndo()
      }
      g.onHint = { [weak self] in self?.host.say($0) }
      g.onPasteRequest = { [weak self] in self?.pasteFromClipboard() }
      g.onCursor = { [weak self] id in self?.host.select(pupil: id, school: schoolID) }
      binding.bind(s)
      grid = g
      gtk_widget_set_visible(toolbar, 1)
      gtk_widget_set_visible(legend, 1)
      if model.rowCount == 0 || model.columnCount == 0 {
        let text =
          model.rowCount == 0
          ? "No pupils in \(s.schoolClass.name) yet. Place pupils in it from those not in a class (the bar above "
            + "shows them), or import a CTF from your MIS."
          : "No subject is judged in \(s.schoolClass.yearGroupsLabel): choose the subjects' year groups in Trust settings."
        let label = UI.wrapped(text, classes: ["dim-label", "title-3"])
        gtk_widget_set_vexpand(label, 1)
        gtk_label_set_xalign(cg_label(label), 0.5)
        gtk_label_set_justify(cg_label(label), GTK_JUSTIFY_CENTER)
        UI.append(content, label)
      } else {
        UI.append(content, Self.scroller(header: g.header, body: g.widget))
      }
      updateUndo()
      MainLoop.after(0) { [weak self] in self?.didAppear() }
      if let reason = model.closedReason { host.say(reason) }
    } catch {
      UI.append(content, UI.label("Could not open this class: \(error)", classes: ["error"], xalign: 0.5))
    }
  }

  /// The headings stay in view while the pupils scroll; both scroll sideways together.
  static func scroller(header: Widget, body: Widget) -> Widget {
    let inner = UI.scrolled(body)
    gtk_scrolled_window_set_policy(cg_scrolled(inner), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
    let column = UI.box(true)
    UI.append(column, header, inner)
    let outer = UI.scrolled(column)
    gtk_scrolled_window_set_policy(cg_scrolled(outer), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER)
    return outer
  }

  /// Above class level: the classes in scope, one button each, to go straight to a grid.
  private func showClassChooser(_ scope: Scope) {
    let box = UI.box(true, spacing: 10, classes: ["class-chooser"])
    gtk_widget_set_halign(box, GTK_ALIGN_CENTER)
    gtk_widget_set_valign(box, GTK_ALIGN_CENTER)
    UI.append(box, UI.label("Choose a class to enter judgements.", classes: ["dim-label", "title-3"], xalign: 0.5))
    var schools = host.context.schools
    var yearGroup: YearGroup?
    switch scope.level {
    case .school(let id): schools = schools.filter { $0.id == id }
    case .yearGroup(let id, let g):
      schools = schools.filter { $0.id == id }
      yearGroup = g
    case .trust: break
    default: schools = []
    }
    for school in schools {
      let row = gtk_flow_box_new()!
      gtk_flow_box_set_selection_mode(OpaquePointer(row), GTK_SELECTION_NONE)
      gtk_flow_box_set_max_children_per_line(OpaquePointer(row), 7)
      for c in school.classes(in: scope.year) where yearGroup.map({ c.yearGroups.contains($0) }) ?? true {
        let button = UI.button(c.name, name: "Open \(c.name), \(school.name)") { [weak self] in
          self?.host.navigate(to: .schoolClass(school: school.id, classID: c.id))
        }
        gtk_flow_box_insert(OpaquePointer(row), button, -1)
      }
      UI.append(box, UI.label(school.name, classes: ["heading"], xalign: 0.5), row)
    }
    gtk_widget_set_vexpand(box, 1)
    UI.append(content, box)
  }

  private func pasteFromClipboard() {
    guard let grid else { return }
    let clipboard = gtk_widget_get_clipboard(grid.widget)
    ClipboardText.read(clipboard) { [weak self] text in
      guard let self, let text, let grid = self.grid else { return }
      do {
        let n = try grid.model.paste(text)
        self.session?.edited()
        self.updateUndo()
        self.host.say("Pasted \(n) code\(n == 1 ? "" : "s")")
      } catch let e as InputError {
        self.host.say(e.message)
      } catch {
        self.host.say("\(error)")
      }
      grid.focusCursor()
    }
  }

  func flush() throws { try binding.flush() }
  func dataChanged() { shownScope = nil }

  func didAppear() {
    if isShown { grid?.focusCursor() }
  }
}
