import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort export xlsx --out FILE`: pupils, judgements and scores, one sheet each, with the
/// same columns as the CSV exports.
struct XLSXWorkbookExporter: Exporter {
  let id = "xlsx.workbook"
  let format = "xlsx"
  let what = "workbook"
  let title = "Workbook of pupils, judgements and scores (XLSX)"

  func export(_ r: ExportRequest) throws -> Data {
    let scores = String(decoding: try ScoresCSVExporter().export(r), as: UTF8.self)
    return try XLSXWriter.workbook([
      .init(name: "Pupils", rows: CSVReader.rows(try CSVExport.pupils(r.folder, year: r.year), delimiter: ",")),
      .init(
        name: "Judgements", rows: CSVReader.rows(try CSVExport.judgements(r.folder, scheme: r.scheme), delimiter: ",")),
      .init(name: "Scores", rows: CSVReader.rows(scores, delimiter: ",")),
    ])
  }
}

/// `cohort export ctf --what pupils --school S --out FILE`: a Common Transfer File for the
/// school a pupil moves to.
struct CTFExporter: Exporter {
  let id = "ctf.pupils"
  let format = "ctf"
  let what = "pupils"
  let title = "Pupils and their latest assessments (CTF)"

  func export(_ r: ExportRequest) throws -> Data {
    guard let id = r.options["school"] else { throw InputError("a CTF is one school's: add --school") }
    let school = try r.folder.loadSchool(id)
    guard let year = r.year ?? school.years.last else { throw InputError("\(id) has no classes yet") }
    return Data(try CTFWriter.file(folder: r.folder, school: school, scheme: r.scheme, year: year).utf8)
  }
}
