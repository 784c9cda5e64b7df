import CohortCore

/// The window's keys: pages, the sidebar, finding a pupil, another folder, half-terms and
/// classes. Each is a named action with its accelerator, listed in the shortcuts window.
extension MainWindow {
  func addActions() {
    let w = UnsafeMutableRawPointer(window)
    for (i, id) in pageIDs.enumerated() where i < 9 {
      Actions.add(to: w, app: app, "page-\(i + 1)", accels: ["<Control>\(i + 1)"]) { [weak self] in
        guard let self else { return }
        self.closeSettings()
        Adw.showView(self.stack, id)
      }
    }
    Actions.add(to: w, app: app, "toggle-sidebar", accels: ["F9"]) { [weak self] in
      guard let self, let flap = self.flap else { return }
      Adw.reveal(flap, !Adw.isRevealed(flap))
    }
    Actions.add(to: w, app: app, "find-pupil", accels: ["<Control>f"]) { [weak self] in self?.openFind() }
    Actions.add(to: w, app: app, "open-folder", accels: ["<Control>o"]) { [weak self] in self?.chooseDataFolder() }
    for (name, step, accel) in [("next-half-term", 1, "<Alt>Page_Down"), ("previous-half-term", -1, "<Alt>Page_Up")] {
      Actions.add(to: w, app: app, name, accels: [accel]) { [weak self] in
        guard let self, let picker = self.halfPicker else { return }
        let i = self.scope.halfTerm.index + step
        guard HalfTerm.allCases.indices.contains(i) else { return }
        UI.select(picker, i)
      }
    }
    for (name, step, accel) in [("next-class", 1, "<Control>Page_Down"), ("previous-class", -1, "<Control>Page_Up")] {
      Actions.add(to: w, app: app, name, accels: [accel]) { [weak self] in self?.openClass(step) }
    }
  }

  /// The school's classes of the year in sidebar order, for the next-class key.
  func openClass(_ step: Int) {
    guard case .schoolClass(let s, let c) = scope.level, let school = context.school(s) else { return }
    let classes = school.classes(in: scope.year)
    guard let i = classes.firstIndex(where: { $0.id == c }), classes.indices.contains(i + step) else {
      return say(step > 0 ? "That was the school's last class." : "That is the school's first class.")
    }
    navigate(to: .schoolClass(school: s, classID: classes[i + step].id))
  }

  func openFind() {
    if let open = findWindow, open.isOpen { return open.present() }
    findWindow = FindPupilWindow(parent: window, context: context, year: scope.year, school: scope.schoolID) {
      [weak self] hit in
      guard let self else { return }
      self.closeSettings()
      self.navigate(to: .schoolClass(school: hit.school, classID: hit.classID))
      self.select(pupil: hit.pupil.id, school: hit.school)
    }
  }
}
