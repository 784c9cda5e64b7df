import CohortCore
import CohortStore

/// The tree Trust > School > Year group > Class as a list of indented rows (GTK 4.8 gives
/// list rows accessible objects; a tree view's rows it does not). Activating a school shows or
/// hides its year groups and classes. A mixed-age class is listed under each of its year groups.
@MainActor
final class Sidebar {
  let widget: Widget
  private let list = UI.selectableList(name: "Trust, schools and classes", classes: ["sidebar", "navigation-sidebar"])
  private var items: [Widget: Scope.Level] = [:]
  private var order: [Widget] = []
  private var children: [String: [Widget]] = [:]
  private var expanded = Set<String>()
  private var schoolLabels: [String: (Widget, String)] = [:]
  var onSelect: (Scope.Level) -> Void = { _ in }
  /// Narrower on a small screen, so that the grid keeps its room; wider on a large one, so that
  /// a school's whole name shows ("St Mary's C of E Primary School").
  static var width: Int32 {
    let screen = UI.screen.width
    return screen > 0 && screen < 1200 ? 210 : screen >= 1800 ? 320 : 260
  }

  init() {
    widget = UI.vscrolled(list)
    UI.expand(widget, h: false)
    UI.size(widget, width: Self.width, height: -1)
    UI.onRowActivated(list) { [weak self] row in
      guard let self, let level = self.items[row] else { return }
      if case .school(let id) = level { self.toggle(id) }
      self.onSelect(level)
    }
  }

  /// Rebuilds the rows for a year's classes, keeping which schools are open.
  func load(_ context: AppContext, year: AcademicYear, selected: Scope.Level) {
    UI.removeAllChildren(list)
    (items, order, children, schoolLabels) = ([:], [], [:], [:])
    if let school = selectedSchool(selected) { expanded.insert(school) }
    add(context.trust.name, name: "Trust: \(context.trust.name)", level: .trust, depth: 0, classes: ["trust"])
    for school in context.schools {
      let (schoolRow, label) = addRow("", name: "School: \(school.name)", level: .school(school.id), depth: 1)
      UI.addClasses(label, ["school"])
      _ = schoolRow
      schoolLabels[school.id] = (label, school.name)
      children[school.id] = rows(for: school, year: year)
      showExpanded(school.id)
    }
    // A laptop may hold some of the trust's schools: the others are named, not hidden.
    for school in context.folder.absentSchools(of: context.trust) {
      add(
        "\(school.displayShortName): not on this device", name: "\(school.name): not on this device", level: .trust,
        depth: 1, classes: ["dim-label"])
    }
    select(selected)
  }

  private func rows(for school: School, year: AcademicYear) -> [Widget] {
    let classes = school.classes(in: year)
    guard !classes.isEmpty else {
      return [
        add(
          "No classes in \(year)", name: "No classes in \(year)", level: .school(school.id), depth: 2,
          classes: ["dim-label"])
      ]
    }
    var rows: [Widget] = []
    for group in Array(Set(classes.flatMap(\.yearGroups))).sorted() {
      rows.append(
        add(
          group.label, name: "Year group: \(group.label), \(school.name)", level: .yearGroup(school: school.id, group),
          depth: 2, classes: ["year-group"]))
      for c in classes where c.yearGroups.contains(group) {
        let text = c.name + (c.teacher.map { " · \($0)" } ?? "")
        rows.append(
          add(
            text, name: "Class: \(c.name), \(school.name)", level: .schoolClass(school: school.id, classID: c.id),
            depth: 3, classes: ["class"]))
      }
    }
    return rows
  }

  @discardableResult
  private func add(_ text: String, name: String, level: Scope.Level, depth: Int, classes: [String]) -> Widget {
    let (row, label) = addRow(text, name: name, level: level, depth: depth)
    UI.addClasses(label, classes)
    return row
  }

  private func addRow(_ text: String, name: String, level: Scope.Level, depth: Int) -> (Widget, Widget) {
    let label = UI.label(text)
    UI.indent(label, Int32(depth * 14))
    UI.ellipsize(label)
    UI.tooltip(label, name)
    let row = UI.addRow(list, label, name: name)
    items[row] = level
    order.append(row)
    return (row, label)
  }

  private func toggle(_ school: String) {
    if expanded.contains(school) { expanded.remove(school) } else { expanded.insert(school) }
    showExpanded(school)
  }

  private func showExpanded(_ school: String) {
    let open = expanded.contains(school)
    for r in children[school] ?? [] { UI.setVisible(r, open) }
    if let (label, name) = schoolLabels[school] { UI.setText(label, (open ? "▾ " : "▸ ") + name) }
  }

  /// The first row for the level (a mixed-age class's, under its youngest year group).
  func select(_ level: Scope.Level) {
    if let row = order.first(where: { items[$0] == level }) { UI.selectRow(list, row) }
  }

  private func selectedSchool(_ level: Scope.Level) -> String? {
    switch level {
    case .trust: nil
    case .school(let s), .yearGroup(let s, _), .schoolClass(let s, _): s
    }
  }
}
