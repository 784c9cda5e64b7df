import CGtk
import CohortCore

/// "Who is at this laptop?": a name from the trust's staff (typing narrows the list), or a new
/// one with a role, who joins the staff. The answer is remembered on this device for the trust.
@MainActor
final class WhoForm {
  /// The name typed, the role chosen, and the member of staff picked (nil for a new person).
  typealias Done = @MainActor (String, StaffRole, StaffMember?) -> Void

  let widget: Widget
  private let who: WhoIsHere
  private let name = UI.entry(name: "Your name", placeholder: "e.g. Ms A Patel")
  private let list = UI.list(name: "Staff")
  private var roles: [(StaffRole, Widget)] = []
  private let done: Done
  private let box = UI.box(true, spacing: 10, classes: ["who-form"])

  /// `plan` is set for a trust not made yet: its first person is asked before it is created.
  init(trust: Trust, plan: NewTrustPlan?, done: @escaping Done) {
    who = WhoIsHere(staff: trust.staff)
    self.done = done
    widget = UI.box(true, spacing: 8)
    UI.align(box, v: .center)
    UI.align(box, h: .center)
    UI.minWidth(box, 520)
    UI.append(box, UI.label("Who is at this laptop?", classes: ["title-2"]))
    let why =
      plan == nil
      ? "Cohort writes your name beside every change you make in \(trust.name), so that colleagues can see who "
        + "entered what. It asks once on this laptop."
      : "You are the first member of staff of \(trust.name). Cohort writes your name beside every change you make, "
        + "so that colleagues can see who entered what."
    UI.append(box, UI.wrapped(why), UI.label("Your name", classes: ["heading"]), name)
    if !who.staff.isEmpty {
      UI.append(box, UI.label("Pick yourself from the staff", classes: ["heading"]), UI.scrolled(list, maxHeight: 220))
      Signal.on(name, "changed") { [weak self] in self?.filter() }
      filter()
    }
    UI.append(box, newPersonRow(first: plan != nil, staffEmpty: who.staff.isEmpty))
    let button = UI.button(plan == nil ? "Add me and continue" : "Create the trust") { [weak self] in self?.addNew() }
    UI.addClasses(button, ["suggested-action"])
    Signal.on(name, "activate") { [weak self] in self?.addNew() }
    // The question scrolls on a small screen; its button stays in view below it.
    let buttons = UI.box(false, spacing: 8, classes: ["form-buttons"])
    UI.align(buttons, h: .end)
    UI.append(buttons, button)
    UI.append(widget, UI.scrolled(box), buttons)
  }

  func focus() { UI.focus(name) }

  private func newPersonRow(first: Bool, staffEmpty: Bool) -> Widget {
    let row = UI.box(false, spacing: 12)
    let intro = staffEmpty ? "Your role" : "Not on the list? Your role"
    UI.append(row, UI.label(intro, classes: ["heading"]))
    var group: Widget?
    for role in StaffRole.allCases {
      let radio = UI.radio(role.label, group: group)
      group = group ?? radio
      UI.setChecked(radio, role == (first ? .leader : .teacher))
      roles.append((role, radio))
      UI.append(row, radio)
    }
    return row
  }

  /// The staff whose names hold what is typed, one button each.
  private func filter() {
    UI.removeAllChildren(list)
    let found = who.matches(UI.text(of: name))
    for member in found.prefix(50) {
      let schools =
        member.schools.isEmpty ? "" : " · \(member.schools.count == 1 ? "1 school" : "\(member.schools.count) schools")"
      let button = UI.button("\(member.name) · \(member.role.label)\(schools)", name: "I am \(member.name)") {
        [weak self] in
        self?.done(member.name, member.role, member)
      }
      UI.flat(button)
      UI.listAppend(list, button)
    }
    if found.isEmpty {
      UI.listAppend(list, UI.label("No one of that name yet: add yourself below.", classes: ["dim-label"]))
    }
  }

  private func addNew() {
    let typed = UI.text(of: name).trimmingCharacters(in: .whitespaces)
    let role = roles.first { UI.isChecked($0.1) }?.0 ?? .teacher
    done(typed, role, who.exact(typed))
  }
}
