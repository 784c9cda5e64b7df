import CGtk
import CohortCore
import CohortStore

/// Pupils on roll who are in no class of the year, by year group, each with "Place in…" and
/// the year's classes (their own year group's first); a whole year group at once too.
@MainActor
final class UnplacedWindow {
  let window: Widget
  private let context: AppContext
  private var list: UnplacedList
  private let content = UI.box(true, spacing: 8)
  private let status = UI.wrapped("")
  private let placed: @MainActor (String) -> Void

  init(
    parent: Widget, context: AppContext, list: UnplacedList, placed: @escaping @MainActor (String) -> Void,
    closed: @escaping @MainActor () -> Void
  ) {
    self.context = context
    self.list = list
    self.placed = placed
    window = UI.window(title: "Pupils not in a class", parent: parent, width: 640, height: 620)
    UI.closesOnEscape(window)
    let box = UI.box(true, spacing: 8, classes: ["settings-window"])
    UI.setAccessibleName(status, "Placing message")
    let close = UI.button("Close", name: "Close the pupils not in a class") { [weak self] in
      self.map { UI.close($0.window) }
    }
    UI.align(close, h: .end)
    UI.append(box, UI.scrolled(content), status, close)
    UI.setChild(window, box)
    Signal.on(window, "destroy") { closed() }
    redraw()
    UI.present(window)
  }

  /// The list as the main window last counted it (nil: the school has no classes this year).
  func update(_ fresh: UnplacedList?) {
    guard let fresh, fresh.school.id == list.school.id, fresh.year == list.year else { return }
    // Placing from here already took the pupil off: redraw only for news from elsewhere.
    let ids = { (l: UnplacedList) in l.groups.flatMap { $0.pupils.map(\.id) } }
    guard ids(fresh) != ids(list) || fresh.school.classes(in: fresh.year) != list.school.classes(in: list.year) else {
      return
    }
    list = fresh
    redraw()
    UI.present(window)
  }

  private func redraw() {
    UI.removeAllChildren(content)
    UI.append(
      content,
      UI.wrapped(
        list.count == 0 ? "Every pupil at \(list.school.name) is in a class for \(list.year)." : list.summary,
        classes: ["heading"]))
    for group in list.groups {
      let head = UI.box(false, spacing: 8)
      let title = UI.label("\(group.yearGroup.label): \(plural(group.pupils.count, "pupil"))", classes: ["title-4"])
      UI.expand(title, h: true)
      let all = UI.menuButton(
        "Place all in…", name: "Place all of \(group.yearGroup.label) in",
        items: { [weak self] in self?.choices(group.yearGroup, group.pupils) ?? [] })
      UI.append(head, title, all)
      UI.append(content, head)
      for p in group.pupils {
        let row = UI.box(false, spacing: 8, classes: ["settings-row"])
        let name = UI.label(p.fullName)
        UI.expand(name, h: true)
        let menu = UI.menuButton(
          "Place in…", name: "Place \(p.fullName) in",
          items: { [weak self] in self?.choices(group.yearGroup, [p]) ?? [] })
        UI.append(row, name, menu)
        UI.append(content, row)
      }
    }
  }

  /// The year's classes, each placing `pupils` in it.
  private func choices(_ group: YearGroup, _ pupils: [Pupil]) -> [MenuItem] {
    let who = pupils.count == 1 ? pupils[0].fullName : "all of \(group.label)"
    let classes = list.classes(for: group)
    if classes.isEmpty {
      return [MenuItem("No classes in \(list.year): add them in Trust settings", name: "No classes") {}]
    }
    return classes.map { c in
      MenuItem(UnplacedList.label(c), name: "Place \(who) in \(c.name)") { [weak self] in self?.place(pupils, in: c) }
    }
  }

  /// Places each pupil with TrustSetup.movePupil; a note for a class of another year group.
  private func place(_ pupils: [Pupil], in c: SchoolClass) {
    var notes: [String] = []
    var done = 0
    do {
      for p in pupils {
        if let note = try context.setup.movePupil(p.id, to: c.id, year: list.year) { notes.append(note) }
        list.remove(p.id)
        done += 1
      }
    } catch {
      UI.setClass(status, "error", true)
      UI.setText(status, TrustSettingsView.oneLine(error))
    }
    redraw()
    guard done > 0 else { return }
    let who = done == 1 ? pupils[0].fullName : plural(done, "pupil")
    let said =
      "Placed \(who) in \(c.name)"
      + (notes.isEmpty ? "" : " (\(notes[0])\(notes.count > 1 ? " and \(notes.count - 1) more" : ""))")
    if done == pupils.count {
      UI.setClass(status, "error", false)
      UI.setText(status, said)
    }
    placed(said)
  }
}
