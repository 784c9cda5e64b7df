import CohortCore
import CohortPluginKit
import Foundation

/// Every score in the trust as CSV. The columns are a contract: add only at the end.
struct ScoresCSVExporter: Exporter {
  let id = "csv.scores"
  let format = "csv"
  let what = "scores"
  let title = "Standardised scores (CSV)"

  static let columns = [
    "school", "class", "pupil_id", "upn", "academic_year", "term", "test", "subject", "raw", "standardised",
    "age_months",
    "band", "percentile",
  ]

  func export(_ r: ExportRequest) throws -> Data {
    let trust = try r.folder.loadTrust()
    let tests = Dictionary(r.tests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var out = CSV.line(Self.columns)
    for ref in r.folder.presentSchools(of: trust) {
      let school = try r.folder.loadSchool(ref.id)
      let upns = Dictionary(
        try r.folder.loadRoster(ref.id).pupils.map { ($0.id, $0.upn ?? "") }, uniquingKeysWith: { a, _ in a })
      for year in school.years where r.year == nil || r.year == year {
        for c in school.classes(in: year) {
          let doc = try r.folder.loadClassYear(school: ref.id, classID: c.id, year: year)
          let keys = doc.scores.keys.filter { doc.score(pupil: $0.pupil, test: $0.test, term: $0.term) != nil }
          let order = Dictionary(doc.pupils.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
          for key in keys.sorted(by: {
            (order[$0.pupil] ?? 0, $0.test, $0.term.rank) < (order[$1.pupil] ?? 0, $1.test, $1.term.rank)
          }) {
            let s = doc.scores[key]!
            let test = tests[key.test]
            let band = s.standardised.flatMap { test?.band(of: $0) }
            out += CSV.line([
              ref.id, c.id, key.pupil, upns[key.pupil] ?? "", year.description, key.term.rawValue, key.test,
              test?.subject ?? "",
              s.raw.map(String.init) ?? "", s.standardised.map(String.init) ?? "", s.ageMonths.map(String.init) ?? "",
              band?.label ?? "",
              s.standardised.map { String(format: "%.1f", StandardisedScale.percentile(of: Double($0))) } ?? "",
            ])
          }
        }
      }
    }
    return Data(out.utf8)
  }
}
