/// Where a pupil's year group in an academic year comes from: the MIS's record for that year,
/// the MIS's record of another year moved on a year at a time, or (only when the MIS gave
/// none) the date of birth.
public enum YearGroupSource: Hashable, Sendable {
  case mis
  case misCarried(from: AcademicYear)
  case dateOfBirth

  /// "MIS", "MIS (2025-26)", "date of birth": what exports and the Pupil page say.
  public var label: String {
    switch self {
    case .mis: "MIS"
    case .misCarried(let y): "MIS (\(y))"
    case .dateOfBirth: "date of birth"
    }
  }
}

extension Pupil {
  /// The year group the pupil is taught, counted, exported and rolled over in.
  public func yearGroup(in year: AcademicYear) -> YearGroup { placement(in: year).group }

  /// The year group by age alone (born 1 September-31 August).
  public func ageYearGroup(in year: AcademicYear) -> YearGroup { YearGroup(born: dob, in: year) }

  /// A deferred summer-born child, a pupil kept back or moved up: taught outside their age year.
  public func isOutsideAgeYear(in year: AcademicYear) -> Bool { yearGroup(in: year) != ageYearGroup(in: year) }

  public func yearGroupSource(in year: AcademicYear) -> YearGroupSource { placement(in: year).source }

  /// The MIS's year for `year`; else its nearest recorded year, moved a year group per academic
  /// year (a pupil kept back stays a year behind their age); else the date of birth.
  public func placement(in year: AcademicYear) -> (group: YearGroup, source: YearGroupSource) {
    if ncYears.isEmpty { return (ageYearGroup(in: year), .dateOfBirth) }
    if let known = ncYears[year] { return (known, .mis) }
    // Nearest first; between two as near, the later one (the MIS's newer word).
    let nearest = ncYears.min { a, b in
      let (da, db) = (abs(a.key.startYear - year.startYear), abs(b.key.startYear - year.startYear))
      return da != db ? da < db : a.key > b.key
    }!
    return (YearGroup(nearest.value.number + year.startYear - nearest.key.startYear), .misCarried(from: nearest.key))
  }
}

extension Pupil {
  /// "Year 5 in 2025-26", then where it came from: "(by date of birth: the MIS gave none)", or
  /// for a pupil outside their age year "(the MIS's; Year 6 by age)".
  public func yearGroupDescription(in year: AcademicYear) -> String {
    let (group, source) = placement(in: year)
    let head = "\(group.label) in \(year)"
    if source == .dateOfBirth { return head + " (by date of birth: the MIS gave none)" }
    let age = ageYearGroup(in: year)
    return group == age ? head : head + " (the \(source.label)'s; \(age.label) by age)"
  }

  /// The small marker beside the name of a pupil taught outside their age year, and what it means.
  public func outsideAgeYearMarker(in year: AcademicYear) -> (text: String, meaning: String)? {
    guard isOutsideAgeYear(in: year) else { return nil }
    let age = ageYearGroup(in: year)
    return (
      "age \(age.shortLabel)",
      "Taught outside their age year: \(yearGroup(in: year).label) by the MIS, \(age.label) by date of birth"
    )
  }
}
