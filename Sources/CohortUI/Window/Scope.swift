import CohortCore

/// What the window is looking at: a scope in the trust, and a half-term.
public struct Scope: Equatable, Sendable {
  public enum Level: Equatable, Sendable {
    case trust
    case school(String)
    case yearGroup(school: String, YearGroup)
    case schoolClass(school: String, classID: String)
  }
  public var level: Level
  public var year: AcademicYear
  public var halfTerm: HalfTerm

  /// The same place as the analyses name it.
  public var analysis: AnalysisScope {
    switch level {
    case .trust: .trust
    case .school(let s): .school(s)
    case .yearGroup(let s, let g): .yearGroup(school: s, g)
    case .schoolClass(_, let c): .schoolClass(c)
    }
  }

  public var schoolID: String? {
    switch level {
    case .trust: nil
    case .school(let s), .yearGroup(let s, _), .schoolClass(let s, _): s
    }
  }
}
