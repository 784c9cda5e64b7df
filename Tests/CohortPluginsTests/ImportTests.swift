import CohortCore
import CohortPluginKit
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

@Suite struct ScoresImportTests {
  func request(
    _ s: SampleFolder, _ text: String, _ options: [String: String], registry: PluginRegistry? = nil, data: Data? = nil
  )
    throws -> ImportRequest
  {
    ImportRequest(
      folder: s.folder, trust: try s.folder.loadTrust(), registry: registry ?? s.registry,
      data: data ?? Data(text.utf8),
      fileName: "scores.csv", options: options)
  }

  func pupils(_ s: SampleFolder, classID: String) throws -> [Pupil] {
    let doc = try s.folder.loadClassYear(school: "oakfield", classID: classID, year: s.year)
    let roster = try s.folder.loadRoster("oakfield")
    return doc.pupils.compactMap { roster.pupil(id: $0) }
  }

  let options = ["test": "nfer-reading", "year": "2026-27", "term": "autumn", "date": "20/11/2026"]

  @Test func previewThenApplyThenReimportChangesNothing() throws {
    let s = try SampleFolder()
    let y3 = try pupils(s, classID: "oakfield-y3")
    let reception = try pupils(s, classID: "oakfield-r")
    let dob = { (p: Pupil) in "\(p.dob.day)/\(p.dob.month)/\(p.dob.year)" }
    let csv = """
      UPN,Name,Date of Birth,Standardised Score
      \(y3[0].upn!),,,104
      ,"\(y3[1].surname), \(y3[1].forename)",\(dob(y3[1])),97
      A123,,,100
      \(y3[2].upn!),,,150
      \(y3[0].upn!),,,99
      ,Nobody Here,01/01/2018,100
      \(reception[0].upn!),,,100
      \(y3[3].upn!),,,

      """
    let importer = ScoresImporter()
    let preview = try importer.preview(try request(s, csv, options))
    #expect(preview.changes.count == 2)
    #expect(preview.changes[0].contains("line 2") && preview.changes[0].contains("no score -> 104"))
    let reasons = Dictionary(uniqueKeysWithValues: preview.rejected.map { ($0.line, $0.reason) })
    #expect(reasons[4]?.contains("no pupil with UPN A123") == true)
    #expect(reasons[5]?.contains("150 is outside") == true)
    #expect(reasons[6]?.contains("already on line 2") == true)
    #expect(
      reasons[7]?.contains("no pupil called Here Nobody") == true || reasons[7]?.contains("no pupil called") == true)
    #expect(reasons[8]?.contains("Reception") == true)
    #expect(reasons[9]?.contains("no score") == true)
    #expect(preview.rejected.count == 6)

    try preview.apply(to: s.folder)
    let doc = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y3", year: s.year)
    let cell = try #require(doc.score(pupil: y3[0].id, test: "nfer-reading", term: .autumn))
    #expect(cell.standardised == 104 && cell.date?.description == "2026-11-20")
    #expect(cell.ageMonths == Age(born: y3[0].dob, on: SchoolDate(iso: "2026-11-20")!)?.totalMonths)
    #expect(doc.score(pupil: y3[1].id, test: "nfer-reading", term: .autumn)?.standardised == 97)

    let again = try importer.preview(try request(s, csv, options))
    #expect(again.changes.isEmpty && again.unchanged == 2 && again.documents.isEmpty)
  }

  @Test func semicolonsABOMAndWindows1252AreRead() throws {
    let s = try SampleFolder()
    let p = try pupils(s, classID: "oakfield-y4")[0]
    var bytes = Data([0xEF, 0xBB, 0xBF])
    bytes.append(Data("Surname;Forename;DOB;SAS\r\n\(p.surname);\(p.forename);\(p.dob);111\r\n".utf8))
    let preview = try ScoresImporter().preview(try request(s, "", options, data: bytes))
    #expect(preview.changes.count == 1 && preview.rejected.isEmpty)
    var latin = Data("UPN,Score,Note\n\(p.upn!),95,".utf8)
    latin.append(0xE9)  // é in Windows-1252
    latin.append(Data("\n".utf8))
    let p2 = try ScoresImporter().preview(try request(s, "", options, data: latin))
    #expect(p2.changes.count == 1 && p2.notes.contains { $0.contains("Windows-1252") })
  }

  @Test func aFileWithoutUsableColumnsSaysWhatItFound() throws {
    let s = try SampleFolder()
    #expect {
      try ScoresImporter().preview(try request(s, "Pupil ref,Mark\nx,3\n", options))
    } throws: { error in
      "\(error)".contains("no column for the UPN") && "\(error)".contains("Pupil ref, Mark")
    }
  }

  @Test func rawScoresNeedATableThenUseIt() throws {
    let s = try SampleFolder()
    let p = try pupils(s, classID: "oakfield-y3")[0]
    let age = try #require(Age(born: p.dob, on: SchoolDate(iso: "2026-11-20")!))
    let csv = "UPN,Raw score\n\(p.upn!),2\n"
    let first = try ScoresImporter().preview(try request(s, csv, options))
    #expect(first.rejected.first?.reason.contains("no age-standardisation table") == true)
    // A table covering this pupil's age, imported as a trust plugin.
    let months = (age.totalMonths - 1)...(age.totalMonths + 1)
    let header = "raw," + months.map { "\($0 / 12):\($0 % 12)" }.joined(separator: ",")
    let table = header + "\n0,70,70,70\n1,80,79,78\n2,91,90,89\n"
    let tablePreview = try TableImporter().preview(try request(s, table, ["test": "nfer-reading", "edition": "2023"]))
    try tablePreview.apply(to: s.folder)
    #expect(FileManager.default.fileExists(atPath: s.path + "/plugins/tables/nfer-reading-2023.json"))
    let registry = BuiltInPlugins.registry(for: s.folder, trust: try s.folder.loadTrust())
    #expect(registry.scoreTables(for: "nfer-reading").tables.map(\.edition) == ["2023"])
    let second = try ScoresImporter().preview(try request(s, csv, options, registry: registry))
    #expect(second.rejected.isEmpty)
    #expect(second.changes.first?.contains("90 (raw 2)") == true)
    // Out of the table: a reason, never a guess.
    let third = try ScoresImporter().preview(
      try request(s, "UPN,Raw score\n\(p.upn!),9\n", options, registry: registry))
    #expect(third.rejected.first?.reason.contains("raw score 9 is outside") == true)
  }
}
