/// What a pupil progress meeting decides. Raw values are stored on disk.
public enum ActionKind: String, CaseIterable, Sendable, Codable {
  case teaching
  case intervention
  case practice
  case professionalLearning = "professional-learning"

  public var label: String {
    switch self {
    case .teaching: "Future teaching"
    case .intervention: "Intervention"
    case .practice: "Change in practice"
    case .professionalLearning: "Professional learning"
    }
  }

  public static func parse(_ text: String) throws -> ActionKind {
    let t = text.lowercased().filter { $0.isLetter }
    if let k = allCases.first(where: {
      $0.rawValue.filter(\.isLetter) == t || $0.label.lowercased().filter(\.isLetter) == t
    }) {
      return k
    }
    throw InputError("unknown action kind '\(text)': use \(allCases.map(\.rawValue).joined(separator: ", "))")
  }
}

/// The judged impact of an action at its review.
public enum Impact: String, CaseIterable, Sendable, Codable {
  case worked
  case partly
  case notYet = "not-yet"
  case stopped

  public var label: String {
    switch self {
    case .worked: "Worked"
    case .partly: "Partly"
    case .notYet: "Not yet"
    case .stopped: "Stopped"
    }
  }

  public static func parse(_ text: String) throws -> Impact {
    let t = text.lowercased().filter { $0.isLetter }
    if let i = allCases.first(where: { $0.rawValue.filter(\.isLetter) == t }) { return i }
    throw InputError("unknown impact '\(text)': use \(allCases.map(\.rawValue).joined(separator: ", "))")
  }
}

/// When and who: the meeting's own details and its general notes.
public struct MeetingDetails: Hashable, Sendable, Codable {
  public var date: SchoolDate?
  public var attendees: [String]
  public var notes: String
  public init(date: SchoolDate? = nil, attendees: [String] = [], notes: String = "") {
    self.date = date
    self.attendees = attendees
    self.notes = notes
  }
}

/// A decision with an owner. An intervention names its pupils and subject and runs from the
/// meeting's half-term to `due`, when the next meeting reviews it.
public struct MeetingAction: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var kind: ActionKind
  public var pupils: [String]
  public var subject: String?
  public var description: String
  public var owner: String
  public var from: HalfTermRef
  public var due: HalfTermRef

  public init(
    id: String, kind: ActionKind, pupils: [String] = [], subject: String? = nil, description: String, owner: String,
    from: HalfTermRef, due: HalfTermRef
  ) {
    self.id = id
    self.kind = kind
    self.pupils = pupils
    self.subject = subject
    self.description = description
    self.owner = owner
    self.from = from
    self.due = due
  }
}

/// A later meeting's verdict on an action; `continueTo` carries a "partly" or "not yet" on.
public struct ActionReview: Hashable, Sendable, Codable {
  public var actionID: String
  public var impact: Impact
  public var next: String
  public var continueTo: HalfTermRef?
  public init(actionID: String, impact: Impact, next: String = "", continueTo: HalfTermRef? = nil) {
    self.actionID = actionID
    self.impact = impact
    self.next = next
    self.continueTo = continueTo
  }
}

/// One class's pupil progress meeting in one half-term. Each part merges on its own: the
/// details, each action (by id), each pupil's evidence note, each review (by action id).
/// On disk it is a `StoredMeeting` (MeetingCoding).
public struct Meeting: Hashable, Sendable {
  public var details: Stamped<MeetingDetails>?
  public var actions: [String: Stamped<MeetingAction>]
  /// Evidence discussed per pupil (work, tasks, tests); an empty note clears it.
  public var evidence: [String: Stamped<String>]
  public var reviews: [String: Stamped<ActionReview>]

  public init() {
    details = nil
    actions = [:]
    evidence = [:]
    reviews = [:]
  }

  public var isEmpty: Bool { details == nil && actions.isEmpty && evidence.isEmpty && reviews.isEmpty }

  /// Actions in the order they were recorded.
  public var orderedActions: [Stamped<MeetingAction>] {
    actions.values.sorted { ($0.at, $0.value.id) < ($1.at, $1.value.id) }
  }

  public func merged(with other: Meeting) -> Meeting {
    var out = self
    if let theirs = other.details, out.details.map({ theirs.wins(over: $0) }) ?? true { out.details = theirs }
    out.actions = actions.mergedRecords(with: other.actions)
    out.evidence = evidence.mergedRecords(with: other.evidence)
    out.reviews = reviews.mergedRecords(with: other.reviews)
    return out
  }
}

extension Meeting {
  /// Whether the meeting names the pupil (evidence about them, or an action for them).
  public func mentions(_ pupil: String) -> Bool {
    evidence[pupil] != nil || actions.values.contains { $0.value.pupils.contains(pupil) }
  }
}
