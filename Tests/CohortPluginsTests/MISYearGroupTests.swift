import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

/// The MIS's year group wins: imports keep it per academic year; analysis, the pupils export
/// and the rollover use it (issue 16, item 1).
@Suite struct MISYearGroupTests {
  func request(_ s: SampleFolder, _ ctf: CTFFixture) throws -> ImportRequest {
    ImportRequest(
      folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(ctf.bytes),
      fileName: "mis.xml", options: ["school": "oakfield"])
  }

  /// A summer-born child whose start was deferred: Year 6 by age in 2026-27, Year 5 in the MIS.
  func deferredPupil(ncYear: String = "5") -> CTFFixture {
    var f = CTFFixture(version: "26.0")
    f.pupils = [
      .init(upn: CTFFixture.upn(9001), surname: "Hill", forename: "Ava", dob: "2016-07-20", ncYear: ncYear)
    ]
    return f
  }

  func importDeferred(_ s: SampleFolder) throws -> Pupil {
    let preview = try CTFImporter().preview(try request(s, deferredPupil()))
    #expect(preview.rejected.isEmpty, "\(preview.rejected)")
    #expect(!preview.notes.contains { $0.contains("years from") }, "one year from the age year is no slip")
    #expect(preview.changes.contains { $0.contains("new pupil Ava Hill") && $0.hasSuffix("Year 5") })
    try preview.apply(to: s.folder)
    return try #require(try s.folder.loadRoster("oakfield").pupils.first { $0.surname == "Hill" })
  }

  @Test func aDeferredSummerBornPupilIsCountedAndExportedInTheMISYearGroup() throws {
    let s = try SampleFolder()
    let ava = try importDeferred(s)
    #expect(ava.ncYears == [s.year: YearGroup(5)])
    let y5 = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y5", year: s.year)
    #expect(y5.pupils.contains(ava.id), "placed in the only Year 5 class")
    let records = try AnalysisLoader.load(s.folder, trust: try s.folder.loadTrust(), year: s.year)
    let record = try #require(records.first { $0.pupil.id == ava.id })
    #expect(record.yearGroup == YearGroup(5) && record.outsideAgeYear)
    let analysis = Analysis(records: records, scheme: try s.registry.codeScheme(for: try s.folder.loadTrust()))
    let outside = analysis.indices(
      in: .trust, group: PupilGroup(with: [.outsideAgeYear]), subject: "reading", year: s.year)
    #expect(outside.map { records[$0].pupil.id } == [ava.id], "leaders see them as a group")
    // The pupils export: the MIS's year group, where it came from, and the age year beside it.
    let rows = CSVReader.rows(try CSVExport.pupils(s.folder, year: s.year), delimiter: ",")
    let header = rows[0]
    let row = try #require(rows.first { $0.first == ava.id })
    func cell(_ name: String) -> String { row[header.firstIndex(of: name)!] }
    #expect(cell("year_group") == "5" && cell("year_group_source") == "MIS" && cell("age_year_group") == "6")
    let other = try #require(rows.dropFirst().first { $0.first != ava.id && !$0[0].isEmpty })
    #expect(other[header.firstIndex(of: "year_group_source")!] == "date of birth")
    // The year before: moved back a year from the MIS's record, and said so.
    let before = CSVReader.rows(try CSVExport.pupils(s.folder, year: s.year.previous), delimiter: ",")
    let earlier = try #require(before.first { $0.first == ava.id })
    #expect(earlier[header.firstIndex(of: "year_group")!] == "4")
    #expect(earlier[header.firstIndex(of: "year_group_source")!] == "MIS (\(s.year))")
  }

  @Test func theRolloverMovesAPupilUpFromTheirOwnYearGroup() throws {
    let s = try SampleFolder()
    let ava = try importDeferred(s)
    let next = s.year.next
    let outcome = try Rollover(folder: s.folder).run(school: "oakfield", to: next)
    let after = try #require(try s.folder.loadRoster("oakfield").pupil(id: ava.id))
    #expect(after.leftOn == nil, "still in Year 5 this year: not a Year 6 leaver")
    #expect(after.yearGroup(in: next) == YearGroup(6))
    let y6 = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y6", year: next)
    #expect(y6.pupils.contains(ava.id))
    #expect(outcome.leavers > 0 && !outcome.unplaced.contains(ava.id))
    // A year later they leave from Year 6, a year after their age group.
    var school = try s.folder.loadSchool("oakfield")
    school.readOnlyYears = []
    try s.folder.saveSchool(school)
    _ = try Rollover(folder: s.folder).run(school: "oakfield", to: next.next)
    #expect(try s.folder.loadRoster("oakfield").pupil(id: ava.id)?.leftOn == next.lastDay)
  }

  @Test func anNCYearMoreThanAYearFromTheAgeYearIsWarnedAndKept() throws {
    let s = try SampleFolder()
    let preview = try CTFImporter().preview(try request(s, deferredPupil(ncYear: "3")))
    let warning = try #require(preview.notes.first { $0.contains("years from") })
    #expect(warning.contains("Ava Hill") && warning.contains("<NCyearActual> Y3 is 3 years from Y6"))
    #expect(warning.hasPrefix("line "))
    try preview.apply(to: s.folder)
    let ava = try #require(try s.folder.loadRoster("oakfield").pupils.first { $0.surname == "Hill" })
    #expect(ava.yearGroup(in: s.year) == YearGroup(3), "the MIS's is kept")
  }

  @Test func aRosterCSVYearGroupIsKeptForTheYearAndShownAsAChange() throws {
    let s = try SampleFolder()
    let pupil = try #require(
      try s.folder.loadRoster("oakfield").pupils.first { $0.leftOn == nil && $0.yearGroup(in: s.year) == YearGroup(5) })
    let csv = "UPN,Surname,Forename,DOB,Year\n\(pupil.upn!),\(pupil.surname),\(pupil.forename),\(pupil.dob),Year 4\n"
    let preview = try RosterCSVImporter().preview(
      ImportRequest(
        folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(csv.utf8),
        fileName: "r.csv", options: ["school": "oakfield"]))
    #expect(preview.changes.contains { $0.contains("year group in \(s.year): Y5 (date of birth) -> Y4 (MIS)") })
    try preview.apply(to: s.folder)
    #expect(try s.folder.loadRoster("oakfield").pupil(id: pupil.id)?.yearGroup(in: s.year) == YearGroup(4))
  }
}

/// An unknown LA code in a UPN is one line naming the pupil and the element; the import is
/// still the person's to accept (issue 16, item 6).
@Suite struct UPNLACodeImportTests {
  @Test func anUnknownLACodeIsNamedAndNothingElseChanges() throws {
    let s = try SampleFolder()
    let digits = "000361409001"
    let upn = String(UPN.checkLetter(Array(digits))!) + digits
    var f = CTFFixture(version: "26.0")
    f.pupils = [.init(upn: upn, surname: "Hill", forename: "Ava", dob: "2019-10-01")]
    let preview = try CTFImporter().preview(
      ImportRequest(
        folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(f.bytes),
        fileName: "mis.xml", options: ["school": "oakfield"]))
    let notes = preview.notes.filter { $0.contains("local authority") }
    #expect(notes.count == 1 && notes[0].contains("Ava Hill: <UPN> UPN \(upn): characters 2-4 ('000')"))
    #expect(notes[0].hasPrefix("line "))
    #expect(
      !preview.notes.contains { $0.contains("local authority") && !$0.contains("Ava Hill") }, "sample UPNs are real")
  }
}

/// An unknown ethnicity code is one line naming the pupil and the element, without the value
/// (special category data), and is kept (issue 16, item 7).
@Suite struct EthnicityImportTests {
  @Test func anUnknownEthnicityCodeIsNamedNotSpelledOut() throws {
    let s = try SampleFolder()
    var f = CTFFixture(version: "26.0")
    f.pupils = [.init(upn: CTFFixture.upn(77), surname: "Hill", forename: "Ava", dob: "2019-10-01", ethnicity: "QQQQ")]
    let preview = try CTFImporter().preview(
      ImportRequest(
        folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(f.bytes),
        fileName: "mis.xml", options: ["school": "oakfield"]))
    let notes = preview.notes.filter { $0.contains("<Ethnicity>") }
    #expect(notes.count == 1 && notes[0].contains("Ava Hill") && notes[0].hasPrefix("line "))
    #expect(!(preview.notes + preview.changes).joined().contains("QQQQ"))
    try preview.apply(to: s.folder)
    #expect(try s.folder.loadRoster("oakfield").pupils.first { $0.surname == "Hill" }?.ethnicity == "QQQQ")
    #expect(!(try s.folder.journalEntries()).contains { "\($0)".contains("QQQQ") }, "never in the journal")
  }
}
