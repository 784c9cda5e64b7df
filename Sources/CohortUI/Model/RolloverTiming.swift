import CohortCore

/// Whether starting the new year now needs a confirmation: only from the latest year's last
/// half-term (or after it) does it go ahead without one, since it closes that year for good.
public struct RolloverTiming: Sendable, Equatable {
  /// The half-term today falls in, by the trust's dates.
  public var now: HalfTermRef
  /// The year that becomes read-only.
  public var closing: AcademicYear

  public init(trust: Trust, today: SchoolDate, closing: AcademicYear) {
    now = trust.halfTerm(containing: today)
    self.closing = closing
  }

  public var needsConfirmation: Bool { now < HalfTermRef(closing, .summer2) }

  /// The confirmation's words: what becomes read-only, at which schools, and that it stays so.
  public func warning(schools: [String]) -> String {
    let at = schools.count == 1 ? schools[0] : "\(plural(schools.count, "school")) (\(schools.joined(separator: ", ")))"
    let when =
      now.year == closing
      ? "It is \(now.halfTerm.label) of \(closing), not the year's last half-term." : "\(closing) has not begun yet."
    return
      "\(when) Starting the new year now makes \(closing) read-only at \(at): its judgements, scores and "
      + "classes can then be looked at but not changed, and this cannot be undone."
  }
}
