import CohortCore
import Foundation

/// Trust settings, as a GNOME preferences window: schools, classes, staff, subjects, codes and
/// term dates, a page each. Every change is saved at once through TrustSetup (all or nothing,
/// with a journal line under the person's name); what it did, or why a change was refused
/// (nothing changed), shows in the line under the page (a change done in a toast too).
@MainActor
final class TrustSettingsWindow: SettingsHost {
  let window: Widget
  let context: AppContext
  private(set) var year: AcademicYear
  private var statuses: [Widget] = []
  private var pages: [TrustSettingsSection: Widget] = [:]
  private var sections: [TrustSettingsSection: SettingsSection] = [:]
  /// Where each page's part goes once it is built.
  private var slots: [TrustSettingsSection: Widget] = [:]
  private let school: String?
  private let changed: @MainActor (String) -> Void
  private let closed: @MainActor () -> Void

  init(
    parent: Widget, context: AppContext, year: AcademicYear, school: String?, section: TrustSettingsSection?,
    changed: @escaping @MainActor (String) -> Void, closed: @escaping @MainActor () -> Void
  ) {
    self.context = context
    self.year = year
    self.changed = changed
    self.closed = closed
    self.school = school
    window = Adw.preferencesWindow(
      title: "Trust settings: \(context.trust.name)", parent: parent, width: 1000, height: 660)
    for s in TrustSettingsSection.allCases {
      let slot = UI.box(true, spacing: 0)
      slots[s] = slot
      // Each page has its own message line: a message belongs to the part it came from.
      let line = UI.wrapped("", classes: ["settings-status"])
      UI.setAccessibleName(line, "Settings message")
      statuses.append(line)
      pages[s] = Adw.addPreferencesPage(
        window, id: s.rawValue, title: s.title, icon: Self.icon(s), content: [slot, line])
    }
    Signal.onPointer(window, "notify::visible-page") { [weak self] _ in self?.buildShownPage() }
    show(section ?? .schools)
    Signal.on(window, "destroy") { [weak self] in self?.closed() }
    UI.present(window)
    buildTheRest()
  }

  /// The page on screen is built at once; each other page in a later turn of the main loop,
  /// one at a time: all six at once (ninety schools' rows) held the window for half a second.
  private func buildShownPage() {
    if let shown = Adw.visiblePreferencesPage(window).flatMap(TrustSettingsSection.init) { build(shown) }
  }

  private func buildTheRest() {
    guard let next = TrustSettingsSection.allCases.first(where: { sections[$0] == nil }) else { return }
    MainLoop.afterDrawing { [weak self] in
      self?.build(next)
      self?.buildTheRest()
    }
  }

  private func build(_ s: TrustSettingsSection) {
    guard sections[s] == nil, let slot = slots[s] else { return }
    let part = make(s, school: school)
    sections[s] = part
    UI.append(slot, part.widget)
  }

  static func icon(_ s: TrustSettingsSection) -> String {
    switch s {
    case .schools: "user-home-symbolic"
    case .classes: "system-users-symbolic"
    case .staff: "avatar-default-symbolic"
    case .subjects: "accessories-dictionary-symbolic"
    case .codes: "view-grid-symbolic"
    case .terms: "x-office-calendar-symbolic"
    }
  }

  private func make(_ s: TrustSettingsSection, school: String?) -> SettingsSection {
    switch s {
    case .schools: SchoolsSection(host: self)
    case .classes: ClassesSection(host: self, school: school)
    case .staff: StaffSection(host: self)
    case .subjects: SubjectsSection(host: self)
    case .codes: CodesSection(host: self)
    case .terms: TermsSection(host: self)
    }
  }

  func show(_ section: TrustSettingsSection) {
    if let page = pages[section] { Adw.showPreferencesPage(window, page) }
    build(section)
    UI.present(window)
  }

  /// The message line of the page on screen (each page has one). A change done shows in a
  /// toast too; a refusal stays in red on the line only (the HIG keeps errors out of toasts, and
  /// a toast would take the first Escape that should close the window).
  private func say(_ text: String, error: Bool) {
    for line in statuses {
      UI.setClass(line, "error", error)
      UI.setText(line, text)
    }
    if !error { Adw.preferencesToast(window, text) }
  }

  @discardableResult
  func change(redraw: Bool, _ body: () throws -> String) -> Bool {
    do {
      let said = try body()
      say(said, error: false)
      changed(said)
      if redraw { redrawAll() }
      return true
    } catch {
      say(Self.oneLine(error), error: true)
      return false
    }
  }

  /// The year the Classes and Term dates parts show, chosen in either.
  func setYear(_ y: AcademicYear) {
    year = y
    redrawAll()
  }

  private func redrawAll() {
    for s in sections.values { s.redraw() }
  }

  /// An error as one line: the first, without the store's "input:" prefixes.
  static func oneLine(_ error: Error) -> String {
    let text = (error as? InputError)?.message ?? "\(error)"
    return text.split(separator: "\n").first.map(String.init) ?? text
  }

  /// The years the Classes and Term dates parts offer: every year with data, the one on screen,
  /// and the next (classes are set up before September).
  var years: [AcademicYear] {
    var all = Set(context.years)
    all.insert(year)
    all.insert((context.years.last ?? year).next)
    return all.sorted()
  }
}
