/// Where a meeting took place: a class in a half-term.
public struct MeetingPlace: Hashable, Sendable, Codable {
  public var school: String
  public var classID: String
  public var when: HalfTermRef
  public init(school: String, classID: String, when: HalfTermRef) {
    self.school = school
    self.classID = classID
    self.when = when
  }
}

public enum ActionStatus: String, Sendable, Codable {
  case open, done, stopped
}

/// An action with its reviews, which may have been recorded in later meetings and documents.
public struct TrackedAction: Sendable, Hashable {
  public let place: MeetingPlace
  public let action: Stamped<MeetingAction>
  /// Oldest first, each with the meeting that made it.
  public let reviews: [(place: MeetingPlace, review: Stamped<ActionReview>)]

  public init(
    place: MeetingPlace, action: Stamped<MeetingAction>, reviews: [(place: MeetingPlace, review: Stamped<ActionReview>)]
  ) {
    self.place = place
    self.action = action
    self.reviews = reviews
  }

  public var latest: (place: MeetingPlace, review: Stamped<ActionReview>)? { reviews.last }

  /// Worked closes an action, stopped stops it; partly and not yet keep it open.
  public var status: ActionStatus {
    switch latest?.review.value.impact {
    case .worked: .done
    case .stopped: .stopped
    case .partly, .notYet, nil: .open
    }
  }

  /// When it next comes up for review.
  public var due: HalfTermRef { latest?.review.value.continueTo ?? action.value.due }

  /// On the agenda of a meeting at `when`: open and due by then, or reviewed at that meeting.
  public func isForReview(at when: HalfTermRef) -> Bool {
    if reviews.contains(where: { $0.place.when == when }) { return true }
    return status == .open && due <= when && place.when < when
  }

  public static func == (a: TrackedAction, b: TrackedAction) -> Bool {
    a.place == b.place && a.action == b.action && a.reviews.map(\.review) == b.reviews.map(\.review)
  }
  public func hash(into h: inout Hasher) {
    h.combine(place)
    h.combine(action)
  }
}

public enum ActionTracker {
  /// Every action in these documents, with every review of it found in them.
  public static func track(_ docs: [ClassYear]) -> [TrackedAction] {
    var reviews: [String: [(place: MeetingPlace, review: Stamped<ActionReview>)]] = [:]
    var actions: [(MeetingPlace, Stamped<MeetingAction>)] = []
    for doc in docs {
      for (half, m) in doc.meetings {
        let place = MeetingPlace(school: doc.school, classID: doc.classID, when: HalfTermRef(doc.year, half))
        for r in m.reviews.values { reviews[r.value.actionID, default: []].append((place, r)) }
        for a in m.actions.values { actions.append((place, a)) }
      }
    }
    let tracked = actions.map { place, a in
      TrackedAction(
        place: place, action: a,
        reviews: (reviews[a.value.id] ?? []).sorted { ($0.place.when, $0.review.at) < ($1.place.when, $1.review.at) })
    }
    // By positions: sorting the actions themselves moved every one of a trust's at each step.
    let keys = tracked.map { ($0.place.when, $0.action.at, $0.action.value.id) }
    let order = tracked.indices.sorted { keys[$0] < keys[$1] }
    return order.map { tracked[$0] }
  }
}
