import CGtk
import CohortCore

/// What a part of the trust settings window asks of the window.
@MainActor
protocol SettingsHost: AnyObject {
  var context: AppContext { get }
  var window: Widget { get }
  /// The academic year the Classes and Term dates parts show, and those they offer.
  var year: AcademicYear { get }
  var years: [AcademicYear] { get }
  func setYear(_ year: AcademicYear)
  /// Saves one change: `body` returns what it did. The line at the bottom of the window says
  /// that or, when refused, why (nothing changed). Returns whether it was saved. A change that
  /// adds or removes something redraws the parts; an edit of one field does not (so that the
  /// keyboard focus stays where the person moved it).
  @discardableResult
  func change(redraw: Bool, _ body: () throws -> String) -> Bool
}

/// A part of the settings window (Schools, Classes...): redrawn from the context on demand.
@MainActor
protocol SettingsSection: AnyObject {
  var widget: Widget { get }
  func redraw()
}

/// Check buttons R, 1-6 for the year groups of a class or a subject ("Y3/4" is two ticks).
@MainActor
final class YearGroupChecks {
  let widget = UI.box(false, spacing: 2)
  private var checks: [(YearGroup, Widget)] = []
  /// Called when the person ticks or unticks one (not when set from code).
  var changed: (@MainActor ([YearGroup]) -> Void)?
  private var quiet = false

  /// `owner` finishes each accessible name: "Year 3, Willow".
  init(owner: String, selected: [YearGroup]) {
    for g in YearGroup.primary {
      let c = UI.check(g.number == 0 ? "R" : "\(g.number)", name: "\(g.label), \(owner)")
      UI.tooltip(c, g.label)
      UI.setChecked(c, selected.contains(g))
      UI.onToggled(c) { [weak self] _ in
        guard let self, !self.quiet else { return }
        self.changed?(self.selected)
      }
      checks.append((g, c))
      UI.append(widget, c)
    }
  }

  var selected: [YearGroup] { checks.filter { UI.isChecked($0.1) }.map(\.0) }

  func set(_ groups: [YearGroup]) {
    quiet = true
    for (g, c) in checks { UI.setChecked(c, groups.contains(g)) }
    quiet = false
  }
}

@MainActor
enum SettingsUI {
  /// A part's page: a line on what it is for, then its content, scrolling when long.
  static func page(_ intro: String, _ content: Widget...) -> Widget {
    let box = UI.box(true, spacing: 10, classes: ["settings-section"])
    UI.append(box, UI.wrapped(intro, classes: ["dim-label"]))
    for c in content { UI.append(box, c) }
    return UI.vscrolled(box)
  }

  /// A grid's bold column headings on its first row.
  static func headings(_ grid: Widget, _ titles: [String]) {
    for (i, t) in titles.enumerated() { UI.attach(grid, UI.label(t, classes: ["heading"]), column: Int32(i), row: 0) }
  }

  /// A menu of names to switch on and off ("✓ Ms A Patel"); `toggle` gets the one clicked.
  static func pickMenu(
    _ label: String, name: String, all: @escaping @MainActor () -> [String],
    chosen: @escaping @MainActor () -> [String],
    toggle: @escaping @MainActor (String) -> Void
  ) -> Widget {
    UI.menuButton(label, name: name) {
      let on = Set(chosen())
      let names = all()
      if names.isEmpty { return [MenuItem("No one on the staff yet: add them under Staff", name: "No staff yet") {}] }
      return names.map { n in
        MenuItem((on.contains(n) ? "✓ " : "    ") + n, name: on.contains(n) ? "\(n), chosen" : n) { toggle(n) }
      }
    }
  }

  /// "Ms A Patel, Mr B Jones", or the text for none.
  static func names(_ list: [String], none: String) -> String { list.isEmpty ? none : list.joined(separator: ", ") }

  /// The same, at most three named ("A, B, C and 28 more"), for a label in a row or on a
  /// button: a label is as wide as its text, and a person's seventy-odd schools in one line
  /// laid the settings pages out thousands of pixels wide.
  static func brief(_ list: [String], none: String) -> String {
    list.count <= 4 ? names(list, none: none) : "\(list.prefix(3).joined(separator: ", ")) and \(list.count - 3) more"
  }
}
