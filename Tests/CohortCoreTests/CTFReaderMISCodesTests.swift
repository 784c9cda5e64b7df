import CohortTestSupport
import Testing

@testable import CohortCore

/// What real MIS and DfE files carry: later versions, nursery and X year codes, SEN codes from
/// before 2014, and DfE's results-only MTC file (issue 16, items 2-4).
@Suite struct CTFReaderMISCodesTests {
  func one(_ change: (inout CTFFixture.Pupil) -> Void, version: String = "26.0") throws -> (RosterFile, RosterEntry?) {
    var p = CTFFixture.Pupil(upn: CTFFixture.upn(1), surname: "Khan", forename: "Amira", dob: "2016-03-14")
    change(&p)
    let (_, file) = try CTFReader.read(CTFFixture(version: version, pupils: [p]).bytes)
    return (file, file.entries.first)
  }

  @Test(arguments: ["27.0", "28.1", "40.0"])
  func aVersionAfterTheNewestKnownIsReadWithANote(version: String) throws {
    let (file, e) = try one({ $0.ncYear = "4" }, version: version)
    #expect(e?.yearGroup == YearGroup(4) && file.problems.isEmpty)
    #expect(file.notes.contains { $0.contains("version \(version), newer than the newest this Cohort knows (26.0)") })
    let (known, _) = try one({ _ in }, version: "26.0")
    #expect(known.notes.isEmpty)
  }

  @Test(arguments: [("N1", -2), ("N2", -1), ("R", 0), ("1", 1), ("6", 6), ("14", 14), ("r", 0)])
  func nurseryAndOtherYearCodesAreMapped(code: String, number: Int) throws {
    let (file, e) = try one { $0.ncYear = code }
    #expect(file.problems.isEmpty && e?.yearGroup == YearGroup(number))
  }

  @Test func xMeansNoNCYearAndTheDateOfBirthDecidesSaidOnce() throws {
    let (file, e) = try one { $0.ncYear = "X" }
    #expect(file.problems.isEmpty && e?.yearGroup == nil)
    #expect(file.notes.count == 1 && file.notes[0].contains("Amira Khan: <NCyearActual> X"))
    #expect(file.notes[0].hasPrefix("line "))
    let (bad, _) = try one { $0.ncYear = "15" }
    #expect(bad.problems.first?.reason.contains("<NCyearActual> '15' is not a year group") == true)
  }

  @Test(arguments: [("A", SENDStatus.support), ("P", .support), ("S", .ehcPlan), ("K", .support), ("N", .none)])
  func senCodesFromBefore2014AreMapped(code: String, status: SENDStatus) throws {
    let (file, e) = try one { $0.sen = [("2013-09-01", code)] }
    #expect(file.problems.isEmpty && e?.send == status)
  }

  @Test func theHeaderNamesSourceAndDestination() throws {
    let (header, _) = try CTFReader.read(CTFFixture(version: "26.0").bytes)
    #expect(header.sourceLA == "123" && header.sourceEstab == "4567" && header.sourceURN == "100001")
    #expect(header.academicYear == AcademicYear(startYear: 2026))
    #expect(header.destLA == "123" && header.destEstab == "4567")
  }

  @Test func dfesMTCFileIsResultsOnlyAndFiledAsTheMTC() throws {
    let xml = CTFFixture.mtc([
      (CTFFixture.upn(1), "Khan", "Hannah", "2017-03-14", "F", "24"),
      (CTFFixture.upn(2), "Lee", "Bo", "2017-05-01", "M", "A"),
    ])
    let (header, file) = try CTFReader.read(Array(xml.utf8))
    #expect(header.version == "26.0" && header.sourceLA == "201" && header.destEstab == "3614")
    #expect(file.problems.isEmpty && file.entries.count == 2)
    let hannah = file.entries[0]
    #expect(hannah.resultsOnly && hannah.forename == "HANNAH" && hannah.yearGroup == nil && hannah.send == nil)
    let r = try #require(hannah.results.first)
    #expect((r.stage, r.subject, r.method, r.component, r.resultQualifier) == ("KS2", "MAT", "TT", "MTC", "MT"))
    #expect(r.year == 2027 && r.result == "24")
    // A pupil with details (an MIS's CTF) is not results-only.
    let (_, mis) = try one { $0.ncYear = "4" }
    #expect(mis?.resultsOnly == false)
  }
}

/// Service children and previously looked-after pupils from a CTF or a CSV roster (issue 16, item 7).
@Suite struct GroupFlagsReaderTests {
  @Test func aCTFGivesServiceChildAndPreviouslyLookedAfter() throws {
    var f = CTFFixture(version: "26.0")
    f.pupils = [
      .init(
        upn: CTFFixture.upn(1), surname: "Khan", forename: "Amira", dob: "2016-03-14", ncYear: "4",
        extra: "      <ServiceChild>Y</ServiceChild><AdoptedFromCare>true</AdoptedFromCare>\n"),
      .init(
        upn: CTFFixture.upn(2), surname: "Lee", forename: "Bo", dob: "2016-03-14",
        extra: "      <ServiceChild>N</ServiceChild>\n"),
      .init(upn: CTFFixture.upn(3), surname: "Ng", forename: "Al", dob: "2016-03-14"),
    ]
    let (_, file) = try CTFReader.read(f.bytes)
    #expect(file.entries.map(\.serviceChild) == [true, false, nil])
    #expect(file.entries.map(\.previouslyLookedAfter) == [true, nil, nil])
  }

  @Test func aCSVRosterGivesThemAndSpelledOutEthnicities() throws {
    let csv = """
      Surname,Forename,DOB,Service Child,Previously Looked After,Ethnicity
      Khan,Amira,14/03/2016,Y,N,Pakistani
      Lee,Bo,14/03/2016,N,Y,WXYZ
      """
    let file = try RosterCSV.read(csv)
    #expect(file.problems.isEmpty)
    #expect(
      file.entries.map(\.serviceChild) == [true, false] && file.entries.map(\.previouslyLookedAfter) == [false, true])
    #expect(file.entries.map(\.ethnicity) == ["APKN", "WXYZ"], "a name becomes its code; an unknown code is kept")
  }
}
