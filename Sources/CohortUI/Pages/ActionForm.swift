import CohortCore

/// The form for a new action: kind, subject, when it is reviewed, pupils, what will happen and
/// who owns it. Ticking a pupil makes the action an intervention; choosing another kind with
/// pupils ticked says why they cannot be kept, and Add refuses until one or the other changes
/// (the rule is MeetingAction.checked's, the CLI's too). Enter in the description or owner adds it.
@MainActor
final class ActionForm {
  let widget: Widget
  var onAdded: (String) -> Void = { _ in }
  var onError: (String) -> Void = { _ in }
  private let description: Widget
  private let owner: Widget
  private let kindPicker: Widget
  /// Says what ticking pupils does, or why they cannot be kept.
  private let hint: Widget
  private var pupilChecks: [(String, Widget)] = []
  private var kind = ActionKind.allCases[0]
  private static let kinds = ActionKind.allCases

  init(model: MeetingModel, subjects: [Subject]) {
    widget = UI.box(true, spacing: 6, classes: ["card", "action-form"])
    let dues = model.dueChoices
    var subject = subjects.first?.id
    var due = dues[0]
    var setKind: (Int) -> Void = { _ in }
    kindPicker = UI.dropDown(Self.kinds.map(\.label), name: "Action kind", selected: 0) { setKind($0) }
    let subjectPicker = UI.dropDown(subjects.map(\.name), name: "Action subject", selected: 0) {
      subject = subjects[$0].id
    }
    let duePicker = UI.dropDown(dues.map(\.description), name: "Action due", selected: 0) { due = dues[$0] }
    let choices = UI.grid()
    for (i, (name, w)) in [("Kind", kindPicker), ("Subject", subjectPicker), ("Review at", duePicker)].enumerated() {
      UI.attach(choices, UI.label(name), column: 0, row: Int32(i))
      UI.attach(choices, w, column: 1, row: Int32(i))
    }
    let pupils = UI.flow(perLine: 3)
    for p in model.pupils {
      let c = UI.check(p.fullName, name: "Include \(p.fullName)")
      pupilChecks.append((p.id, c))
      UI.flowAppend(pupils, c)
    }
    hint = UI.wrapped("Ticking pupils makes the action an intervention.", classes: ["dim-label"])
    UI.setAccessibleName(hint, "About the pupils")
    description = UI.entry(name: "Action description", placeholder: "What will happen")
    owner = UI.entry(name: "Action owner", placeholder: "Owner")
    let add: @MainActor () -> Void = { [weak self] in
      guard let self else { return }
      do {
        let text = UI.text(of: self.description)
        try model.addAction(
          kind: self.kind, pupils: self.chosen, subject: subject, description: text, owner: UI.text(of: self.owner),
          due: due)
        self.onAdded("Action recorded: \(text)")
      } catch {
        self.onError("Not recorded: \(error)")
      }
    }
    setKind = { [weak self] i in
      self?.kind = Self.kinds[i]
      self?.explain()
    }
    for (_, c) in pupilChecks { UI.onToggled(c) { [weak self] _ in self?.pupilsChanged() } }
    Signal.on(description, "activate", add)
    Signal.on(owner, "activate", add)
    let button = UI.button("Add action", add)
    UI.align(button, h: .end)
    // The fields first, the pupils after them: a class of thirty must not push them off screen.
    UI.append(
      widget, UI.label("New action", classes: ["heading"]), choices, description, owner, button, hint,
      UI.expander("Pupils", pupils, expanded: true))
  }

  private var chosen: [String] { pupilChecks.filter { UI.isChecked($0.1) }.map(\.0) }

  /// A pupil ticked: the action becomes an intervention (the kind that keeps its pupils).
  private func pupilsChanged() {
    if !chosen.isEmpty, kind != .intervention, let i = Self.kinds.firstIndex(of: .intervention) {
      UI.select(kindPicker, i)
    }
    explain()
  }

  private func explain() {
    let n = chosen.count
    if n > 0, kind != .intervention {
      UI.setText(
        hint,
        "\(kind.label) is for the whole class, so it cannot keep the \(plural(n, "pupil")) ticked: choose "
          + "Intervention to name them, or untick them.")
      UI.setClass(hint, "error", true)
    } else {
      UI.setText(
        hint,
        n > 0
          ? "An intervention for \(plural(n, "pupil")): its impact is measured at the review."
          : "Ticking pupils makes the action an intervention.")
      UI.setClass(hint, "error", false)
    }
  }

  func focus() { UI.focus(description) }
}
