import CohortCore
import CohortPluginKit
import CohortStore
import CohortTestSupport
import Foundation
import Testing

@testable import CohortPlugins

/// Statutory results read as DfE defines them, from a CTF or the Primary Assessment Gateway's
/// CSV, and exported one row per result (issue 16, item 2).
@Suite struct StatutoryResultsTests {
  func request(_ s: SampleFolder, _ text: String, _ options: [String: String] = [:]) throws -> ImportRequest {
    ImportRequest(
      folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(text.utf8),
      fileName: "results", options: ["school": "oakfield"].merging(options) { _, b in b })
  }

  func export(_ s: SampleFolder, year: AcademicYear? = nil) throws -> [[String]] {
    let trust = try s.folder.loadTrust()
    let data = try s.registry.exporter(format: "csv", what: "statutory").export(
      ExportRequest(
        folder: s.folder, scheme: try s.registry.codeScheme(for: trust), year: year,
        statutory: s.registry.statutoryTable))
    return CSVReader.rows(String(decoding: data, as: UTF8.self), delimiter: ",")
  }

  func pupils(_ s: SampleFolder, _ classID: String) throws -> [Pupil] {
    let roster = try s.folder.loadRoster("oakfield")
    return try s.folder.loadClassYear(school: "oakfield", classID: classID, year: s.year).pupils.prefix(2).map {
      roster.pupil(id: $0)!
    }
  }

  @Test func theMTCFileIsExportedAsTheMTCWithItsMeaningAndOddCodesAreSaid() throws {
    let s = try SampleFolder()
    let (a, b) = try { (p: [Pupil]) in (p[0], p[1]) }(try pupils(s, "oakfield-y4"))
    let xml = CTFFixture.mtc([
      (a.upn!, a.surname, a.forename, a.dob.description, "F", "24"),
      (b.upn!, b.surname, b.forename, b.dob.description, "M", "ZZ"),
    ])
    let preview = try CTFImporter().preview(try request(s, xml))
    let odd = try #require(preview.notes.first { $0.contains("'ZZ'") })
    #expect(odd.contains(b.fullName) && odd.contains("<StageAssessment>") && odd.contains("kept as it came"))
    try preview.apply(to: s.folder)
    let rows = try export(s)
    #expect(rows[0] == ["upn", "academic_year", "kind", "subject", "component", "result", "meaning"])
    #expect(rows.contains([a.upn!, "2026-27", "mtc", "MAT", "MTC", "24", "24 of 25"]))
    let kept = try #require(rows.first { $0.first == b.upn })
    #expect(kept[2] == "mtc" && kept[5] == "ZZ" && kept[6].contains("not one of DfE's"))
    #expect(try export(s, year: s.year.previous).count == 1, "only the year asked for")
  }

  @Test func ks2ResultsFromThePrimaryAssessmentGatewayAddResultsOnly() throws {
    let s = try SampleFolder()
    let (a, b) = try { (p: [Pupil]) in (p[0], p[1]) }(try pupils(s, "oakfield-y6"))
    let before = try s.folder.loadRoster("oakfield")
    func dmy(_ d: SchoolDate) -> String { "\(d.day)/\(d.month)/\(d.year)" }
    let csv = """
      DfE number,UPN,Surname,Forename,DOB,Gender,English reading scaled score,English reading outcome,English grammar punctuation and spelling scaled score,Mathematics scaled score,Mathematics outcome,English writing TA,Science TA
      1234567,\(a.upn!),\(a.surname.uppercased()),\(a.forename.uppercased()),\(dmy(a.dob)),M,104,AS,111,,B,EXS,EXS
      1234567,\(b.upn!),\(b.surname),\(b.forename),\(dmy(b.dob)),F,,A,98,120,AS,GDS,HNM

      """
    let preview = try StatutoryCSVImporter().preview(try request(s, csv, ["year": "2026-27"]))
    #expect(preview.rejected.isEmpty, "\(preview.rejected)")
    #expect(preview.changes.count == 2 && preview.changes.allSatisfy { $0.contains("statutory results (5)") })
    try preview.apply(to: s.folder)
    #expect(try s.folder.loadRoster("oakfield").pupils == before.pupils, "names and details stay as they are")
    let rows = try export(s)
    func row(_ p: Pupil, _ kind: String) -> [String]? { rows.first { $0[0] == p.upn && $0[2] == kind } }
    #expect(row(a, "ks2-reading-test")?[6] == "scaled score 104: the expected standard")
    #expect(row(a, "ks2-gps-test")?[6] == "scaled score 111: the high score")
    #expect(row(a, "ks2-maths-test")?[6] == "working below the standard of the test")
    #expect(row(a, "ks2-writing-ta")?[5] == "EXS" && row(b, "ks2-science-ta")?[5] == "HNM")
    #expect(row(b, "ks2-reading-test")?[6] == "absent" && row(b, "ks2-maths-test")?[5] == "120")
    #expect(rows.allSatisfy { $0[1] == "2026-27" || $0[0] == "upn" })
  }
}
