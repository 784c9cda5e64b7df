import CohortCore
import CohortPluginKit
import CohortStore
import CohortTestSupport
import Foundation
import Testing

@testable import CohortPlugins

/// DfE's MTC results file adds results to the pupils it matches and changes nothing else; no
/// import changes a name only by letter case (issue 16, item 3).
@Suite struct ResultsOnlyCTFTests {
  func request(_ s: SampleFolder, _ text: String, name: String = "mtc.xml") throws -> ImportRequest {
    ImportRequest(
      folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(text.utf8),
      fileName: name, options: ["school": "oakfield"])
  }

  /// Two Year 4 pupils, the first renamed Hannah so that the capitals show.
  func year4(_ s: SampleFolder) throws -> [Pupil] {
    var roster = try s.folder.loadRoster("oakfield")
    let ids = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y4", year: s.year).pupils
    let k = try #require(roster.pupils.firstIndex { $0.id == ids[0] })
    roster.pupils[k].forename = "Hannah"
    try s.folder.saveRoster(roster)
    return ids.prefix(2).map { id in roster.pupil(id: id)! }
  }

  @Test func dfesMTCFileAddsResultsAndChangesNothingElse() throws {
    let s = try SampleFolder()
    let pupils = try year4(s)
    let before = try s.folder.loadRoster("oakfield")
    let classesBefore = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y4", year: s.year)
    let stranger = CTFFixture.upn(9999)
    let xml = CTFFixture.mtc(
      pupils.map { ($0.upn!, $0.surname, $0.forename, $0.dob.description, "F", "25") }
        + [(stranger, "Nobody", "Known", "2017-01-01", "M", "J")])
    let preview = try CTFImporter().preview(try request(s, xml))
    #expect(preview.rejected.count == 1 && preview.rejected[0].reason.contains("UPN \(stranger)"))
    #expect(preview.changes.count == 2 && preview.changes.allSatisfy { $0.contains("statutory results (1)") })
    #expect(preview.offers.isEmpty, "a results file says nothing about who has left")
    #expect(preview.notes.contains { $0.contains("a file of results only") })
    #expect(preview.documents.isEmpty, "no class places")
    try preview.apply(to: s.folder)
    #expect(try s.folder.loadRoster("oakfield").pupils == before.pupils, "no name, sex or detail changed")
    #expect(try s.folder.loadRoster("oakfield").pupil(id: pupils[0].id)?.forename == "Hannah")
    #expect(
      try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y4", year: s.year).pupils
        == classesBefore.pupils)
    let results = try #require(try s.folder.loadStatutory("oakfield")?.pupils[pupils[0].id])
    #expect(results.map(\.component) == ["MTC"] && results[0].result == "25")
    #expect(try CTFImporter().preview(try request(s, xml)).changes.isEmpty, "the same file again changes nothing")
  }

  @Test func aNameDifferingOnlyInLetterCaseIsLeftByEveryImport() throws {
    let s = try SampleFolder()
    let hannah = try year4(s)[0]
    let csv =
      "UPN,Surname,Forename,DOB\n\(hannah.upn!),\(hannah.surname.uppercased()),HANNAH,\(hannah.dob)\n"
    let preview = try RosterCSVImporter().preview(try request(s, csv, name: "r.csv"))
    #expect(!preview.changes.contains { $0.contains("forename") || $0.contains("surname") }, "\(preview.changes)")
    var ctf = CTFFixture(version: "26.0")
    ctf.pupils = [
      .init(upn: hannah.upn, surname: hannah.surname, forename: "Hanna", dob: hannah.dob.description)
    ]
    let renamed = try CTFImporter().preview(try request(s, ctf.xml))
    #expect(renamed.changes.contains { $0.contains("forename: Hannah -> Hanna") }, "a real change of name is taken")
  }
}
