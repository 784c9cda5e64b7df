/// One statutory assessment result as the DfE's Common Transfer File carries it (a
/// `StageAssessment`): kept as it came so that nothing is lost; `StatutoryTable.read` says
/// which assessment it is and what it means.
public struct StatutoryResult: Hashable, Sendable, Codable {
  /// "FS" (EYFS), "KS1", "KS2" (the CTF's KeyStage/Stage).
  public var stage: String
  /// The year the assessment was made, e.g. 2023.
  public var year: Int
  /// "ENG", "RDG", "WRI", "MAT", "GPS", "SCI", "PHO", "MTC", "GLD"...
  public var subject: String
  /// "TA" (teacher assessment) or "TT" (test).
  public var method: String
  public var component: String?
  public var locale: String?
  public var resultStatus: String?
  public var resultQualifier: String?
  public var result: String

  public init(
    stage: String, year: Int, subject: String, method: String, component: String? = nil, locale: String? = nil,
    resultStatus: String? = nil, resultQualifier: String? = nil, result: String
  ) {
    self.stage = stage
    self.year = year
    self.subject = subject
    self.method = method
    self.component = component
    self.locale = locale
    self.resultStatus = resultStatus
    self.resultQualifier = resultQualifier
    self.result = result
  }

  /// Two results are the same assessment when these agree; a re-import replaces, never adds.
  public var identity: String {
    [stage, String(year), subject, method, component ?? ""].map { $0.uppercased() }.joined(separator: "|")
  }

  /// The academic year the assessment was made in: results are dated by their summer
  /// (`Year` 2027 is 2026-27).
  public var academicYear: AcademicYear { AcademicYear(startYear: year - 1) }
}

/// The statutory results of a school's pupils (`schools/<school>/statutory.json`), kept apart
/// from the roster so that a Cohort without this document keeps the roster as it was.
public struct StatutoryResults: Hashable, Sendable, VersionedDocument {
  public var format: Int
  public var school: String
  /// Pupil id -> results, oldest first.
  public var pupils: [String: [StatutoryResult]]

  public init(school: String, pupils: [String: [StatutoryResult]] = [:]) {
    self.format = DocumentFormat.current
    self.school = school
    self.pupils = pupils
  }

  /// Adds results, replacing any with the same identity; true when something changed.
  @discardableResult
  public mutating func merge(_ results: [StatutoryResult], for pupil: String) -> Bool {
    var list = pupils[pupil] ?? []
    let before = list
    for r in results {
      if let k = list.firstIndex(where: { $0.identity == r.identity }) { list[k] = r } else { list.append(r) }
    }
    list.sort { ($0.year, $0.stage, $0.subject, $0.method) < ($1.year, $1.stage, $1.subject, $1.method) }
    guard list != before else { return false }
    pupils[pupil] = list
    return true
  }
}
