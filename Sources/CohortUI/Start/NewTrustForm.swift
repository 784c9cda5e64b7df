import CGtk
import CohortCore
import CohortPluginKit
import Foundation

/// "Start a new trust": its name, the codes teachers will use (each scheme shown with its codes
/// in their colours), the subjects, the first academic year, and where its folder goes.
@MainActor
final class NewTrustForm {
  let widget: Widget
  private var plan: NewTrustPlan
  private let years: [AcademicYear]
  private let name = UI.entry(name: "Trust's name", placeholder: "e.g. Riverside Learning Trust")
  private let other = UI.entry(name: "Other subjects", placeholder: "e.g. Science, Computing")
  private let place = UI.label("", classes: ["dim-label"])
  private var subjectChecks: [(String, Widget)] = []
  private let say: @MainActor (String) -> Void
  private let next: @MainActor (NewTrustPlan) -> Void
  private let parent: Widget
  private let form = UI.box(true, spacing: 10, classes: ["new-trust"])

  init(
    today: SchoolDate, back: @escaping @MainActor () -> Void, next: @escaping @MainActor (NewTrustPlan) -> Void,
    say: @escaping @MainActor (String) -> Void, parent: Widget
  ) {
    years = NewTrustPlan.years(today: today)
    plan = NewTrustPlan(year: years[0])
    self.say = say
    self.next = next
    self.parent = parent
    // The form scrolls on a small screen; Back and Next stay in view below it.
    widget = UI.box(true, spacing: 8)
    let scroller = UI.vscrolled(form)
    UI.append(form, UI.label("Start a new trust", classes: ["title-2"]))
    UI.append(form, heading("Name"), name)
    Signal.on(name, "changed") { [weak self] in self?.nameChanged() }
    UI.append(form, heading("Codes for judgements"), schemes())
    UI.append(form, heading("Subjects judged each half-term"), subjects())
    UI.append(form, heading("First academic year"), yearRow())
    UI.append(form, heading("Where it is kept on this laptop"), placeRow())
    let buttons = UI.box(false, spacing: 8, classes: ["form-buttons"])
    UI.align(buttons, h: .end)
    let forward = UI.button("Next: who you are", name: "Next") { [weak self] in self?.goOn() }
    UI.addClasses(forward, ["suggested-action"])
    UI.append(buttons, UI.button("Back", back), forward)
    UI.append(widget, scroller, buttons)
    Signal.on(name, "activate") { [weak self] in self?.goOn() }
    showPlace()
  }

  func focus() { UI.focus(name) }

  private func heading(_ text: String) -> Widget { UI.label(text, classes: ["heading", "form-heading"]) }

  /// One radio button per installed scheme, its codes beside it as coloured chips.
  private func schemes() -> Widget {
    let box = UI.box(true, spacing: 6)
    var first: Widget?
    for scheme in Self.schemes() {
      let radio = UI.radio(scheme.name, group: first)
      first = first ?? radio
      UI.setChecked(radio, scheme.id == plan.schemeID)
      let id = scheme.id
      UI.onToggled(radio) { [weak self] on in if on { self?.plan.schemeID = id } }
      let codes = UI.markupLabel(Style.codesMarkup(scheme, keys: false), classes: ["scheme-codes"])
      UI.wrap(codes)
      UI.indent(codes, 28)
      UI.setAccessibleName(codes, "Codes of \(scheme.name)")
      UI.append(box, radio, codes)
    }
    return box
  }

  /// The installed schemes, the default first.
  static func schemes(_ registry: PluginRegistry = BuiltInPlugins.registry()) -> [CodeScheme] {
    registry.codeSchemes.sorted {
      ($0.id == CodeScheme.defaultID ? 0 : 1, $0.name) < ($1.id == CodeScheme.defaultID ? 0 : 1, $1.name)
    }
  }

  private func subjects() -> Widget {
    let row = UI.box(false, spacing: 12)
    for subject in NewTrustPlan.offeredSubjects {
      let check = UI.check(subject)
      UI.setChecked(check, plan.ticked.contains(subject))
      subjectChecks.append((subject, check))
      UI.append(row, check)
    }
    UI.expand(other, h: true)
    UI.append(row, UI.label("Others:"), other)
    return row
  }

  private func yearRow() -> Widget {
    let row = UI.box(false, spacing: 12)
    let picker = UI.dropDown(years.map(\.description), name: "First academic year", selected: 0) { [weak self] i in
      guard let self else { return }
      self.plan.year = self.years[i]
    }
    let hint = UI.wrapped(
      "The year you will enter judgements for first. Its term dates start as the usual ones: change them in Trust "
        + "settings.", classes: ["dim-label"])
    UI.expand(hint, h: true)
    UI.append(row, picker, hint)
    return row
  }

  private func placeRow() -> Widget {
    let row = UI.box(false, spacing: 12)
    UI.ellipsizeMiddle(place)
    UI.expand(place, h: true)
    UI.setAccessibleName(place, "Where it is kept")
    let change = UI.button("Choose another place…", name: "Choose another place") { [weak self] in
      guard let self else { return }
      FileChooser.chooseFolder(parent: self.parent, title: "Where to keep the trust's folder") { [weak self] path in
        self?.plan.parent = path
        self?.showPlace()
      }
    }
    UI.append(row, place, change)
    return row
  }

  private func nameChanged() {
    plan.name = UI.text(of: name)
    showPlace()
  }

  private func showPlace() {
    let folder = plan.name.isEmpty ? plan.parent + "/…" : plan.folder
    UI.setText(place, "In a folder of its own: \(DataPlaces.readable(folder))")
  }

  private func goOn() {
    plan.name = UI.text(of: name).trimmingCharacters(in: .whitespaces)
    plan.ticked = subjectChecks.filter { UI.isChecked($0.1) }.map(\.0)
    plan.other = UI.text(of: other)
    if let problem = plan.problem() { return say(problem) }
    say("")
    next(plan)
  }
}
