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
