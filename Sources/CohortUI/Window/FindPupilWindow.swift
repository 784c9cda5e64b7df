import CohortCore
import Foundation

/// Ctrl+F: find a pupil by name across the schools on this device and open their class.
@MainActor
final class FindPupilWindow {
  let window: Widget
  private let entry: Widget
  private let list = UI.list(name: "Pupils found")
  private let note = UI.label("Reading the class lists…", classes: ["dim-label"])
  private var finder: PupilFinder?
  private let school: String?
  private let chosen: @MainActor (PupilFinder.Hit) -> Void
  private(set) var isOpen = true

  init(
    parent: Widget, context: AppContext, year: AcademicYear, school: String?,
    chosen: @escaping @MainActor (PupilFinder.Hit) -> Void
  ) {
    self.school = school
    self.chosen = chosen
    window = UI.window(title: "Find a pupil", parent: parent, width: 520, height: 480, modal: true)
    entry = UI.entry(name: "Pupil's name", placeholder: "Name or UPN")
    UI.closesOnEscape(window)
    let box = UI.box(true, spacing: 8)
    UI.margins(box, 12)
    UI.setAccessibleName(note, "Find a pupil message")
    UI.append(box, entry, note, UI.vscrolled(list))
    UI.setChild(window, box)
    Signal.onPointer(entry, "notify::text") { [weak self] _ in self?.update() }
    Signal.on(entry, "activate") { [weak self] in self?.pickFirst() }
    Signal.on(window, "destroy") { [weak self] in self?.isOpen = false }
    UI.present(window)
    UI.focus(entry)
    let (folder, schools) = (context.folder, context.schools)
    MainLoop.background(
      { PupilFinder.build(folder: folder, schools: schools, year: year) },
      then: { [weak self] built in
        self?.finder = try? built.get()
        self?.update()
      })
  }

  func present() {
    UI.present(window)
    UI.focus(entry)
  }

  private var shown: [PupilFinder.Hit] = []

  private func update() {
    guard let finder else { return }
    let typed = UI.text(of: entry)
    shown = finder.matches(typed, preferring: school)
    UI.removeAllChildren(list)
    for hit in shown {
      let b = UI.button(hit.text, name: "Open \(hit.text)") { [weak self] in self?.pick(hit) }
      UI.flat(b)
      UI.listAppend(list, b)
    }
    let n = finder.hits.count
    UI.setText(
      note,
      typed.trimmingCharacters(in: .whitespaces).isEmpty
        ? "Type a name: \(plural(n, "pupil")) in classes this year."
        : shown.isEmpty ? "No pupil in a class this year is called that." : "Enter opens the first.")
  }

  private func pickFirst() { shown.first.map(pick) }

  private func pick(_ hit: PupilFinder.Hit) {
    chosen(hit)
    UI.close(window)
  }
}
