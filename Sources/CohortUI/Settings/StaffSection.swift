import CGtk
import CohortCore
import CohortStore

/// Staff: the people named as class teachers, action owners and meeting attendees, with their
/// role and schools (none ticked: every school).
@MainActor
final class StaffSection: SettingsSection {
  let widget: Widget
  private unowned let host: SettingsHost
  private let form = UI.box(false, spacing: 8)
  private let list = UI.grid(rowSpacing: 4, columnSpacing: 16)
  private var newSchools: [String] = []

  init(host: SettingsHost) {
    self.host = host
    widget = SettingsUI.page(
      "The trust's staff: picked as class teachers, owners of actions and meeting attendees, and as the person at a "
        + "laptop. Someone who works in every school needs no school ticked.", form, list)
    redraw()
  }

  func redraw() {
    UI.removeAllChildren(form)
    UI.removeAllChildren(list)
    let name = UI.field("", name: "New member of staff's name", chars: 22, placeholder: "Name, e.g. Ms A Patel")
    let roles = StaffRole.allCases
    let role = UI.dropDown(roles.map(\.label), name: "Role", selected: 0) { _ in }
    let schools = host.context.trust.schools
    let label = { (ids: [String]) in
      ids.isEmpty
        ? "Every school" : SettingsUI.brief(ids.compactMap { id in schools.first { $0.id == id }?.name }, none: "")
    }
    var picker: Widget?
    picker = SettingsUI.pickMenu(
      label(newSchools), name: "New member of staff's schools", all: { schools.map(\.name) },
      chosen: { [weak self] in (self?.newSchools ?? []).compactMap { id in schools.first { $0.id == id }?.name } },
      toggle: { [weak self] picked in
        guard let self, let id = schools.first(where: { $0.name == picked })?.id else { return }
        self.newSchools = self.newSchools.contains(id) ? self.newSchools.filter { $0 != id } : self.newSchools + [id]
        if let picker { UI.setMenuLabel(picker, label(self.newSchools)) }
      })
    let add = UI.button("Add to the staff") { [weak self] in
      self?.add(UI.text(of: name), role: roles[UI.selected(role)])
    }
    Signal.on(name, "activate") { [weak self] in self?.add(UI.text(of: name), role: roles[UI.selected(role)]) }
    UI.append(form, name, role, picker!, add)
    rows(schools)
  }

  private let parts = InParts()

  private func rows(_ schools: [SchoolRef]) {
    let staff = host.context.trust.staff.sorted { $0.name.lowercased() < $1.name.lowercased() }
    if staff.isEmpty {
      UI.attach(list, UI.label("No one on the staff yet.", classes: ["dim-label"]), column: 0, row: 0)
    }
    let names = Dictionary(schools.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    // Twenty-five people a part: a trust's hundreds of staff at once held the window for a
    // fifth of a second as the page opened.
    parts.start(staff.count, per: 25) { [weak self] r in for i in r { self?.row(staff[i], Int32(i), names: names) } }
  }

  private func row(_ m: StaffMember, _ i: Int32, names: [String: String]) {
    let at = m.schools.isEmpty ? "Every school" : SettingsUI.brief(m.schools.map { names[$0] ?? $0 }, none: "")
    let remove = UI.button("Remove", name: "Remove \(m.name)") { [weak self] in
      self?.host.change(redraw: true) {
        try self?.host.context.setup.removeStaff(m.id)
        return "Removed \(m.name) from the staff"
      }
    }
    for (c, w) in [UI.label(m.name, classes: ["heading"]), UI.label(m.role.label), UI.label(at), remove].enumerated() {
      UI.attach(list, w, column: Int32(c), row: i)
    }
  }

  private func add(_ name: String, role: StaffRole) {
    let schools = newSchools
    host.change(redraw: true) {
      let m = try host.context.setup.addStaff(name: name, role: role, schools: schools)
      newSchools = []
      return "Added \(m.name) to the staff (\(m.role.label.lowercased()))"
    }
  }
}
