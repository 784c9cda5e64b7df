import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// The roster byte reader gives exactly the Roster that StrictJSON + JSONDecoder give, or
/// gives way.
@Suite struct RosterScannerTests {
  func strict(_ text: String) throws -> Roster { try DocumentCoding.decode(Roster.self, from: Array(text.utf8)) }
  func fast(_ text: String) -> Roster? { RosterScanner.read(Array(text.utf8)) }

  @Test func readsEveryRosterOfTheSampleTrustAsJSONDecoderDoes() throws {
    let root = ClassYearScannerTests.repoData
    let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix("/pupils.json") }
    #expect(files.count >= 7)
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: root + "/" + file)!)
      let expected = try DocumentCoding.decode(Roster.self, from: bytes)
      #expect(RosterScanner.read(bytes) == expected, "\(file)")
    }
  }

  @Test(arguments: [
    // Characteristics left out or null default to "no"; unknown keys are skipped.
    #"{"format": 1, "school": "s", "pupils": [{"id": "a", "forename": "Zo\u00eb", "surname": "O'Brien \"Jr\"", "dob": "2018-02-28"}]}"#,
    #"{"format": 2, "school": "s", "future": {"x": [1, {"y": null}]}, "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2018-02-28", "upn": null, "sex": null, "send": null, "eal": null, "fsm": true, "pupilPremium": true, "ever6FSM": false, "lookedAfter": true, "ethnicity": null, "leftOn": null, "note": "x"}]}"#,
    #"{"pupils": [], "school": "s", "format": 2}"#,
    #"{"format": 2, "school": "s", "pupils": [{"id": "a", "forename": "日本", "surname": "\ud83d\ude42", "dob": "2018-02-28", "sex": "F", "send": "E", "upn": "A123", "leftOn": "2020-07-31", "ethnicity": "WBRI"}]}"#,
  ])
  func readsEdgeCasesAsJSONDecoderDoes(text: String) throws {
    #expect(fast(text) == (try strict(text)))
  }

  @Test(arguments: [
    #"{"format": 2, "school": "s", "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2018-02-30"}]}"#,
    #"{"format": 2, "school": "s", "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2018-02-28", "sex": "X"}]}"#,
    #"{"format": 2, "school": "s", "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2018-02-28", "eal": 1}]}"#,
    #"{"format": 2, "school": "s", "pupils": [{"id": "a", "id": "b", "forename": "A", "surname": "B", "dob": "2018-02-28"}]}"#,
    #"{"format": 2, "school": "s", "pupils": [{"forename": "A", "surname": "B", "dob": "2018-02-28"}]}"#,
    #"{"format": 9, "school": "s", "pupils": []}"#,
    #"{"format": 2, "school": "s"}"#,
  ])
  func givesWayToTheStrictPath(text: String) throws {
    #expect(fast(text) == nil)
    let folder = TestFolder()
    try folder.write(DataFolder.rosterPath("s"), text)
    let data = folder.folder()
    let strict = Result { try data.read(Roster.self, at: DataFolder.rosterPath("s")) }
    let loaded = Result { try data.loadRoster("s") }
    switch (strict, loaded) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
    default: Issue.record("the strict path gave \(strict), loadRoster \(loaded)")
    }
  }
}

/// The MIS's NC year per academic year (`ncYears`) reads the same both ways, or gives way.
@Suite struct RosterScannerNCYearTests {
  func pupil(_ ncYears: String) -> String {
    #"{"format": 3, "school": "s", "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2016-07-20", "ncYears": "#
      + ncYears + "}]}"
  }

  @Test(arguments: [#"{"2025-26": 4, "2026-27": 5}"#, "{}", "null", #"{"2026-27": -1, "2027-28": 13}"#])
  func readsAsJSONDecoderDoes(ncYears: String) throws {
    let text = pupil(ncYears)
    let strict = try DocumentCoding.decode(Roster.self, from: Array(text.utf8))
    #expect(RosterScanner.read(Array(text.utf8)) == strict)
  }

  @Test(arguments: [
    #"{"2026": 5}"#, #"{"2026-27": 4.5}"#, #"{"2026-27": "5"}"#, #"{"2026-27": 5, "2026-27": 6}"#, "[5]",
  ])
  func givesWay(ncYears: String) {
    #expect(RosterScanner.read(Array(pupil(ncYears).utf8)) == nil)
  }
}

@Suite struct RosterScannerGroupFlagTests {
  @Test(arguments: [
    #""previouslyLookedAfter": true, "serviceChild": true"#, #""previouslyLookedAfter": null, "serviceChild": false"#,
    #""send": "K", "senStart": "2024-09-04""#, #""senStart": null"#,
  ])
  func readsTheNewFlagsAsJSONDecoderDoes(fields: String) throws {
    let text =
      #"{"format": 3, "school": "s", "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2016-07-20", "#
      + fields + "}]}"
    let strict = try DocumentCoding.decode(Roster.self, from: Array(text.utf8))
    #expect(RosterScanner.read(Array(text.utf8)) == strict)
  }

  @Test func givesWayOnABadSENStartDate() {
    let text =
      #"{"format": 3, "school": "s", "pupils": [{"id": "a", "forename": "A", "surname": "B", "dob": "2016-07-20", "senStart": "2024-02-30"}]}"#
    #expect(RosterScanner.read(Array(text.utf8)) == nil)
  }
}
