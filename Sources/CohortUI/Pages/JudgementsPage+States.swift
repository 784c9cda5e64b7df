import CohortCore

/// The Judgements page where there is no grid to type in (above class level, a class with no
/// pupils or subjects), and the "Class complete" bar when every cell is entered.
extension JudgementsPage {
  /// Above class level: the classes in scope, one button each, to go straight to a grid.
  func showAboveClass(_ scope: Scope) {
    // A large trust's classes are in the sidebar (ninety schools of buttons would not help).
    guard scope.schoolID != nil || host.context.schools.count <= 3 else {
      return UI.append(
        content,
        Adw.statusPage(
          icon: "view-grid-symbolic", title: "Choose a class",
          description: "Choose a school and a class in the sidebar (F9) to enter judgements."))
    }
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
    let box = UI.box(true, spacing: 10, classes: ["class-chooser"])
    for school in schools {
      let row = UI.flow()
      for c in school.classes(in: scope.year) where yearGroup.map({ c.yearGroups.contains($0) }) ?? true {
        UI.flowAppend(
          row,
          UI.button(c.name, name: "Open \(c.name), \(school.name)") { [weak self] in
            self?.host.navigate(to: .schoolClass(school: school.id, classID: c.id))
          })
      }
      UI.append(box, UI.label(school.name, classes: ["heading"], xalign: 0.5), row)
    }
    let page = Adw.statusPage(
      icon: "view-grid-symbolic", title: "Choose a class", description: "Choose a class to enter judgements.",
      buttons: [box])
    UI.append(content, UI.vscrolled(page))
  }

  func showEmpty(_ s: ClassSession, _ model: GridModel) {
    let (title, text) =
      model.rowCount == 0
      ? (
        "No pupils in \(s.schoolClass.name) yet",
        "Place pupils in it from those not in a class (the bar above shows them), or import a CTF from your MIS."
      )
      : (
        "No subject is judged in \(s.schoolClass.yearGroupsLabel)",
        "Choose the subjects' year groups in Trust settings."
      )
    UI.append(content, Adw.statusPage(icon: "view-grid-symbolic", title: title, description: text))
  }

  /// Every cell entered: the bar says so and offers the next class (Ctrl+Page Down).
  func showCompleteness() {
    guard let model = grid?.model, model.isComplete, let scope = host.scope as Scope?,
      case .schoolClass(let s, let c) = scope.level
    else {
      completeShown = nil
      return UI.setVisible(complete, false)
    }
    let classes = host.context.school(s)?.classes(in: scope.year) ?? []
    let next = classes.firstIndex { $0.id == c }.flatMap { classes.indices.contains($0 + 1) ? classes[$0 + 1] : nil }
    let words =
      "Class complete: every judgement for \(scope.halfTerm.label) is entered, \(plural(model.rowCount, "pupil")) "
      + "in \(plural(model.columnCount, "subject"))."
    // Every code changed in a complete class asks again: the bar is built once, not per key.
    guard completeShown != words + (next?.id ?? "") else { return }
    completeShown = words + (next?.id ?? "")
    UI.removeAllChildren(complete)
    let text = UI.label(words)
    UI.wrap(text)
    UI.expand(text, h: true)
    UI.setAccessibleName(text, "Class complete")
    UI.append(complete, UI.icon("emblem-ok-symbolic"), text)
    if let next {
      let open = UI.button("Open \(next.name)", name: "Open the next class, \(next.name)") {
        [weak self] in self?.host.navigate(to: .schoolClass(school: s, classID: next.id))
      }
      UI.tooltip(open, "Ctrl+Page Down")
      UI.append(complete, open)
    }
    UI.setVisible(complete, true)
  }
}
