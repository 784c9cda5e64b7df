/// A group of a breakdown of special category data (ethnicity): its size beside it, and
/// nothing about it when it is smaller than `SuppressedBreakdown.minimum`, since a small group's
/// figures point at the pupils in it.
public struct SuppressedGroup: Sendable, Codable, Equatable {
  public var group: String
  /// Nil when the group is suppressed.
  public var n: Int?
  public var summary: BandSummary?
  public var suppressed: Bool { n == nil }
}

public enum SuppressedBreakdown {
  /// Groups of fewer pupils than this are not shown.
  public static let minimum = 5
}

extension Analysis {
  /// DfE's main ethnicity categories in the scope and group, in DfE's order, each with n; a
  /// category with fewer than five pupils shows neither its size nor its figures.
  public func ethnicityBreakdown(
    _ scope: AnalysisScope, group: PupilGroup = .everyone, subject: String, at when: HalfTermRef
  ) -> [SuppressedGroup] {
    let parts = Dictionary(
      breakdown(scope, by: .ethnicity, group: group, subject: subject, at: when), uniquingKeysWith: { a, _ in a })
    return EthnicityCodes.categories.compactMap { name in
      guard let s = parts[name], s.n > 0 else { return nil }
      return s.n < SuppressedBreakdown.minimum
        ? SuppressedGroup(group: name, n: nil, summary: nil) : SuppressedGroup(group: name, n: s.n, summary: s)
    }
  }
}
