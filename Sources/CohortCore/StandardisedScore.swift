import Foundation

/// Standardised scores: mean 100, standard deviation 15 (DOMAIN.md).
public enum StandardisedScale {
  public static let mean = 100.0
  public static let standardDeviation = 15.0

  /// Percentile rank (0-100) of a score: the normal CDF at (score - 100) / 15.
  public static func percentile(of score: Double) -> Double {
    let z = (score - mean) / standardDeviation
    return 50 * (1 + erf(z / 2.0.squareRoot()))
  }
}

/// A band of a standardised test: scores from `lower` up to and including `upper`.
public struct ScoreBand: Hashable, Sendable, Codable {
  public var label: String
  public var lower: Int?
  public var upper: Int?
  public var band: CommonBand
  public var colour: String?
  public init(label: String, lower: Int?, upper: Int?, band: CommonBand, colour: String? = nil) {
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

/// A standardised test as a plugin defines it; the scores issue fills in its use.
public struct TestDefinition: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var publisher: String
  public var name: String
  public var subject: String
  public var terms: [Term]
  public var yearGroups: [YearGroup]
  public var minimum: Int
  public var maximum: Int
  public var bands: [ScoreBand]
  /// Half-width of the confidence band: a change smaller than this is not a real change.
  public var confidence: Int

  public func band(of score: Int) -> ScoreBand? { bands.first { $0.contains(score) } }
}

/// One pupil's result in one sitting of a test.
public struct TestScore: Hashable, Sendable, Codable {
  public var pupil: String
  public var test: String
  public var term: Term
  public var raw: Int?
  public var standardised: Int?
  public var date: SchoolDate?
  public var ageMonths: Int?
  public var by: String
  public var device: String
  public var at: Int64
}
