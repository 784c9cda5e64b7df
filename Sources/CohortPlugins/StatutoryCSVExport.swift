import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort export csv --what statutory`: one row per statutory result of every school's
/// pupils, read through DfE's table. A result the table does not know is written as it came,
/// with kind "unknown" and the reason as its meaning.
struct StatutoryCSVExporter: Exporter {
  static let columns = ["upn", "academic_year", "kind", "subject", "component", "result", "meaning"]
  let id = "csv.statutory"
  let format = "csv"
  let what = "statutory"
  let title = "Statutory results (CSV)"

  func export(_ r: ExportRequest) throws -> Data {
    var out = CSV.line(Self.columns)
    for ref in r.folder.presentSchools(of: try r.folder.loadTrust()) {
      guard let results = try r.folder.loadStatutory(ref.id) else { continue }
      let pupils = Dictionary(
        try r.folder.loadRoster(ref.id).pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      for id in results.pupils.keys.sorted() {
        let pupil = pupils[id]
        for result in results.pupils[id] ?? [] where r.year == nil || result.academicYear == r.year {
          let reading = r.statutory.read(result, yearGroup: pupil?.yearGroup(in: result.academicYear))
          out += CSV.line([
            pupil?.upn ?? "", result.academicYear.description, reading.kind, result.subject, result.component ?? "",
            result.result, reading.meaning,
          ])
        }
      }
    }
    return Data(out.utf8)
  }
}
