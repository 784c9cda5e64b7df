import CGtk
import CohortCore
import CohortStore

/// Classes of a school in an academic year: name, year groups (two for a mixed-age class) and
/// teachers from the staff, edited in place; a new class at the foot; an empty one removed.
@MainActor
final class ClassesSection: SettingsSection {
  let widget: Widget
  private unowned let host: SettingsHost
  private var schoolID: String?
  private let pickers = UI.box(false, spacing: 8)
  private let grid = UI.grid()
  /// The new class's teachers, chosen before it is added.
  private var newTeachers: [String] = []

  init(host: SettingsHost, school: String?) {
    self.host = host
    schoolID = school
    widget = SettingsUI.page(
      "A school's classes in one academic year. Tick two year groups for a mixed-age class (like Y3/4). A class can "
        + "be removed while no pupil is in it and nothing is entered for it.", pickers, grid)
    redraw()
  }

  private var school: School? {
    let schools = host.context.schools
    return schools.first { $0.id == schoolID } ?? schools.first
  }

  func redraw() {
    UI.removeAllChildren(pickers)
    UI.removeAllChildren(grid)
    guard let school else {
      UI.append(pickers, UI.label("Add a school first (under Schools), or import a CTF.", classes: ["dim-label"]))
      return
    }
    schoolID = school.id
    let schools = host.context.schools
    let schoolPicker = UI.dropDown(
      schools.map(\.name), name: "School", selected: schools.firstIndex { $0.id == school.id } ?? 0
    ) { [weak self] i in
      self?.schoolID = schools[i].id
      MainLoop.after(0) { self?.redraw() }
    }
    let years = host.years
    let yearPicker = UI.dropDown(
      years.map(\.description), name: "Academic year", selected: years.firstIndex(of: host.year) ?? 0
    ) { [weak self] i in MainLoop.after(0) { self?.host.setYear(years[i]) } }
    UI.append(pickers, UI.label("School"), schoolPicker, UI.label("Year"), yearPicker)
    if school.isReadOnly(host.year) {
      UI.append(
        pickers, UI.label("\(host.year) is closed (read-only since the new year began)", classes: ["dim-label"]))
    }
    SettingsUI.headings(grid, ["Class", "Year groups", "Teachers", ""])
    var row: Int32 = 1
    for c in school.classes(in: host.year) {
      classRow(c, row)
      row += 1
    }
    addRow(row, school)
  }

  private func classRow(_ c: SchoolClass, _ row: Int32) {
    let setup = host.context.setup
    let year = host.year
    let name = UI.field(c.name, name: "Name of class \(c.name)", chars: 18)
    UI.onCommit(name) { [weak self] in
      let typed = UI.text(of: name).trimmingCharacters(in: .whitespaces)
      guard let self, typed != c.name else { return }
      let renamed = self.host.change(redraw: true) {
        try setup.editClass(c.id, year: year, name: typed)
        return "Renamed \(c.name) \(typed)"
      }
      if !renamed { UI.setEntryText(name, c.name) }
    }
    let groups = YearGroupChecks(owner: c.name, selected: c.yearGroups)
    groups.changed = { [weak self] chosen in
      let ok = self?.host.change(redraw: false) {
        try setup.editClass(c.id, year: year, yearGroups: chosen)
        return "\(c.name) is for \(SchoolClass(id: c.id, name: c.name, yearGroups: chosen).yearGroupsLabel)"
      }
      if ok == false { groups.set(c.yearGroups) }
    }
    let teachers = SettingsUI.pickMenu(
      SettingsUI.brief(c.teachers, none: "Choose…"), name: "Teachers of \(c.name)",
      all: { [weak self] in self?.staff ?? [] },
      chosen: { c.teachers },
      toggle: { [weak self] who in
        let list = c.teachers.contains(who) ? c.teachers.filter { $0 != who } : c.teachers + [who]
        self?.host.change(redraw: true) {
          try setup.editClass(c.id, year: year, teachers: list)
          return "\(c.name)'s teachers: \(SettingsUI.names(list, none: "none"))"
        }
      })
    let remove = UI.button("Remove", name: "Remove \(c.name)") { [weak self] in
      self?.host.change(redraw: true) {
        try setup.removeClass(c.id, year: year)
        return "Removed \(c.name) from \(year)"
      }
    }
    for (i, w) in [name, groups.widget, teachers, remove].enumerated() {
      UI.attach(grid, w, column: Int32(i), row: row)
    }
  }

  /// The staff who may teach at the school (trust-wide staff too).
  private var staff: [String] {
    host.context.trust.staff.filter { $0.works(at: schoolID ?? "") }.map(\.name)
  }

  private func addRow(_ row: Int32, _ school: School) {
    let name = UI.field("", name: "New class's name", chars: 18, placeholder: "A new class, e.g. Willow")
    let groups = YearGroupChecks(owner: "new class", selected: [])
    let teachers = SettingsUI.pickMenu(
      SettingsUI.brief(newTeachers, none: "Choose…"), name: "New class's teachers",
      all: { [weak self] in self?.staff ?? [] }, chosen: { [weak self] in self?.newTeachers ?? [] },
      toggle: { [weak self] who in
        guard let self, let button = self.newTeachersButton else { return }
        self.newTeachers =
          self.newTeachers.contains(who) ? self.newTeachers.filter { $0 != who } : self.newTeachers + [who]
        UI.setMenuLabel(button, SettingsUI.brief(self.newTeachers, none: "Choose…"))
      })
    newTeachersButton = teachers
    let add = UI.button("Add class") { [weak self] in self?.add(name, groups, school) }
    Signal.on(name, "activate") { [weak self] in self?.add(name, groups, school) }
    for (i, w) in [name, groups.widget, teachers, add].enumerated() { UI.attach(grid, w, column: Int32(i), row: row) }
  }

  private var newTeachersButton: Widget?

  private func add(_ name: Widget, _ groups: YearGroupChecks, _ school: School) {
    let (typed, chosen, teachers, year) = (UI.text(of: name), groups.selected, newTeachers, host.year)
    let setup = host.context.setup
    host.change(redraw: true) {
      if chosen.isEmpty { throw InputError("Tick the class's year group (two for a mixed-age class)") }
      let c = try setup.addClass(school: school.id, year: year, name: typed, yearGroups: chosen, teachers: teachers)
      newTeachers = []
      return "Added \(c.name) (\(c.yearGroupsLabel)) at \(school.name) for \(year)"
    }
  }
}
