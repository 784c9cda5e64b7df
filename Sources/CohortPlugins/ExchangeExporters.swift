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

/// `cohort export ctf --what pupils --school S --pupils UPN,UPN [--to-la NNN --to-estab NNNN]
/// --out FILE`: a Common Transfer File of the pupils who move, for the school they move to (an
/// unknown destination is DfE's XXX/XXXX). Its preview says which personal fields leave.
struct CTFExporter: PreviewingExporter {
  let id = "ctf.pupils"
  let format = "ctf"
  let what = "pupils"
  let title = "Pupils who move, with their statutory results (transfer CTF)"

  func transfer(_ r: ExportRequest) throws -> CTFTransfer {
    guard let id = r.options["school"] else { throw InputError("a CTF is one school's: add --school") }
    let trust = try r.folder.loadTrust()
    guard let ref = trust.school(id) else { throw trust.unknownSchool(id) }
    let school = try r.folder.loadSchool(id)
    guard let year = r.year ?? school.years.last else { throw InputError("\(id) has no classes yet") }
    let upns = (r.options["pupils"] ?? "").split(separator: ",").map(String.init)
    let pupils = try CTFTransfer.chosen(upns, roster: try r.folder.loadRoster(id), school: id)
    let dest = try CTFTransfer.destination(la: r.options["to-la"], estab: r.options["to-estab"])
    return try CTFTransfer(
      source: ref, school: school, year: year, pupils: pupils, results: try r.folder.loadStatutory(id), to: dest,
      now: r.now)
  }

  func preview(_ r: ExportRequest) throws -> [String] { try transfer(r).preview }
  func export(_ r: ExportRequest) throws -> Data { Data(try transfer(r).xml.utf8) }
}
