/// The DfE codes a CTF's pupil details use that Cohort maps to its own, from the Common Basic
/// Data Set: NC year (`NCyearActual`) and SEN provision, old codes included.
public enum CTFCodes {
  public enum NCYear: Hashable, Sendable {
    case year(YearGroup)
    /// "X": not following a national curriculum year group.
    case notFollowing
  }

  /// "N1", "N2" (nursery: -2, -1), "R", "1"-"14", "X"; nil for anything else.
  public static func ncYear(_ text: String) -> NCYear? {
    let t = text.trimmingWhitespace.uppercased()
    switch t {
    case "X": return .notFollowing
    case "N1": return .year(YearGroup(-2))
    case "N2": return .year(YearGroup(-1))
    case "R": return .year(.reception)
    default:
      guard t.count <= 2, let n = Int(t), (1...14).contains(n) else { return nil }
      return .year(YearGroup(n))
    }
  }

  /// N, K, E; and the codes before the 2014 reforms: School Action (A) and School Action Plus
  /// (P) are SEN support now, a statement (S) an EHC plan.
  public static func sen(_ text: String) -> SENDStatus? {
    switch text.trimmingWhitespace.uppercased() {
    case "N": SENDStatus.none
    case "K", "A", "P": .support
    case "E", "S": .ehcPlan
    default: nil
    }
  }
}
