import CohortCore
import CohortPluginKit
import CohortStore
import Foundation
import Testing
import ZIPFoundation

@testable import CohortPlugins

@Suite struct ExchangeExportTests {
  func request(_ s: SampleFolder, _ options: [String: String] = [:]) throws -> ExportRequest {
    let trust = try s.folder.loadTrust()
    return ExportRequest(
      folder: s.folder, scheme: try s.registry.codeScheme(for: trust), year: s.year, tests: s.registry.tests,
      options: options)
  }

  /// Reads a worksheet back through the zip and the XML, as a spreadsheet would.
  static func sheets(_ data: Data) throws -> [String: [[String]]] {
    let archive = try Archive(data: data, accessMode: .read)
    func text(_ path: String) throws -> [UInt8] {
      var out = Data()
      _ = try archive.extract(try #require(archive[path], "\(path) in the workbook")) { out.append($0) }
      return Array(out)
    }
    let names = try XMLReader.parse(try text("xl/workbook.xml")).child("sheets")!.all("sheet").map {
      $0.attributes["name"]!
    }
    var out: [String: [[String]]] = [:]
    for (i, name) in names.enumerated() {
      let rows = try XMLReader.parse(try text("xl/worksheets/sheet\(i + 1).xml")).child("sheetData")!.all("row")
      out[name] = rows.map { row in
        var cells: [String] = []
        for c in row.all("c") {
          let col =
            c.attributes["r"]!.prefix { $0.isLetter }.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
          while cells.count < col { cells.append("") }
          cells.append(c.attributes["t"] == "inlineStr" ? c.find("is", "t")!.text : c.value("v") ?? "")
        }
        return cells
      }
    }
    return out
  }

  @Test func workbookHoldsTheCSVExportsOneSheetEach() throws {
    let s = try SampleFolder()
    let data = try XLSXWorkbookExporter().export(try request(s))
    let sheets = try Self.sheets(data)
    #expect(Set(sheets.keys) == ["Pupils", "Judgements", "Scores"])
    func trimmed(_ rows: [[String]]) -> [[String]] {
      rows.map { r in Array(r.reversed().drop { $0.isEmpty }.reversed()) }
    }
    let pupils = CSVReader.rows(try CSVExport.pupils(s.folder, year: s.year), delimiter: ",")
    let judgements = CSVReader.rows(try CSVExport.judgements(s.folder, scheme: try request(s).scheme), delimiter: ",")
    #expect(sheets["Pupils"] == trimmed(pupils))
    #expect(sheets["Judgements"]!.count == judgements.count && judgements.count > 1000)
    #expect(sheets["Judgements"] == trimmed(judgements))
    #expect(sheets["Scores"]?.first == ScoresCSVExporter.columns)
  }

  @Test func numbersAreNumbersAndIdentifiersStayText() throws {
    let data = try XLSXWriter.workbook([
      .init(name: "S", rows: [["104", "45.3", "007", "0", "0.5", "A12", "1.", "2016-03-14"]])
    ])
    let archive = try Archive(data: data, accessMode: .read)
    var xml = Data()
    _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { xml.append($0) }
    let cells = try XMLReader.parse(Array(xml)).child("sheetData")!.child("row")!.all("c")
    #expect(cells.map { $0.attributes["t"] == nil } == [true, true, false, true, true, false, false, false])
    #expect(try Self.sheets(data)["S"] == [["104", "45.3", "007", "0", "0.5", "A12", "1.", "2016-03-14"]])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/libreoffice")))
  func libreOfficeOpensTheWorkbook() throws {
    let s = try SampleFolder(schools: 1)
    let dir = s.path + "/lo"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try XLSXWorkbookExporter().export(try request(s)).write(to: URL(fileURLWithPath: dir + "/book.xlsx"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/libreoffice")
    // Filter options: comma, quote, UTF-8, from row 1, ..., -1: every sheet to its own file.
    p.arguments = [
      "-env:UserInstallation=file://\(dir)/profile", "--headless", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "book.xlsx", "--outdir", dir,
    ]
    p.currentDirectoryURL = URL(fileURLWithPath: dir)
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    let csv = try String(contentsOfFile: dir + "/book-Pupils.csv", encoding: .utf8)
    #expect(
      CSVReader.rows(csv, delimiter: ",")
        == CSVReader.rows(try CSVExport.pupils(s.folder, year: s.year), delimiter: ","))
    let judgements = try String(contentsOfFile: dir + "/book-Judgements.csv", encoding: .utf8)
    let expected = CSVReader.rows(try CSVExport.judgements(s.folder, scheme: try request(s).scheme), delimiter: ",")
    #expect(expected.count > 100 && CSVReader.rows(judgements, delimiter: ",") == expected)
  }
}
