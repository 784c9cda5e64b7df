/// What a statutory result means, read through the table: its assessment (or unknown), the
/// meaning of its result, and whether the result is one the assessment can have.
public struct StatutoryReading: Hashable, Sendable {
  public var assessment: StatutoryAssessment?
  /// The assessment's id ("mtc", "ks2-reading-test"); "unknown" when the table does not know it.
  public var kind: String
  /// "24 of 25", "absent", "105: the expected standard"; for an unknown result, why.
  public var meaning: String
  /// False when the assessment is unknown or the result is outside its scores and codes.
  public var known: Bool
  public var band: CommonBand?
  /// "Multiplication tables check 2027: 24 of 25", for the Pupil page.
  public var summary: String
}

extension StatutoryTable {
  /// `yearGroup` is the pupil's year group when they sat it (to tell the phonics re-check).
  public func read(_ r: StatutoryResult, yearGroup: YearGroup? = nil) -> StatutoryReading {
    let coded = [r.stage, r.subject, r.method, r.component ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    guard let a = assessment(for: r) else {
      return StatutoryReading(
        assessment: nil, kind: "unknown", meaning: "not an assessment Cohort knows (\(coded))", known: false,
        band: nil, summary: "\(coded) \(r.year): \(r.result) (an assessment Cohort does not know)")
    }
    let retake = a.retakeYearGroup != nil && yearGroup?.number == a.retakeYearGroup
    let name = retake ? "\(a.name) re-check" : a.name
    let (meaning, known, band) = Self.meaning(of: r.result.trimmingWhitespace, in: a, year: r.year)
    return StatutoryReading(
      assessment: a, kind: a.id, meaning: meaning, known: known, band: band,
      summary: "\(name) \(r.year): \(meaning)\(known ? "" : " (\(coded))")")
  }

  static func meaning(of result: String, in a: StatutoryAssessment, year: Int) -> (String, Bool, CommonBand?) {
    let upper = result.uppercased()
    if let code = ((a.outcomes ?? []) + a.codes).first(where: { $0.code.uppercased() == upper }) {
      return (code.meaning, true, code.band)
    }
    guard let s = a.score, let n = Int(result) else {
      let kinds = a.score == nil ? "codes" : "scores or codes"
      return ("'\(result)' is not one of DfE's \(kinds) for the \(a.name)", false, nil)
    }
    guard (s.min...s.max).contains(n) else {
      return ("\(n) is outside the \(a.name)'s \(s.kind)s (\(s.min)-\(s.max))", false, nil)
    }
    if s.kind == "mark" {
      let threshold = s.thresholds?[String(year)] ?? s.expected
      guard let threshold else { return ("\(n) of \(s.max)", true, nil) }
      let met = n >= threshold
      return (
        "\(n) of \(s.max) (\(met ? "met" : "not met"): the threshold was \(threshold))", true, met ? .at : .below
      )
    }
    guard let expected = s.expected else { return ("\(s.kind) \(n)", true, nil) }
    if let high = s.high, n >= high { return ("\(s.kind) \(n): the high score", true, .above) }
    if n >= expected { return ("\(s.kind) \(n): the expected standard", true, .at) }
    return ("\(s.kind) \(n): below the expected standard", true, .below)
  }
}
