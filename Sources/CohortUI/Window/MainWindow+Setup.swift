import CohortCore
import CohortStore
import Foundation

/// The window's part in setting a trust up: the Trust settings button, what to do next where
/// there is nothing to show yet, and the bar that lists pupils not in a class.
extension MainWindow {
  /// Trust settings in place of the pages, at `section` (the Schools page by default).
  func openSettings(_ section: TrustSettingsSection?) {
    if let open = settings { return open.show(section ?? .schools) }
    let view = TrustSettingsView(
      window: window, context: context, year: scope.year, school: scope.schoolID ?? context.schools.first?.id,
      section: section, toast: { [weak self] said in self?.toast(said, undo: nil) },
      changed: { [weak self] said in self?.reload(saying: said) },
      close: { [weak self] in self?.closeSettings() })
    settings = view
    view.fit(width: width)
    UI.append(settingsSlot, view.widget)
    UI.showPage(root, "settings")
    showTitle()
    view.focus()
  }

  /// Back to the pages as they were; the settings' widgets are let go of a few at a time.
  func closeSettings() {
    guard let view = settings else { return }
    settings = nil
    UI.showPage(root, "main")
    showTitle()
    UI.removeAllChildren(settingsSlot)
    view.focusBefore.restore()
  }

  /// The window's title says what it shows (screen readers and the window list read it).
  func showTitle() {
    UI.setTitle(window, (settings == nil ? "Cohort: " : "Trust settings: ") + context.trust.name)
  }

  /// The pages, or (for a trust not set up that far) what to do next with buttons that do it.
  func showSetupState() {
    let step = NextStep.of(trust: context.trust, schools: context.schools, scope: scope) { [context] id in
      ((try? context.roster(id))?.pupils.isEmpty ?? true) == false
    }
    UI.removeAllChildren(nextStep)
    guard let step else {
      UI.showPage(body, "pages")
      refreshUnplaced()
      return
    }
    UI.setVisible(banner, false)
    UI.align(nextStep, v: .center)
    let title = UI.label(step.title, classes: ["title-1"], xalign: 0.5)
    let detail = UI.wrapped(step.detail, classes: ["dim-label"])
    UI.centre(detail)
    UI.minWidth(detail, 520)
    UI.align(detail, h: .center)
    let buttons = UI.box(false, spacing: 12)
    UI.align(buttons, h: .center)
    for (i, action) in step.actions.enumerated() {
      let b: Widget
      switch action {
      case .importPupils:
        b = UI.button("Import a CTF…", name: "Import pupils from a CTF") { [weak self] in self?.chooseRosterImport() }
      case .settings(let part):
        b = UI.button("\(part.title) in Trust settings…", name: "Open \(part.title) in Trust settings") {
          [weak self] in self?.openSettings(part)
        }
      }
      if i == 0 { UI.addClasses(b, ["suggested-action"]) }
      UI.append(buttons, b)
    }
    UI.append(nextStep, title, detail, buttons)
    UI.showPage(body, "next-step")
  }

  /// The school in view, or the trust's only school (a new trust starts with one).
  var schoolInView: String? { scope.schoolID ?? (context.schools.count == 1 ? context.schools[0].id : nil) }

  /// Counts the pupils not in a class off the main thread (every class list of the year is read).
  func refreshUnplaced() {
    unplacedAsked += 1
    let asked = unplacedAsked
    guard let id = schoolInView, let school = context.school(id), !school.classes(in: scope.year).isEmpty else {
      unplaced = nil
      return showBanner()
    }
    let (setup, year) = (context.setup, scope.year)
    MainLoop.background(
      { try setup.unplaced(school: id, year: year) },
      then: { [weak self] found in
        guard let self, self.unplacedAsked == asked else { return }
        self.unplaced = UnplacedList(pupils: (try? found.get()) ?? [], school: school, year: year)
        self.showBanner()
        self.unplacedWindow?.update(self.unplaced)
      })
  }

  /// A closed year (after the new one began) says so above every page: it can be looked at only.
  func showClosedBanner() {
    UI.removeAllChildren(closedBanner)
    let closed = context.schools.filter { s in
      s.isReadOnly(scope.year) && (scope.schoolID == nil || scope.schoolID == s.id)
    }
    guard !closed.isEmpty else { return UI.setVisible(closedBanner, false) }
    let at = closed.count == context.schools.count ? "" : " at \(closed.map(\.name).joined(separator: ", "))"
    let text = UI.label(
      "\(scope.year) is closed\(at): it is read-only since the new year began. Judgements and scores can be looked "
        + "at, not changed.")
    UI.wrap(text)
    UI.expand(text, h: true)
    UI.setAccessibleName(closedBanner, "Read-only year")
    UI.append(closedBanner, text)
    if let latest = context.years.last, latest != scope.year {
      UI.append(
        closedBanner,
        UI.button("Go to \(latest)", name: "Go to \(latest)") { [weak self] in self?.showYear(latest) })
    }
    UI.setVisible(closedBanner, true)
  }

  private func showBanner() {
    UI.removeAllChildren(banner)
    guard let list = unplaced, list.count > 0 else { return UI.setVisible(banner, false) }
    let text = UI.label(list.summary)
    UI.expand(text, h: true)
    let place = UI.button("Place them in classes…", name: "Place pupils in classes") { [weak self] in
      self?.openUnplaced()
    }
    UI.append(banner, text, place)
    UI.setVisible(banner, true)
  }

  func openUnplaced() {
    guard let list = unplaced else { return }
    if let open = unplacedWindow { return open.update(list) }
    unplacedWindow = UnplacedWindow(
      parent: window, context: context, list: list,
      placed: { [weak self] said in self?.reload(saying: said) },
      closed: { [weak self] in self?.unplacedWindow = nil })
  }
}
