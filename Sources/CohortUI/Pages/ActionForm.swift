import CGtk
import CohortCore

/// The form for a new action: kind, subject, when it is reviewed, pupils (for an
/// intervention), what will happen and who owns it. Enter in the description or owner adds it.
@MainActor
final class ActionForm {
  let widget: Widget
  var onAdded: (String) -> Void = { _ in }
  var onError: (String) -> Void = { _ in }
  private let description: Widget
  private let owner: Widget
  private var pupilChecks: [(String, Widget)] = []

  init(model: MeetingModel, subjects: [Subject]) {
    widget = UI.box(true, spacing: 6, classes: ["card", "action-form"])
    let kinds = ActionKind.allCases
    let dues = model.dueChoices
    var kind = kinds[0]
    var subject = subjects.first?.id
    var due = dues[0]
    let kindPicker = UI.dropDown(kinds.map(\.label), name: "Action kind", selected: 0) { kind = kinds[$0] }
    let subjectPicker = UI.dropDown(subjects.map(\.name), name: "Action subject", selected: 0) {
      subject = subjects[$0].id
    }
    let duePicker = UI.dropDown(dues.map(\.description), name: "Action due", selected: 0) { due = dues[$0] }
    let choices = gtk_grid_new()!
    gtk_grid_set_row_spacing(cg_grid(choices), 6)
    gtk_grid_set_column_spacing(cg_grid(choices), 8)
    for (i, (name, w)) in [("Kind", kindPicker), ("Subject", subjectPicker), ("Review at", duePicker)].enumerated() {
      gtk_grid_attach(cg_grid(choices), UI.label(name), 0, Int32(i), 1, 1)
      gtk_grid_attach(cg_grid(choices), w, 1, Int32(i), 1, 1)
    }
    let pupils = gtk_flow_box_new()!
    gtk_flow_box_set_selection_mode(OpaquePointer(pupils), GTK_SELECTION_NONE)
    gtk_flow_box_set_max_children_per_line(OpaquePointer(pupils), 3)
    for p in model.pupils {
      let c = UI.check(p.fullName, name: "Include \(p.fullName)")
      pupilChecks.append((p.id, c))
      gtk_flow_box_append(OpaquePointer(pupils), c)
    }
    let expander = gtk_expander_new("Pupils (for an intervention)")!
    gtk_expander_set_child(OpaquePointer(expander), pupils)
    description = UI.entry(name: "Action description", placeholder: "What will happen")
    owner = UI.entry(name: "Action owner", placeholder: "Owner")
    let add: @MainActor () -> Void = { [weak self] in
      guard let self else { return }
      do {
        let chosen = self.pupilChecks.filter { UI.isChecked($0.1) }.map(\.0)
        let text = UI.text(of: self.description)
        try model.addAction(
          kind: kind, pupils: kind == .intervention ? chosen : [], subject: subject, description: text,
          owner: UI.text(of: self.owner), due: due)
        self.onAdded("Action recorded: \(text)")
      } catch {
        self.onError("\(error)")
      }
    }
    Signal.on(description, "activate", add)
    Signal.on(owner, "activate", add)
    let button = UI.button("Add action", add)
    gtk_widget_set_halign(button, GTK_ALIGN_END)
    UI.append(widget, UI.label("New action", classes: ["heading"]), choices, expander, description, owner, button)
  }

  func focus() { gtk_widget_grab_focus(description) }
}
