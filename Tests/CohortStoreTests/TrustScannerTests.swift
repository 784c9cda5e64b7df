import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// The trust.json byte reader gives exactly the Trust that StrictJSON + JSONDecoder give, or
/// gives way.
@Suite struct TrustScannerTests {
  func strict(_ text: String) throws -> Trust { try DocumentCoding.decode(Trust.self, from: Array(text.utf8)) }
  func fast(_ text: String) -> Trust? { TrustScanner.read(Array(text.utf8)) }

  @Test func readsTheSampleTrustAsJSONDecoderDoes() throws {
    let bytes = [UInt8](
      try #require(FileManager.default.contents(atPath: ClassYearScannerTests.repoData + "/trust.json")))
    let read = try #require(TrustScanner.read(bytes))
    #expect(read == (try DocumentCoding.decode(Trust.self, from: bytes)))
    #expect(!read.schools.isEmpty)
  }

  /// Every part a trust can have, as Cohort writes it.
  @Test func readsEveryPartAsWritten() throws {
    var t = Trust(
      id: "oak", name: "Oak \"Trust\" \u{2019}",
      schools: [SchoolRef(id: "a", name: "A"), SchoolRef(id: "b", name: "B")])
    t.schools[1] = SchoolRef(id: "b", name: "B", shortName: "Bee", urn: "123456", la: "123", estab: "4567")
    t.subjects = [Subject(id: "reading", name: "Reading", yearGroups: [YearGroup(0), YearGroup(6)], retired: true)]
    t.codeScheme = "ygp"
    t.disabledPlugins = ["x"]
    t.disagreementSteps = 2
    t.tests = ["nfer-reading"]
    t.staff = [
      StaffMember(id: "s1", name: "Ms Ng", role: .leader),
      StaffMember(id: "s2", name: "Mr O", role: .teacher, schools: ["a"]),
    ]
    t.terms[AcademicYear(startYear: 2026)] = TermDates.usual(AcademicYear(startYear: 2026))
    t.changed = ["staff": 1_700_000_000_000, "terms": Int64.max]
    t.retentionYears = 25
    t.mostlyEnteredPercent = 70
    t.minimumGroupSize = 3
    let bytes = [UInt8](try DocumentCoding.encode(t))
    #expect(TrustScanner.read(bytes) == t)
    #expect(TrustScanner.read(bytes) == (try DocumentCoding.decode(Trust.self, from: bytes)))
  }

  @Test(arguments: [
    #"{"format": 4, "id": "t", "name": "T"}"#,
    #"{"name": "T", "id": "t", "format": 1, "schools": null, "subjects": null, "tests": null, "staff": null, "terms": null, "changed": null, "retentionYears": null, "x": {"y": [1, "z"]}}"#,
    #"{"format": 4, "id": "t", "name": "T", "schools": [{"id": "a", "name": "A", "urn": null, "extra": true}], "subjects": [{"id": "r", "name": "R", "yearGroups": null, "retired": null}]}"#,
    #"{"format": 4, "id": "t", "name": "T", "staff": [{"id": "s", "name": "S", "role": "administrator", "schools": []}], "disagreementSteps": null}"#,
    #"{"format": 4, "id": "t", "name": "T", "terms": [{"year": "2026-27", "starts": ["2026-09-02", "2026-11-02", "2027-01-05", "2027-02-22", "2027-04-12", "2027-06-07"]}]}"#,
  ])
  func readsEdgeCasesAsJSONDecoderDoes(text: String) throws {
    #expect(fast(text) == (try strict(text)))
  }

  @Test(arguments: [
    #"{"format": 7, "id": "t", "name": "T"}"#,
    #"{"format": 4, "id": "t"}"#,
    #"{"format": 4, "id": "t", "name": "T", "id": "u"}"#,
    #"{"format": 4, "id": "t", "name": "T", "staff": [{"id": "s", "name": "S", "role": "chef", "schools": []}]}"#,
    #"{"format": 4, "id": "t", "name": "T", "staff": [{"id": "s", "name": "S", "role": "teacher"}]}"#,
    #"{"format": 4, "id": "t", "name": "T", "subjects": [{"id": "r", "name": "R", "yearGroups": [1.5]}]}"#,
    #"{"format": 4, "id": "t", "name": "T", "terms": [{"year": "2026/27", "starts": []}]}"#,
    #"{"format": 4, "id": "t", "name": "T", "changed": {"a": 1, "a": 2}}"#,
    #"{"format": 4, "id": "t", "name": null}"#,
  ])
  func givesWayToTheStrictPath(text: String) throws {
    #expect(fast(text) == nil)
    let folder = TestFolder()
    try folder.write(DataFolder.trustPath, text)
    let data = folder.folder()
    let strict = Result { try data.read(Trust.self, at: DataFolder.trustPath) }
    let loaded = Result { try data.loadTrust() }
    switch (strict, loaded) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
    default: Issue.record("the strict path gave \(strict), loadTrust \(loaded)")
    }
  }
}
