import Foundation

/// Standardised scores: mean 100, standard deviation 15, as the publishers print them.
public enum StandardisedScale {
  public static let mean = 100.0
  public static let standardDeviation = 15.0

  /// Percentile rank (0-100) of a score: the normal CDF at (score - 100) / 15.
  public static func percentile(of score: Double) -> Double {
    let z = (score - mean) / standardDeviation
    return 50 * (1 + erf(z / 2.0.squareRoot()))
  }

  /// "50th percentile"; at the ends "below 1st" and "above 99th", never "0th" or "100th"
  /// (the reported 139-141 and 59 and below).
  public static func percentileLabel(of score: Int) -> String {
    let p = Int(percentile(of: Double(score)).rounded())
    if p >= 100 { return "above 99th percentile" }
    if p < 1 { return "below 1st percentile" }
    return "\(ordinal(p)) percentile"
  }

  static func ordinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
  }
}
