/// One pupil's result in one sitting of a test, with provenance. A cell with neither score
/// but a time is a deletion (a tombstone), as for judgements.
public struct ScoreCell: Hashable, Sendable {
  public var raw: Int?
  public var standardised: Int?
  public var date: SchoolDate?
  /// Age in whole months on the test date, when the date and date of birth are known.
  public var ageMonths: Int?
  public var author: Author
  public var at: Int64

  public init(raw: Int?, standardised: Int?, date: SchoolDate?, ageMonths: Int?, author: Author, at: Int64) {
    self.raw = raw
    self.standardised = standardised
    self.date = date
    self.ageMonths = ageMonths
    self.author = author
    self.at = at
  }

  public var isEmpty: Bool { raw == nil && standardised == nil }

  /// Newest wins; ties fall back to author and content, so every copy agrees.
  public func wins(over other: ScoreCell) -> Bool {
    if at != other.at { return at > other.at }
    if author != other.author { return other.author < author }
    return (standardised ?? -1, raw ?? -1) > (other.standardised ?? -1, other.raw ?? -1)
  }

  /// "104" or "104 (raw 23)", for the journal and messages.
  public var summary: String {
    if isEmpty { return "-" }
    var s = standardised.map(String.init) ?? "no score"
    if let raw { s += " (raw \(raw))" }
    return s
  }
}

/// Which score: test, term and pupil.
public struct ScoreKey: Hashable, Sendable {
  public var test: String
  public var term: Term
  public var pupil: String
  public init(test: String, term: Term, pupil: String) {
    self.test = test
    self.term = term
    self.pupil = pupil
  }
}
