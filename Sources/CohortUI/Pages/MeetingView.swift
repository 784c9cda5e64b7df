import CGtk
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

  init(model: MeetingModel, context: AppContext) {
    self.model = model
    self.context = context
    agenda = UI.box(true, spacing: 8, classes: ["meeting", "agenda"])
    record = UI.box(true, spacing: 8, classes: ["meeting", "record"])
    // The agenda scrolls on the left; the record (details, actions, the form) stays beside it.
    widget = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
    gtk_paned_set_start_child(cg_paned(widget), UI.scrolled(agenda))
    gtk_paned_set_end_child(cg_paned(widget), UI.scrolled(record))
    gtk_paned_set_position(cg_paned(widget), 600)
    gtk_widget_set_vexpand(widget, 1)
    UI.setAccessibleName(agenda, "Agenda")
    UI.setAccessibleName(record, "Meeting record")
    model.onChange = { [weak self] in self?.render() }
    render()
  }

  func focusForm() { form?.focus() }

  func render() {
    UI.removeAllChildren(agenda)
    UI.removeAllChildren(record)
    let a = model.agenda
    section("1. Actions to review (\(a.forReview.count))")
    if a.forReview.isEmpty { note("No actions are due for review at this meeting.") }
    for r in a.forReview { UI.append(agenda, reviewRow(r)) }
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
    let row = gtk_grid_new()!
    gtk_grid_set_row_spacing(cg_grid(row), 6)
    gtk_grid_set_column_spacing(cg_grid(row), 8)
    let date = UI.entry(d.date?.ukDescription ?? "", name: "Meeting date", placeholder: "dd/mm/yyyy", width: 11)
    let attendees = UI.entry(
      d.attendees.joined(separator: ", "), name: "Attendees", placeholder: "Who attended, separated by commas")
    let notes = UI.entry(d.notes, name: "Meeting notes", placeholder: "General notes")
    gtk_widget_set_hexpand(attendees, 1)
    gtk_widget_set_hexpand(notes, 1)
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
      gtk_grid_attach(cg_grid(row), UI.label(name), 0, Int32(i), 1, 1)
      gtk_grid_attach(cg_grid(row), entry, 1, Int32(i), 1, 1)
    }
    return row
  }

  private func reviewRow(_ r: MeetingAgenda.Review) -> Widget {
    let t = r.action
    let act = t.action.value
    let box = UI.box(true, spacing: 4, classes: ["card", "review"])
    let title = UI.wrapped("\(act.kind.label): \(act.description)", classes: ["heading"])
    UI.setAccessibleName(title, "To review: \(act.description)")
    var meta = "Owner \(act.owner); decided \(t.place.when); due \(t.due)."
    if let latest = t.latest {
      meta += " Reviewed \(latest.place.when): \(latest.review.value.impact.label)."
      if !latest.review.value.next.isEmpty { meta += " Next: \(latest.review.value.next)" }
    }
    let status = UI.wrapped(meta)
    UI.setAccessibleName(status, "Review status: \(act.description)")
    UI.append(box, title, status)
    if let i = r.impact {
      let lines = i.rows.map { row in
        "\(row.name): \(row.codeBefore ?? "-") → \(row.codeAfter ?? "-")"
          + (row.scoreBefore.map { b in ", score \(b) → \(row.scoreAfter.map(String.init) ?? "-")" } ?? "")
      }
      UI.append(box, UI.wrapped(lines.joined(separator: "\n"), classes: ["monospace"]))
      UI.append(
        box,
        UI.wrapped(
          "In it: \(i.intervention.summary).\nSimilar pupils not in it: \(i.comparison.summary) (\(i.comparisonBasis)).",
          classes: ["dim-label"]))
    }
    guard model.closedReason == nil else { return box }
    let controls = UI.box(false, spacing: 8)
    var chosen = Impact.worked
    let impacts = Impact.allCases
    let picker = UI.dropDown(impacts.map(\.label), name: "Impact of \(act.description)", selected: 0) {
      chosen = impacts[$0]
    }
    let next = UI.entry(name: "What next for \(act.description)", placeholder: "What next")
    gtk_widget_set_hexpand(next, 1)
    let record: @MainActor () -> Void = { [weak self] in
      guard let self else { return }
      self.model.review(act.id, impact: chosen, next: UI.text(of: next))
      self.onEdit()
      self.onMessage("Review recorded: \(chosen.label)")
    }
    Signal.on(next, "activate", record)
    UI.append(controls, picker, next, UI.button("Record review", name: "Record review of \(act.description)", record))
    UI.append(box, controls)
    return box
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
