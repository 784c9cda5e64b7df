import CGtk
import CohortCore
import CohortStore

/// Subjects judged each half-term: renamed in place, their year groups ticked (all ticked: every
/// year group), retired (kept in history, out of the grids) or brought back; new ones added.
@MainActor
final class SubjectsSection: SettingsSection {
  let widget: Widget
  private unowned let host: SettingsHost
  private let grid = UI.grid()

  init(host: SettingsHost) {
    self.host = host
    widget = SettingsUI.page(
      "The subjects teachers judge each half-term, and the year groups they are judged in. A retired subject leaves "
        + "the grids; what was entered for it stays in every pupil's history.", grid)
    redraw()
  }

  func redraw() {
    UI.removeAllChildren(grid)
    SettingsUI.headings(grid, ["Subject", "Year groups", ""])
    var row: Int32 = 1
    for s in host.context.trust.subjects {
      subjectRow(s, row)
      row += 1
    }
    let name = UI.field("", name: "New subject's name", chars: 20, placeholder: "A new subject, e.g. Science")
    let groups = YearGroupChecks(owner: "new subject", selected: YearGroup.primary)
    let add = UI.button("Add subject") { [weak self] in self?.add(UI.text(of: name), groups.selected) }
    Signal.on(name, "activate") { [weak self] in self?.add(UI.text(of: name), groups.selected) }
    for (i, w) in [name, groups.widget, add].enumerated() { UI.attach(grid, w, column: Int32(i), row: row) }
  }

  private func subjectRow(_ s: Subject, _ row: Int32) {
    let context = host.context
    let name = UI.field(s.name, name: "Name of subject \(s.name)", chars: 20)
    UI.onCommit(name) { [weak self] in
      let typed = UI.text(of: name).trimmingCharacters(in: .whitespaces)
      guard let self, typed != s.name else { return }
      let ok = self.host.change(redraw: false) {
        try context.setup.edit { t, now in
          try t.updateSubject(s.id, name: typed, yearGroups: nil, retired: nil, at: now)
        }
        return "Renamed \(s.name) \(typed)"
      }
      if !ok { UI.setEntryText(name, s.name) }
    }
    let groups = YearGroupChecks(owner: s.name, selected: s.yearGroups ?? YearGroup.primary)
    groups.changed = { [weak self] chosen in
      let ok = self?.host.change(redraw: false) {
        if chosen.isEmpty { throw InputError("\(s.name) needs at least one year group: retire it to stop judging it") }
        let all = Set(chosen) == Set(YearGroup.primary)
        try context.setup.edit { t, now in
          try t.updateSubject(s.id, name: nil, yearGroups: all ? [] : chosen, retired: nil, at: now)
        }
        return all
          ? "\(s.name) is judged in every year group"
          : "\(s.name) is judged in \(chosen.map(\.shortLabel).joined(separator: ", "))"
      }
      if ok == false { groups.set((try? context.trust.subject(s.id))?.yearGroups ?? YearGroup.primary) }
    }
    let toggle = UI.button(
      s.retired ? "Bring back" : "Retire", name: "\(s.retired ? "Bring back" : "Retire") \(s.name)"
    ) {
      [weak self] in
      self?.host.change(redraw: true) {
        try context.setup.edit { t, now in
          try t.updateSubject(s.id, name: nil, yearGroups: nil, retired: !s.retired, at: now)
        }
        return s.retired ? "\(s.name) is judged again" : "Retired \(s.name): its judgements stay in history"
      }
    }
    if s.retired {
      UI.addClasses(name, ["retired"])
      UI.addClasses(groups.widget, ["retired"])
    }
    for (i, w) in [name, groups.widget, toggle].enumerated() { UI.attach(grid, w, column: Int32(i), row: row) }
  }

  private func add(_ name: String, _ groups: [YearGroup]) {
    host.change(redraw: true) {
      if groups.isEmpty { throw InputError("Tick the year groups the subject is judged in") }
      let all = Set(groups) == Set(YearGroup.primary)
      try host.context.setup.edit { t, now in
        try t.addSubject(id: nil, name: name, yearGroups: all ? nil : groups, at: now)
      }
      return "Added \(name.trimmingCharacters(in: .whitespaces))"
    }
  }
}
