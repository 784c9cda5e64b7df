import CohortCore
import Foundation

/// The heart of the product: one class's codes for a half-term, entered from the keyboard.
@MainActor
final class JudgementsPage: AppPage {
  static let kind = PageKind(
    id: "judgements", title: "Judgements", description: "A class's codes for a half-term, entered from the keyboard."
  ) { JudgementsPage(host: $0) }

  let widget = UI.box(true, spacing: 8, classes: ["judgements-page"])
  unowned let host: PageHost
  private let toolbar = UI.box(false, spacing: 6, classes: ["toolbar"])
  private let legend = UI.wrapped("", classes: ["legend"])
  let complete = UI.box(false, spacing: 12, classes: ["banner", "class-complete"])
  /// What the complete bar says now (nil while hidden).
  var completeShown: String?
  let content = UI.box(true)
  private let binding: SessionBinding
  var session: ClassSession? { binding.session }
  private(set) var grid: GridView?
  private var shownScope: Scope?
  private var undoButton: Widget?
  private var redoButton: Widget?

  init(host: PageHost) {
    self.host = host
    binding = SessionBinding(host: host)
    UI.expand(content, v: true)
    UI.setVisible(complete, false)
    UI.setAccessibleName(complete, "Class complete")
    UI.append(widget, toolbar, legend, complete, content)
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
          self?.bulk { m in (m.copyLastHalfTerm(column: m.cursor.column), "into \(m.subjects[m.cursor.column].name)") }
        },
        MenuItem("Into every empty cell of the class", name: "Copy last half-term: class") { [weak self] in
          self?.bulk { m in (m.copyLastHalfTerm(column: nil), "into every subject") }
        },
      ]
    }
    let fill = UI.button("Fill down", tooltip: "Copy the current code into the empty cells below it (Ctrl+D)") {
      [weak self] in self?.bulk { m in (m.fillDown(), "") }
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

  /// One wrapping line of markup: each code's colour chip, key and label (never split inside).
  private func buildLegend() {
    let codes = Style.codesMarkup(host.context.scheme, keys: true)
    let help = "Delete clears · Ctrl+? for all the keys".replacingOccurrences(of: " ", with: "\u{00A0}")
    UI.markup(legend, codes + "    <i>\(help)</i>")
  }

  private func edit(_ body: (GridModel) -> Void) {
    guard let grid else { return }
    body(grid.model)
    edited()
    grid.focusCursor()
  }

  func edited() {
    session?.edited()
    updateUndo()
  }

  /// A change of many cells: how many it changed, with an Undo that takes back this one step.
  func bulk(_ body: (GridModel) -> (Int, String)) {
    guard let grid else { return }
    let model = grid.model
    let (n, place) = body(model)
    edited()
    grid.focusCursor()
    announceFilled(n, place)
  }

  func announceFilled(_ n: Int, _ place: String) {
    guard let model = grid?.model else { return }
    guard n > 0 else { return host.announce("No empty cell to fill: nothing changed.") }
    let depth = model.undoDepth
    host.announce("Filled \(plural(n, "cell"))\(place.isEmpty ? "" : " " + place)") { [weak self] in
      guard let self, let g = self.grid, g.model === model, model.undoDepth == depth else {
        self?.host.say("Not undone: other changes came after it (Ctrl+Z undoes one step at a time).")
        return
      }
      self.edit { $0.undo() }
    }
  }

  private func updateUndo() {
    let model = grid?.model
    if let undoButton { UI.setSensitive(undoButton, model?.canUndo == true) }
    if let redoButton { UI.setSensitive(redoButton, model?.canRedo == true) }
  }

  func show(_ scope: Scope) {
    guard scope != shownScope else { return }
    do { try flush() } catch { host.say("Could not save the previous class: \(error)") }
    shownScope = scope
    binding.bind(nil)
    grid = nil
    UI.removeAllChildren(content)
    UI.setVisible(complete, false)
    completeShown = nil
    // The codes may have changed in Trust settings since the page was made.
    buildLegend()
    guard case .schoolClass(let schoolID, let classID) = scope.level else {
      UI.setVisible(toolbar, false)
      UI.setVisible(legend, false)
      return showAboveClass(scope)
    }
    do {
      let (s, model) = try host.context.openJudgements(
        classID, school: schoolID, year: scope.year, halfTerm: scope.halfTerm, hop: MainLoop.hop)
      binding.bind(s)
      UI.setVisible(toolbar, true)
      UI.setVisible(legend, true)
      if model.rowCount == 0 || model.columnCount == 0 { return showEmpty(s, model) }
      let g = makeGrid(model, school: schoolID)
      grid = g
      UI.append(content, Self.scroller(header: g.header, body: g.widget))
      showCompleteness()
      updateUndo()
      MainLoop.after(0) { [weak self] in
        self?.didAppear()
        StallProbe.markPainted("grid", g.widget)
      }
      if let reason = model.closedReason { host.say(reason) }
    } catch {
      UI.append(
        content,
        Adw.statusPage(
          icon: "dialog-warning-symbolic", title: "This class could not be opened", description: "\(error)"))
    }
  }

  private func makeGrid(_ model: GridModel, school: String) -> GridView {
    let g = GridView(model: model)
    g.onEdit = { [weak self] in self?.edited() }
    g.onHint = { [weak self] in self?.host.say($0) }
    g.onPasteRequest = { [weak self] in self?.pasteFromClipboard() }
    g.onCursor = { [weak self] id in self?.host.select(pupil: id, school: school) }
    g.onCounts = { [weak self] in self?.showCompleteness() }
    g.onFilled = { [weak self] n in self?.announceFilled(n, "") }
    return g
  }

  /// The headings stay in view while the pupils scroll; both scroll sideways together.
  static func scroller(header: Widget, body: Widget) -> Widget {
    let column = UI.box(true)
    let (down, across) = (UI.vscrolled(body), UI.hscrolled(column))
    UI.append(column, header, down)
    for s in [down, across] { UI.steadyScrolling(s) }
    return across
  }

  private func pasteFromClipboard() {
    guard let grid else { return }
    ClipboardText.read(UI.clipboard(grid.widget)) { [weak self] text in
      guard let self, let text, let grid = self.grid else { return }
      do {
        let n = try grid.model.paste(text)
        self.edited()
        self.host.say("Pasted \(plural(n, "code"))")
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

  /// A pupil chosen elsewhere (Find a pupil, another page): the cursor goes to their row.
  func pupilSelected() {
    guard let grid, let id = host.selectedPupil?.id, let row = grid.model.pupils.firstIndex(where: { $0.id == id }),
      row != grid.model.cursor.row
    else { return }
    grid.model.cursor.row = row
    if isShown { grid.focusCursor() }
  }
}
