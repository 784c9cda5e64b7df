/// The rules every new action and review obeys, in the CLI and the app alike: a record that
/// cannot mislead. An action naming pupils is an intervention (pupils ticked for "future
/// teaching" would otherwise be saved without them), and a review's impact is always chosen by
/// a person: nothing defaults to "worked".
extension MeetingAction {
  public static func checked(
    id: String, kind: ActionKind, pupils: [String], subject: String?, description: String, owner: String,
    from: HalfTermRef, due: HalfTermRef
  ) throws -> MeetingAction {
    let text = description.trimmingWhitespace
    guard !text.isEmpty else { throw InputError("say what the action is") }
    let who = owner.trimmingWhitespace
    guard !who.isEmpty else { throw InputError("an action needs an owner") }
    guard due > from else { throw InputError("an action is due after the meeting (\(from))") }
    if kind != .intervention && !pupils.isEmpty {
      throw InputError(
        "\(kind.label) is for the whole class, so it names no pupils: record an intervention to name the "
          + "\(plural(pupils.count, "pupil")) chosen, or leave them out")
    }
    if kind == .intervention {
      guard !pupils.isEmpty else { throw InputError("an intervention names its pupils, so its impact can be measured") }
      guard subject != nil else { throw InputError("an intervention needs a subject, so its impact can be measured") }
    }
    return MeetingAction(
      id: id, kind: kind, pupils: pupils, subject: subject, description: text, owner: who, from: from, due: due)
  }
}

extension ActionReview {
  /// `impact` is nil until a person chooses one, and a review without one is refused.
  public static func checked(
    actionID: String, impact: Impact?, next: String = "", continueTo: HalfTermRef? = nil, at when: HalfTermRef
  ) throws -> ActionReview {
    guard let impact else {
      let choices = Impact.allCases.map { $0.label.lowercased() }
      throw InputError(
        "choose the impact (\(choices.dropLast().joined(separator: ", ")) or \(choices.last!)): a review has no default"
      )
    }
    if let continueTo {
      guard impact == .partly || impact == .notYet else {
        throw InputError("only a review of partly or not yet carries the action on to another meeting")
      }
      guard continueTo > when else { throw InputError("the next review must be after this meeting (\(when))") }
    }
    return ActionReview(actionID: actionID, impact: impact, next: next.trimmingWhitespace, continueTo: continueTo)
  }
}
