/// Everything analysis needs about one pupil, gathered from the documents of one or more years.
public struct PupilRecord: Sendable {
  public let pupil: Pupil
  public let school: String
  /// The pupil's class in the year being looked at.
  public let classID: String
  public let yearGroup: YearGroup
  /// The year group is not the pupil's age year (deferred, kept back or moved up).
  public let outsideAgeYear: Bool
  /// Codes by half-term and subject, over every year loaded.
  public var codes: PupilCodes
  /// Standardised scores by test and (year, term).
  public var scores: PupilScores

  public init(
    pupil: Pupil, school: String, classID: String, yearGroup: YearGroup, outsideAgeYear: Bool = false,
    codes: PupilCodes = PupilCodes(), scores: PupilScores = PupilScores()
  ) {
    self.pupil = pupil
    self.school = school
    self.classID = classID
    self.yearGroup = yearGroup
    self.outsideAgeYear = outsideAgeYear
    self.codes = codes
    self.scores = scores
  }

  public func code(_ subject: String, at when: HalfTermRef) -> String? { codes[subject, at: when] }
}

/// A term in a given academic year.
public struct TermRef: Hashable, Sendable, Comparable {
  public let year: AcademicYear
  public let term: Term
  public init(_ year: AcademicYear, _ term: Term) {
    self.year = year
    self.term = term
  }
  public static func < (a: TermRef, b: TermRef) -> Bool { (a.year, a.term.rank) < (b.year, b.term.rank) }
}

/// Where in the trust an analysis looks.
public enum AnalysisScope: Hashable, Sendable, CustomStringConvertible {
  case trust
  case school(String)
  case yearGroup(school: String?, YearGroup)
  case schoolClass(String)
  case pupils([String])

  /// For one record; `Analysis` answers for all of them at once from its columns.
  public func contains(_ r: PupilRecord) -> Bool {
    switch self {
    case .trust: true
    case .school(let s): r.school == s
    case .yearGroup(let s, let g): (s == nil || r.school == s) && r.yearGroup == g
    case .schoolClass(let c): r.classID == c
    case .pupils(let ids): ids.contains(r.pupil.id)
    }
  }

  /// Whether pupils of `school` can be in the scope in `year`: a view of one school, one of its
  /// year groups or one of its classes needs that school's documents only.
  public func mayInclude(_ school: School, in year: AcademicYear) -> Bool {
    mayInclude(school: school.id) { c in school.classes(in: year).contains { $0.id == c } }
  }

  /// The same for a school known by its id, `hasClass` telling whether it has a class that year.
  public func mayInclude(school id: String, hasClass: (String) -> Bool) -> Bool {
    switch self {
    case .trust, .pupils, .yearGroup(nil, _): true
    case .school(let s), .yearGroup(let s?, _): id == s
    case .schoolClass(let c): hasClass(c)
    }
  }

  /// "trust", "school:oakfield", "year:oakfield:3" (or "year:3" across the trust), "class:oakfield-y3", "pupils:a,b".
  public static func parse(_ text: String) throws -> AnalysisScope {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    switch (parts.first?.lowercased(), parts.count) {
    case ("trust", 1): return .trust
    case ("school", 2): return .school(parts[1])
    case ("year", 2): return .yearGroup(school: nil, try YearGroup.parse(parts[1]))
    case ("year", 3): return .yearGroup(school: parts[1], try YearGroup.parse(parts[2]))
    case ("class", 2): return .schoolClass(parts[1])
    case ("pupils", 2): return .pupils(parts[1].split(separator: ",").map(String.init))
    default:
      throw InputError("unknown scope '\(text)': use trust, school:ID, year:SCHOOL:N, year:N, class:ID or pupils:ID,ID")
    }
  }

  /// "trust", "school", "year", "class" or "pupils": what a report says it takes.
  public var kind: String { String(description.prefix { $0 != ":" }) }

  public var description: String {
    switch self {
    case .trust: "trust"
    case .school(let s): "school:\(s)"
    case .yearGroup(let s, let g): "year:" + (s.map { "\($0):" } ?? "") + String(g.number)
    case .schoolClass(let c): "class:\(c)"
    case .pupils(let ids): "pupils:" + ids.joined(separator: ",")
    }
  }
}
