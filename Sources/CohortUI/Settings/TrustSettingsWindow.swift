import CGtk
import CohortCore
import Foundation

/// Trust settings: schools, classes, staff, subjects, codes and term dates. Every change is
/// saved at once through TrustSetup (all or nothing, with a journal line under the person's
/// name); a refused change says why in one line at the bottom and changes nothing.
@MainActor
final class TrustSettingsWindow: SettingsHost {
  let window: Widget
  let context: AppContext
  private(set) var year: AcademicYear
  private let stack = UI.stack()
  private let status = UI.label("", classes: ["settings-status"])
  private var sections: [TrustSettingsSection: SettingsSection] = [:]
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
    window = UI.window(title: "Trust settings: \(context.trust.name)", parent: parent, width: 1000, height: 660)
    let box = UI.box(true, spacing: 8, classes: ["settings-window"])
    let tabs = UI.tabs(for: stack, name: "Settings")
    UI.align(tabs, h: .start)
    UI.expand(stack, v: true)
    UI.wrap(status)
    UI.setAccessibleName(status, "Settings message")
    let close = UI.button("Close", name: "Close Trust settings") { [weak self] in
      self.map { UI.close($0.window) }
    }
    let bottom = UI.box(false, spacing: 12)
    UI.expand(status, h: true)
    UI.append(bottom, status, close)
    UI.append(box, tabs, stack, bottom)
    UI.setChild(window, box)
    for s in TrustSettingsSection.allCases {
      let part = make(s, school: school)
      sections[s] = part
      UI.addPage(stack, part.widget, id: s.rawValue, title: s.title)
    }
    if let section { show(section) }
    // A message belongs to the part it came from.
    Signal.onPointer(stack, "notify::visible-child") { [weak self] _ in self.map { UI.setText($0.status, "") } }
    Signal.on(window, "destroy") { [weak self] in self?.closed() }
    UI.present(window)
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
    UI.showPage(stack, section.rawValue)
    UI.present(window)
  }

  @discardableResult
  func change(redraw: Bool, _ body: () throws -> String) -> Bool {
    do {
      let said = try body()
      UI.setClass(status, "error", false)
      UI.setText(status, said)
      changed(said)
      if redraw { redrawAll() }
      return true
    } catch {
      UI.setClass(status, "error", true)
      UI.setText(status, Self.oneLine(error))
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
