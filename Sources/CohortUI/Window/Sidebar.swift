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
  /// The schools and the year shown, for the rows made when a school is first opened.
  private var schools: [String: School] = [:]
  private var year = AcademicYear(startYear: 2000)
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
    (items, order, children, schoolLabels, schools) = ([:], [], [:], [:], [:])
    self.year = year
    if let school = selectedSchool(selected) { expanded.insert(school) }
    add(context.trust.name, name: "Trust: \(context.trust.name)", level: .trust, depth: 0, classes: ["trust"])
    for school in context.schools {
      let (schoolRow, label) = addRow("", name: "School: \(school.name)", level: .school(school.id), depth: 1)
      UI.addClasses(label, ["school"])
      _ = schoolRow
      schoolLabels[school.id] = (label, school.name)
      schools[school.id] = school
      // A school's year groups and classes are made when it is first opened: a large trust's
      // two thousand rows made at once were a fifth of the launch.
      if expanded.contains(school.id) { children[school.id] = rows(for: school, year: year, at: nil) }
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

  /// A school's rows, appended (`at` nil) or from position `at` on.
  private func rows(for school: School, year: AcademicYear, at start: Int?) -> [Widget] {
    var at = start
    func add(_ text: String, _ name: String, _ level: Scope.Level, _ depth: Int, _ classes: [String]) -> Widget {
      defer { at = at.map { $0 + 1 } }
      return self.add(text, name: name, level: level, depth: depth, classes: classes, at: at)
    }
    let classes = school.classes(in: year)
    guard !classes.isEmpty else {
      return [add("No classes in \(year)", "No classes in \(year)", .school(school.id), 2, ["dim-label"])]
    }
    var rows: [Widget] = []
    for group in Array(Set(classes.flatMap(\.yearGroups))).sorted() {
      rows.append(
        add(
          group.label, "Year group: \(group.label), \(school.name)", .yearGroup(school: school.id, group), 2,
          ["year-group"]))
      for c in classes where c.yearGroups.contains(group) {
        let text = c.name + (c.teacher.map { " · \($0)" } ?? "")
        rows.append(
          add(text, "Class: \(c.name), \(school.name)", .schoolClass(school: school.id, classID: c.id), 3, ["class"]))
      }
    }
    return rows
  }

  @discardableResult
  private func add(
    _ text: String, name: String, level: Scope.Level, depth: Int, classes: [String], at: Int? = nil
  ) -> Widget {
    let (row, label) = addRow(text, name: name, level: level, depth: depth, at: at)
    UI.addClasses(label, classes)
    return row
  }

  private func addRow(_ text: String, name: String, level: Scope.Level, depth: Int, at: Int? = nil) -> (Widget, Widget)
  {
    let label = UI.label(text)
    UI.indent(label, Int32(depth * 14))
    UI.ellipsize(label)
    UI.tooltip(label, name)
    let row = UI.addRow(list, label, name: name, at: at)
    items[row] = level
    if let at { order.insert(row, at: at) } else { order.append(row) }
    return (row, label)
  }

  private func toggle(_ school: String) {
    if expanded.contains(school) { expanded.remove(school) } else { expanded.insert(school) }
    makeRows(school)
    showExpanded(school)
  }

  /// A school's year groups and classes, under its row, the first time they are wanted.
  private func makeRows(_ school: String) {
    guard children[school] == nil, let s = schools[school],
      let at = order.firstIndex(where: { items[$0] == .school(school) })
    else { return }
    children[school] = rows(for: s, year: year, at: at + 1)
    showExpanded(school)
  }

  private func showExpanded(_ school: String) {
    let open = expanded.contains(school)
    for r in children[school] ?? [] { UI.setVisible(r, open) }
    if let (label, name) = schoolLabels[school] { UI.setText(label, (open ? "▾ " : "▸ ") + name) }
  }

  /// The first row for the level (a mixed-age class's, under its youngest year group).
  func select(_ level: Scope.Level) {
    if let school = selectedSchool(level) { makeRows(school) }
    if let row = order.first(where: { items[$0] == level }) { UI.selectRow(list, row) }
  }

  private func selectedSchool(_ level: Scope.Level) -> String? {
    switch level {
    case .trust: nil
    case .school(let s), .yearGroup(let s, _), .schoolClass(let s, _): s
    }
  }
}
