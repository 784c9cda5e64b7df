import CohortCore
import CohortServices
import Foundation

/// A class's meeting, worked through from top to bottom: actions to review (with the impact of
/// each intervention), bands, flagged pupils with a note of the evidence, disagreements, and
/// the actions decided now. Enter saves a field; the form keeps the keyboard for the next action.
@MainActor
final class MeetingView {
  let widget: Widget
  private let agenda: Widget
  private let record: Widget
  private let model: MeetingModel
  private let context: AppContext
  var onEdit: () -> Void = {}
  var onMessage: (String) -> Void = { _ in }
  private var form: ActionForm?
  /// The review cards on screen: they own their forms' state.
  private var cards: [ReviewCard] = []

  init(model: MeetingModel, context: AppContext) {
    self.model = model
    self.context = context
    agenda = UI.box(true, spacing: 8, classes: ["meeting", "agenda"])
    record = UI.box(true, spacing: 8, classes: ["meeting", "record"])
    // The agenda scrolls on the left; the record (details, actions, the form) stays beside it.
    widget = UI.paned(UI.scrolled(agenda), UI.scrolled(record), position: 600)
    UI.setAccessibleName(agenda, "Agenda")
    UI.setAccessibleName(record, "Meeting record")
    model.onChange = { [weak self] in self?.render() }
    render()
  }

  func focusForm() { form?.focus() }

  func render() {
    UI.removeAllChildren(agenda)
    UI.removeAllChildren(record)
    cards = []
    let a = model.agenda
    section("1. Actions to review (\(a.forReview.count))")
    if a.forReview.isEmpty { note("No actions are due for review at this meeting.") }
    for r in a.forReview {
      let card = ReviewCard(r.action, impact: r.impact, model: model, minimum: context.trust.minimumGroupSize)
      card.onRecorded = { [weak self] in
        self?.onEdit()
        self?.onMessage($0)
      }
      card.onError = { [weak self] in self?.onMessage($0) }
      cards.append(card)
      UI.append(agenda, card.widget)
    }
    section("2. Bands now and last half-term")
    for b in a.bands {
      let now = CommonBand.allCases.map { "\($0.label) \(b.now.bands[$0.rawValue, default: 0])" }
      note(
        "\(b.subject.name): \(now.joined(separator: ", ")) of \(b.now.assessed); at or above \(Int(b.now.atOrAbove.rounded()))%, was \(Int(b.before.atOrAbove.rounded()))% of \(b.before.assessed)"
      )
    }
    section("3. Pupils flagged (\(a.flagged.count))")
    for f in a.flagged { UI.append(agenda, flaggedRow(f)) }
    section("4. Judgements and tests that disagree (\(a.disagreements.count))")
    for d in a.disagreements { note("\(d.pupil.fullName): " + d.notes.joined(separator: "; ")) }
    UI.append(record, UI.label("Meeting", classes: ["heading", "meeting-section"]), details())
    UI.append(
      record, UI.label("5. Actions decided (\(model.meeting.actions.count))", classes: ["heading", "meeting-section"]))
    for s in model.meeting.orderedActions {
      let act = s.value
      let who = act.pupils.isEmpty ? "" : " for " + act.pupils.map(model.name).joined(separator: ", ")
      let l = UI.wrapped("\(act.kind.label)\(who): \(act.description). Owner \(act.owner), due \(act.due).")
      UI.setAccessibleName(l, "Action: \(act.description)")
      UI.append(record, l)
    }
    if let reason = model.closedReason {
      UI.append(record, UI.wrapped(reason, classes: ["dim-label"]))
      form = nil
      return
    }
    let f = ActionForm(model: model, subjects: context.trust.subjects)
    f.onAdded = { [weak self] text in
      self?.onEdit()
      self?.onMessage(text)
      MainLoop.after(0) { self?.focusForm() }
    }
    f.onError = { [weak self] in self?.onMessage($0) }
    form = f
    UI.append(record, f.widget)
  }

  private func section(_ title: String) { UI.append(agenda, UI.label(title, classes: ["heading", "meeting-section"])) }
  private func note(_ text: String) { UI.append(agenda, UI.wrapped(text)) }

  private func details() -> Widget {
    let d = model.meeting.details?.value ?? MeetingDetails()
    let row = UI.grid()
    let date = UI.entry(d.date?.ukDescription ?? "", name: "Meeting date", placeholder: "dd/mm/yyyy", width: 11)
    let attendees = UI.entry(
      d.attendees.joined(separator: ", "), name: "Attendees", placeholder: "Who attended, separated by commas")
    let notes = UI.entry(d.notes, name: "Meeting notes", placeholder: "General notes")
    UI.expand(attendees, h: true)
    UI.expand(notes, h: true)
    let save: @MainActor () -> Void = { [weak self] in
      guard let self, self.model.closedReason == nil else { return }
      var new = MeetingDetails(
        date: nil,
        attendees: UI.text(of: attendees).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }, notes: UI.text(of: notes))
      let typed = UI.text(of: date).trimmingCharacters(in: .whitespaces)
      if !typed.isEmpty {
        guard let parsed = UKDate.parse(typed) else {
          return self.onMessage("'\(typed)' is not a date: use dd/mm/yyyy")
        }
        new.date = parsed
      }
      guard new != (self.model.meeting.details?.value ?? MeetingDetails()) else { return }
      self.model.setDetails(new)
      self.onEdit()
      self.onMessage("Meeting details saved")
    }
    for e in [date, attendees, notes] { UI.onCommit(e, save) }
    for (i, (name, entry)) in [("Date", date), ("Attendees", attendees), ("Notes", notes)].enumerated() {
      UI.attach(row, UI.label(name), column: 0, row: Int32(i))
      UI.attach(row, entry, column: 1, row: Int32(i))
    }
    return row
  }

  private func flaggedRow(_ f: MeetingAgenda.Flagged) -> Widget {
    let row = UI.box(true, spacing: 2)
    let name = UI.label(f.pupil.fullName, classes: ["pupil-heading"])
    let reasons = UI.wrapped(f.flags.map(\.reason).joined(separator: "\n"), classes: ["flags"])
    let id = f.pupil.id
    let evidence = UI.entry(
      model.meeting.evidence[id]?.value ?? "", name: "Evidence for \(f.pupil.fullName)",
      placeholder: "Evidence discussed: work, tasks, tests")
    let save: @MainActor () -> Void = { [weak self] in
      guard let self else { return }
      let before = self.model.meeting.evidence[id]?.value ?? ""
      guard UI.text(of: evidence) != before else { return }
      self.model.setEvidence(UI.text(of: evidence), pupil: id)
      self.onEdit()
    }
    UI.onCommit(evidence, save)
    UI.append(row, name, reasons, evidence)
    return row
  }
}
