import CGtk
import CohortCore
import CohortStore

/// Term dates: the first day of each half-term in a year, filled with the trust's dates or the
/// usual ones. The half-term a day falls in (and the one the app opens on) comes from them.
@MainActor
final class TermsSection: SettingsSection {
  let widget: Widget
  private unowned let host: SettingsHost
  private let form = UI.box(true, spacing: 8)

  init(host: SettingsHost) {
    self.host = host
    widget = SettingsUI.page(
      "The first day of each half-term. A day belongs to the half-term that has started by then (holidays go with "
        + "the half-term before them). Write dates like 03/09/2026.", form)
    redraw()
  }

  func redraw() {
    UI.removeAllChildren(form)
    let years = host.years
    let year = host.year
    let picker = UI.dropDown(
      years.map(\.description), name: "Year of the term dates", selected: years.firstIndex(of: year) ?? 0
    ) { [weak self] i in MainLoop.after(0) { self?.host.setYear(years[i]) } }
    let top = UI.box(false, spacing: 8)
    let own = host.context.trust.terms[year] != nil
    let note =
      own ? "The trust's dates for \(year)." : "The usual dates: save them, or your own, to make them the trust's."
    UI.append(top, UI.label("Year"), picker, UI.label(note, classes: ["dim-label"]))
    let grid = UI.grid()
    let dates = host.context.trust.termDates(year)
    var entries: [Widget] = []
    for half in HalfTerm.allCases {
      let e = UI.field(dates.start(of: half).ukDescription, name: "\(half.label) starts", chars: 11)
      let day = UI.label(Self.weekday(dates.start(of: half)), classes: ["dim-label"])
      Signal.on(e, "changed") { UI.setText(day, UKDate.parse(UI.text(of: e)).map(Self.weekday) ?? "") }
      entries.append(e)
      UI.attach(grid, UI.label("\(half.label) starts"), column: 0, row: Int32(half.index))
      UI.attach(grid, e, column: 1, row: Int32(half.index))
      UI.attach(grid, day, column: 2, row: Int32(half.index))
    }
    let save = UI.button("Save term dates") { [weak self] in self?.save(entries, year) }
    let usual = UI.button("Fill in the usual dates") {
      for (e, d) in zip(entries, TermDates.usual(year).starts) { UI.setEntryText(e, d.ukDescription) }
    }
    let buttons = UI.box(false, spacing: 8)
    UI.append(buttons, usual, save)
    UI.append(form, top, grid, buttons)
  }

  private func save(_ entries: [Widget], _ year: AcademicYear) {
    host.change(redraw: true) {
      let starts = try zip(HalfTerm.allCases, entries).map { half, e -> SchoolDate in
        let text = UI.text(of: e).trimmingCharacters(in: .whitespaces)
        guard let d = UKDate.parse(text) else {
          throw InputError("\(half.label): '\(text)' is not a date: write it like 03/09/\(year.startYear)")
        }
        return d
      }
      try host.context.setup.setTerms(try TermDates(year: year, starts: starts))
      return "Saved the term dates for \(year)"
    }
  }

  /// "Thursday": the weekday helps spot a mistyped date.
  static func weekday(_ d: SchoolDate) -> String {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][((d.dayNumber % 7) + 10) % 7]
  }
}
