import CGtk
import CohortCore
import CohortStore

/// The tree Trust > School > Year group > Class as a list of indented rows (GTK 4.8 gives
/// list rows accessible objects; a tree view's rows it does not). Activating a school shows or
/// hides its year groups and classes.
@MainActor
final class Sidebar {
  let widget: Widget
  private let list: Widget
  private var items: [Widget: Scope.Level] = [:]
  private var children: [String: [Widget]] = [:]
  private var expanded = Set<String>()
  private var schoolLabels: [String: (Widget, String)] = [:]
  var onSelect: (Scope.Level) -> Void = { _ in }
  /// Narrower on a small screen, so that the grid keeps its room.
  static var width: Int32 { UI.screen.width > 0 && UI.screen.width < 1200 ? 210 : 270 }

  init() {
    list = gtk_list_box_new()!
    UI.addClasses(list, ["sidebar", "navigation-sidebar"])
    UI.setAccessibleName(list, "Trust, schools and classes")
    gtk_list_box_set_selection_mode(cg_list_box(list), GTK_SELECTION_SINGLE)
    widget = UI.scrolled(list)
    gtk_widget_set_size_request(widget, Self.width, -1)
    Signal.onPointer(list, "row-activated") { [weak self] row in
      guard let self, let row, let level = self.items[row.assumingMemoryBound(to: GtkWidget.self)] else { return }
      if case .school(let id) = level { self.toggle(id) }
      self.onSelect(level)
    }
  }

  /// Rebuilds the rows for a year's classes, keeping which schools are open.
  func load(_ context: AppContext, year: AcademicYear, selected: Scope.Level) {
    UI.removeAllChildren(list)
    items = [:]
    children = [:]
    schoolLabels = [:]
    if let school = selectedSchool(selected) { expanded.insert(school) }
    add(context.trust.name, name: "Trust: \(context.trust.name)", level: .trust, depth: 0, classes: ["trust"])
    for school in context.schools {
      let schoolRow = add("", name: "School: \(school.name)", level: .school(school.id), depth: 1, classes: ["school"])
      if let label = gtk_list_box_row_get_child(cg_list_box_row(schoolRow)) {
        schoolLabels[school.id] = (label, school.name)
      }
      var rows: [Widget] = []
      let classes = school.classes(in: year)
      let groups = Array(Set(classes.compactMap { $0.yearGroups.min() })).sorted()
      for group in groups {
        rows.append(
          add(
            group.label, name: "Year group: \(group.label), \(school.name)",
            level: .yearGroup(school: school.id, group), depth: 2, classes: ["year-group"]))
        for c in classes where c.yearGroups.min() == group {
          let text = c.name + (c.teacher.map { " · \($0)" } ?? "")
          rows.append(
            add(
              text, name: "Class: \(c.name), \(school.name)", level: .schoolClass(school: school.id, classID: c.id),
              depth: 3, classes: ["class"]))
        }
      }
      if classes.isEmpty {
        rows.append(
          add(
            "No classes in \(year)", name: "No classes in \(year)", level: .school(school.id), depth: 2,
            classes: ["dim-label"]))
      }
      children[school.id] = rows
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

  @discardableResult
  private func add(_ text: String, name: String, level: Scope.Level, depth: Int, classes: [String]) -> Widget {
    let label = UI.label(text, classes: classes)
    gtk_widget_set_margin_start(label, Int32(depth * 16))
    gtk_label_set_ellipsize(cg_label(label), PANGO_ELLIPSIZE_END)
    gtk_widget_set_tooltip_text(label, name)
    let row = gtk_list_box_row_new()!
    gtk_list_box_row_set_child(cg_list_box_row(row), label)
    UI.setAccessibleName(row, name)
    gtk_list_box_append(cg_list_box(list), row)
    items[row] = level
    return row
  }

  private func toggle(_ school: String) {
    if expanded.contains(school) { expanded.remove(school) } else { expanded.insert(school) }
    showExpanded(school)
  }

  private func showExpanded(_ school: String) {
    let open = expanded.contains(school)
    for r in children[school] ?? [] { gtk_widget_set_visible(r, open ? 1 : 0) }
    if let (label, name) = schoolLabels[school] { UI.setText(label, (open ? "▾ " : "▸ ") + name) }
  }

  func select(_ level: Scope.Level) {
    if let (row, _) = items.first(where: { $0.value == level }) {
      gtk_list_box_select_row(cg_list_box(list), cg_list_box_row(row))
    }
  }

  private func selectedSchool(_ level: Scope.Level) -> String? {
    switch level {
    case .trust: nil
    case .school(let s), .yearGroup(let s, _), .schoolClass(let s, _): s
    }
  }
}
