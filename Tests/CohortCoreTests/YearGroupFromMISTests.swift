import Foundation
import Testing

@testable import CohortCore

/// The MIS's year group wins over the date of birth, per academic year (issue 16, item 1).
@Suite struct YearGroupFromMISTests {
  let y2025 = AcademicYear(startYear: 2025)
  let y2026 = AcademicYear(startYear: 2026)
  /// Born in July 2016: Year 6 by age in 2026-27, but the MIS has them in Year 5 (deferred).
  func deferred(_ years: [AcademicYear: YearGroup] = [AcademicYear(startYear: 2026): YearGroup(5)]) -> Pupil {
    Pupil(id: "p", forename: "Ava", surname: "Hill", dob: SchoolDate(iso: "2016-07-20")!, ncYears: years)
  }

  @Test func theMISYearWinsAndTheDateOfBirthOnlyWhenTheMISGaveNone() {
    let p = deferred()
    #expect(p.ageYearGroup(in: y2026) == YearGroup(6))
    #expect(p.yearGroup(in: y2026) == YearGroup(5) && p.yearGroupSource(in: y2026) == .mis)
    #expect(p.isOutsideAgeYear(in: y2026))
    let plain = deferred([:])
    #expect(plain.yearGroup(in: y2026) == YearGroup(6) && plain.yearGroupSource(in: y2026) == .dateOfBirth)
    #expect(!plain.isOutsideAgeYear(in: y2026))
    #expect(plain.yearGroupDescription(in: y2026) == "Year 6 in 2026-27 (by date of birth: the MIS gave none)")
    #expect(p.yearGroupDescription(in: y2026) == "Year 5 in 2026-27 (the MIS's; Year 6 by age)")
  }

  @Test func aYearTheMISDidNotGiveMovesOnFromTheNearestItDid() {
    let p = deferred()
    #expect(p.yearGroup(in: y2025) == YearGroup(4) && p.yearGroupSource(in: y2025) == .misCarried(from: y2026))
    #expect(p.yearGroup(in: y2026.next) == YearGroup(6), "a pupil kept back stays a year behind their age")
    // Two records as near: the newer one is the MIS's later word.
    let moved = deferred([y2025: YearGroup(5), y2026.next: YearGroup(6)])
    #expect(
      moved.yearGroup(in: y2026) == YearGroup(5) && moved.yearGroupSource(in: y2026) == .misCarried(from: y2026.next))
  }

  @Test func theMarkerBesideTheNameSaysBothYears() throws {
    let marker = try #require(deferred().outsideAgeYearMarker(in: y2026))
    #expect(marker.text == "age Y6")
    #expect(marker.meaning == "Taught outside their age year: Year 5 by the MIS, Year 6 by date of birth")
    #expect(deferred([:]).outsideAgeYearMarker(in: y2026) == nil)
  }

  @Test func rostersWithoutNCYearsReadAndWriteAsBefore() throws {
    let old =
      #"{"dob":"2016-07-20","eal":false,"ever6FSM":false,"forename":"Ava","fsm":false,"id":"p","lookedAfter":false,"pupilPremium":false,"send":"N","sex":"U","surname":"Hill"}"#
    let p = try JSONDecoder().decode(Pupil.self, from: Data(old.utf8))
    #expect(p.ncYears.isEmpty)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(String(decoding: try encoder.encode(p), as: UTF8.self) == old)
    let withYears = deferred([y2025: YearGroup(4), y2026: YearGroup(5)])
    let text = String(decoding: try encoder.encode(withYears), as: UTF8.self)
    #expect(text.contains(#""ncYears":{"2025-26":4,"2026-27":5}"#))
    #expect(try JSONDecoder().decode(Pupil.self, from: Data(text.utf8)) == withYears)
    let bad = old.replacingOccurrences(of: #""id":"p""#, with: #""id":"p","ncYears":{"2026":5}"#)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Pupil.self, from: Data(bad.utf8)) }
  }

  @Test func pupilsOutsideTheirAgeYearAreAGroup() throws {
    #expect(try PupilGroup.parse("outside-age-year") == PupilGroup(with: [.outsideAgeYear]))
    let inside = PupilRecord(pupil: deferred([:]), school: "s", classID: "c", yearGroup: YearGroup(6))
    let outside = PupilRecord(
      pupil: deferred(), school: "s", classID: "c", yearGroup: YearGroup(5), outsideAgeYear: true)
    let scheme = CodeScheme(
      id: "ygp", name: "YGP", codes: [Code(id: "G", key: "g", label: "Secure", colour: "#2E7D32", band: .at)])
    let analysis = Analysis(records: [inside, outside], scheme: scheme)
    let group = PupilGroup(with: [.outsideAgeYear])
    #expect(analysis.indices(in: .trust, group: group, subject: "reading", year: y2026) == [1])
    #expect(
      analysis.indices(in: .yearGroup(school: nil, YearGroup(5)), group: .everyone, subject: "reading", year: y2026)
        == [1])
  }
}
