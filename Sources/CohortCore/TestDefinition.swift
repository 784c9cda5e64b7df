/// A band of a standardised test: scores from `lower` up to and including `upper`.
public struct ScoreBand: Hashable, Sendable, Codable {
  public var label: String
  public var lower: Int?
  public var upper: Int?
  /// The common band it counts as, to compare with teacher judgements.
  public var band: CommonBand
  public var colour: String

  public init(label: String, lower: Int?, upper: Int?, band: CommonBand, colour: String) {
    self.label = label
    self.lower = lower
    self.upper = upper
    self.band = band
    self.colour = colour
  }

  public func contains(_ score: Int) -> Bool {
    (lower.map { score >= $0 } ?? true) && (upper.map { score <= $0 } ?? true)
  }
}

/// A standardised test as a plugin defines it (NFER, PiRA, PUMA, GAPS...).
public struct TestDefinition: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var publisher: String
  public var name: String
  /// The trust subject whose judgements the scores moderate.
  public var subject: String
  public var terms: [Term]
  public var yearGroups: [YearGroup]
  /// The lowest and highest standardised scores the publisher reports (e.g. 69 and 141,
  /// where 69 stands for "below 70").
  public var minimum: Int
  public var maximum: Int
  /// Ordered low to high, covering minimum...maximum without gaps.
  public var bands: [ScoreBand]
  /// Half-width of one score's confidence band, as the publisher prints it.
  public var confidence: Int
  /// The publisher's standard error of measurement, when it gives one (then the margins are
  /// worked from it at `confidenceLevel`).
  public var standardError: Double?
  /// The confidence level of the band, in percent: 90 unless the publisher says 95 or 68.
  public var confidenceLevel: Int?

  public init(
    id: String, publisher: String, name: String, subject: String, terms: [Term], yearGroups: [YearGroup], minimum: Int,
    maximum: Int, bands: [ScoreBand], confidence: Int
  ) {
    self.id = id
    self.publisher = publisher
    self.name = name
    self.subject = subject
    self.terms = terms
    self.yearGroups = yearGroups
    self.minimum = minimum
    self.maximum = maximum
    self.bands = bands
    self.confidence = confidence
  }

  public func band(of score: Int) -> ScoreBand? { bands.first { $0.contains(score) } }

  /// The margin of the difference of two scores: wider than one score's band, by sqrt(2) for
  /// two scores with the same error. A termly change is real only beyond it.
  public var differenceMargin: Double {
    if let se = standardError {
      let z = [68: 1.0, 90: 1.645, 95: 1.96][confidenceLevel ?? 90] ?? 1.645
      return z * se * 2.0.squareRoot()
    }
    return Double(confidence) * 2.0.squareRoot()
  }

  /// "±8.5": the difference margin as a person reads it.
  public var differenceMarginText: String {
    let m = (differenceMargin * 10).rounded() / 10
    return m == m.rounded() ? "±\(Int(m))" : "±\(m)"
  }

  /// Whether the move from one score to the next is more than the tests' error.
  public func isRealChange(from a: Int, to b: Int) -> Bool { Double(abs(b - a)) > differenceMargin }

  public func isTaken(by year: YearGroup, in term: Term) -> Bool {
    yearGroups.contains(year) && terms.contains(term)
  }

  /// The score, or why it cannot be one.
  public func check(standardised score: Int) throws -> Int {
    guard (minimum...maximum).contains(score) else {
      throw InputError("\(score) is outside \(name)'s range \(minimum)-\(maximum)")
    }
    return score
  }

  /// Problems that make a definition unusable: empty or overlapping bands, gaps, a bad range.
  public func problems() -> [String] {
    var out: [String] = []
    if minimum >= maximum { out.append("minimum \(minimum) must be below maximum \(maximum)") }
    if bands.isEmpty { out.append("test \(id) has no bands") }
    if terms.isEmpty || yearGroups.isEmpty { out.append("test \(id) needs terms and year groups") }
    if confidence < 0 { out.append("confidence must not be negative") }
    if let se = standardError, se <= 0 { out.append("standardError must be positive") }
    if let l = confidenceLevel, ![68, 90, 95].contains(l) { out.append("confidenceLevel must be 68, 90 or 95") }
    for score in minimum...max(minimum, maximum) {
      let n = bands.filter { $0.contains(score) }.count
      if n == 0 {
        out.append("score \(score) is in no band")
      } else if n > 1 {
        out.append("score \(score) is in \(n) bands")
      }
      if out.count > 3 { break }
    }
    for b in bands where RGB(hex: b.colour) == nil {
      out.append("band \(b.label): colour '\(b.colour)' is not #RRGGBB")
    }
    return out
  }
}
