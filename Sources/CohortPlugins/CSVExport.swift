import CohortCore
import CohortStore
import Foundation

/// The CSV exports. Their columns are a contract that other tools script against: add
/// columns only at the end, never rename one.
public enum CSVExport {
  public static let judgementColumns = [
    "school", "class", "pupil_id", "upn", "surname", "forename", "year_group", "academic_year", "half_term",
    "subject", "code", "band", "entered_by", "entered_at",
  ]
  public static let pupilColumns = [
    "pupil_id", "upn", "surname", "forename", "dob", "sex", "school", "class", "year_group", "pupil_premium", "fsm",
    "sen", "eal", "year_group_source", "age_year_group",
  ]

  /// Every judgement in the trust: school, year, class (pupil order), subject, half-term.
  public static func judgements(_ folder: DataFolder, scheme: CodeScheme) throws -> String {
    let trust = try folder.loadTrust()
    var out = CSV.line(judgementColumns)
    for ref in folder.presentSchools(of: trust) {
      let school = try folder.loadSchool(ref.id)
      let pupils = Dictionary(
        try folder.loadRoster(ref.id).pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      for year in school.years {
        for c in school.classes(in: year) {
          let doc = try folder.loadClassYear(school: ref.id, classID: c.id, year: year)
          for id in doc.pupils {
            let p = pupils[id]
            for subject in trust.subjects {
              for half in HalfTerm.allCases {
                guard let cell = doc.cell(pupil: id, subject: subject.id, halfTerm: half), let code = cell.code
                else { continue }
                out += CSV.line([
                  ref.id, c.id, id, p?.upn ?? "", p?.surname ?? "", p?.forename ?? "",
                  p.map { yearLabel($0.yearGroup(in: year)) } ?? "", year.description, half.rawValue, subject.id,
                  code, scheme.band(of: code)?.rawValue ?? "", cell.author.by, SchoolDate.isoTime(cell.at),
                ])
              }
            }
          }
        }
      }
    }
    return out
  }

  /// Every pupil on every roster, with their class and year group in `year` (the latest year by
  /// default): the MIS's year group, where it came from, and the age year beside it.
  public static func pupils(_ folder: DataFolder, year: AcademicYear?) throws -> String {
    let trust = try folder.loadTrust()
    var out = CSV.line(pupilColumns)
    for ref in folder.presentSchools(of: trust) {
      let school = try folder.loadSchool(ref.id)
      guard let y = year ?? school.years.last else { continue }
      var classOf: [String: String] = [:]
      for c in school.classes(in: y) {
        for id in try folder.loadClassYear(school: ref.id, classID: c.id, year: y).pupils { classOf[id] = c.id }
      }
      for p in try folder.loadRoster(ref.id).pupils {
        out += CSV.line([
          p.id, p.upn ?? "", p.surname, p.forename, p.dob.description, p.sex.rawValue, ref.id, classOf[p.id] ?? "",
          yearLabel(p.yearGroup(in: y)), yn(p.pupilPremium), yn(p.fsm), p.send.rawValue, yn(p.eal),
          p.yearGroupSource(in: y).label, yearLabel(p.ageYearGroup(in: y)),
        ])
      }
    }
    return out
  }

  static func yn(_ b: Bool) -> String { b ? "Y" : "N" }
  static func yearLabel(_ y: YearGroup) -> String { y.ctfCode }
}
