/// Recording a meeting in its class-year document. As with cells, a record's time never goes
/// backwards, so a later edit always beats an earlier one.
extension ClassYear {
  public func meeting(_ halfTerm: HalfTerm) -> Meeting { meetings[halfTerm] ?? Meeting() }

  public mutating func setMeetingDetails(
    _ details: MeetingDetails, halfTerm: HalfTerm, by author: Author, at now: Int64
  ) {
    var m = meeting(halfTerm)
    m.details = Stamped(details, author: author, at: max(now, (m.details?.at ?? 0) + 1))
    meetings[halfTerm] = m
  }

  /// Adds an action, or replaces the one with the same id (an edit).
  public mutating func record(_ action: MeetingAction, halfTerm: HalfTerm, by author: Author, at now: Int64) {
    var m = meeting(halfTerm)
    m.actions[action.id] = Stamped(action, author: author, at: max(now, (m.actions[action.id]?.at ?? 0) + 1))
    meetings[halfTerm] = m
  }

  public mutating func setEvidence(_ note: String, pupil: String, halfTerm: HalfTerm, by author: Author, at now: Int64)
  {
    var m = meeting(halfTerm)
    m.evidence[pupil] = Stamped(note, author: author, at: max(now, (m.evidence[pupil]?.at ?? 0) + 1))
    meetings[halfTerm] = m
  }

  /// Records a review at this class's meeting (the action may come from an earlier document).
  public mutating func record(_ review: ActionReview, halfTerm: HalfTerm, by author: Author, at now: Int64) {
    var m = meeting(halfTerm)
    m.reviews[review.actionID] = Stamped(
      review, author: author, at: max(now, (m.reviews[review.actionID]?.at ?? 0) + 1))
    meetings[halfTerm] = m
  }

  /// Meeting records that differ from `old`'s, in words, for the journal.
  public func meetingChanges(since old: ClassYear?) -> [(at: Int64, author: Author, text: String)] {
    var out: [(at: Int64, author: Author, text: String)] = []
    for (half, m) in meetings {
      let before = old?.meetings[half] ?? Meeting()
      let at = "\(half.rawValue) meeting"
      if let d = m.details, d != before.details {
        out.append((d.at, d.author, "\(at): details (\(d.value.attendees.count) attendees)"))
      }
      for (id, a) in m.actions where before.actions[id] != a {
        out.append(
          (a.at, a.author, "\(at): action \(id) \(a.value.kind.rawValue), owner \(a.value.owner), due \(a.value.due)"))
      }
      for (pupil, e) in m.evidence where before.evidence[pupil] != e {
        out.append((e.at, e.author, "\(at): evidence note for \(pupil)"))
      }
      for (id, r) in m.reviews where before.reviews[id] != r {
        out.append((r.at, r.author, "\(at): review of \(id): \(r.value.impact.rawValue)"))
      }
    }
    return out.sorted { ($0.at, $0.text) < ($1.at, $1.text) }
  }
}
