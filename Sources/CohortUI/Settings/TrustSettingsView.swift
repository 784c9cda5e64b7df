import CohortCore
import Foundation

/// Trust settings, in the window in place of its pages: schools, classes, staff, subjects,
/// codes and term dates, a page each, switched in its header; the arrow at its start (or
/// Escape) goes back to the pages. (A preferences window of its own held the app for 150-190
/// ms as it came up on a large trust: a new window's first frame, and the main window drawn
/// again behind it, out of focus.) Every change is saved at once through TrustSetup (all or
/// nothing, with a journal line under the person's name); what it did, or why a change was
/// refused (nothing changed), shows in the line under the page (a change done in a toast too).
@MainActor
final class TrustSettingsView: SettingsHost {
  /// The header, the pages and (on a narrow window) their switcher at the bottom.
  let widget = UI.box(true)
  /// The window it is in: the parent of the dialogs its parts open.
  let window: Widget
  let context: AppContext
  private(set) var year: AcademicYear
  private let stack = Adw.viewStack()
  private let switcherTitle: Widget
  private let switcherBar: Widget
  private let back: Widget
  /// What had the keyboard focus in the window before, to have it back after.
  let focusBefore: FocusMemory
  private var statuses: [Widget] = []
  private var sections: [TrustSettingsSection: SettingsSection] = [:]
  /// Where each page's part goes once it is built.
  private var slots: [TrustSettingsSection: Widget] = [:]
  private let school: String?
  private let toast: @MainActor (String) -> Void
  private let changed: @MainActor (String) -> Void

  init(
    window: Widget, context: AppContext, year: AcademicYear, school: String?, section: TrustSettingsSection?,
    toast: @escaping @MainActor (String) -> Void, changed: @escaping @MainActor (String) -> Void,
    close: @escaping @MainActor () -> Void
  ) {
    self.window = window
    self.context = context
    self.year = year
    self.toast = toast
    self.changed = changed
    self.school = school
    focusBefore = FocusMemory(in: window)
    back = UI.iconButton("go-previous-symbolic", name: "Back to the pages", tooltip: "Back to the pages (Escape)") {
      close()
    }
    for s in TrustSettingsSection.allCases {
      let slot = UI.box(true, spacing: 0)
      slots[s] = slot
      // Each page has its own message line: a message belongs to the part it came from.
      let line = UI.wrapped("", classes: ["settings-status"])
      UI.setAccessibleName(line, "Settings message")
      statuses.append(line)
      let page = Adw.preferencesPage(id: s.rawValue, title: s.title, icon: Self.icon(s), content: [slot, line])
      Adw.addView(stack, page, id: s.rawValue, title: s.title, icon: Self.icon(s))
    }
    (switcherTitle, switcherBar) = Adw.switchers(stack)
    let header = Adw.headerBar(start: [back], title: switcherTitle, end: [])
    UI.expand(stack, v: true)
    UI.append(widget, header, stack, switcherBar)
    UI.onKey(widget) { press in
      guard press.key == .escape, !press.ctrl, !press.shift, !press.alt else { return false }
      close()
      return true
    }
    // Even the page on screen is built after the view's first frame: building its rows and
    // drawing the whole window in one turn held it for 70-80 ms on a large trust.
    Adw.showView(stack, (section ?? .schools).rawValue)
    Signal.onPointer(stack, "notify::visible-child") { [weak self] _ in self?.buildShownPage() }
    buildTheRest()
  }

  /// The keyboard in the settings (at the back arrow, the first thing in them): the pages
  /// that had it are out of sight.
  func focus() { UI.focus(back) }

  /// The pages' switcher in the header, or at the bottom of a narrow window (as the window's own).
  func fit(width: Int32) { Adw.fitSwitchers(header: switcherTitle, bar: switcherBar, width: width) }

  /// A page switched to is built at once; otherwise each page in a later turn of the main loop,
  /// one at a time: all six at once (ninety schools' rows) held the window for half a second.
  private func buildShownPage() {
    if let shown { build(shown) }
  }

  private var shown: TrustSettingsSection? { Adw.visibleViewID(stack).flatMap(TrustSettingsSection.init) }

  /// The page on screen first, then the others in order.
  private func buildTheRest() {
    let unbuilt = ([shown].compactMap { $0 } + TrustSettingsSection.allCases).filter { sections[$0] == nil }
    guard let next = unbuilt.first else { return }
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
    Adw.showView(stack, section.rawValue)
    build(section)
  }

  /// The message line of the page on screen (each page has one; the others' are cleared, so a
  /// refusal on one page is not shown under another). A change done shows in a toast too; a
  /// refusal stays in red on the line only (the HIG keeps errors out of toasts).
  private func say(_ text: String, error: Bool) {
    for (s, line) in zip(TrustSettingsSection.allCases, statuses) {
      UI.setClass(line, "error", error && s == shown)
      UI.setText(line, s == shown ? text : "")
    }
    if !error { toast(text) }
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
