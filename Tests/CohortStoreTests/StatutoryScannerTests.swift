import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// The statutory results' byte reader gives exactly what StrictJSON + JSONDecoder give, or
/// gives way to them.
@Suite struct StatutoryScannerTests {
  func strict(_ text: String) throws -> StatutoryResults {
    try DocumentCoding.decode(StatutoryResults.self, from: Array(text.utf8))
  }
  func fast(_ text: String) -> StatutoryResults? { StatutoryScanner.read(Array(text.utf8)) }

  /// As Cohort writes them: every kind of result the CTF brings, written and read back.
  @Test func readsWhatCohortWritesAsJSONDecoderDoes() throws {
    var results = StatutoryResults(school: "oak")
    results.merge(
      [
        StatutoryResult(stage: "KS2", year: 2026, subject: "ENG", method: "TT", component: "RD", result: "102"),
        StatutoryResult(stage: "KS2", year: 2026, subject: "MAT", method: "TT", resultStatus: "A", result: "A"),
        StatutoryResult(stage: "KS1", year: 2023, subject: "PHO", method: "TT", locale: "ENG", result: "Wa"),
        StatutoryResult(
          stage: "FS", year: 2022, subject: "GLD", method: "TA", resultQualifier: "Q", result: "Y\u{e9}s \"x\""),
      ], for: "p1")
    results.merge([StatutoryResult(stage: "KS2", year: 2026, subject: "MTC", method: "TT", result: "25")], for: "p2")
    results.merge([], for: "p3")
    let bytes = [UInt8](try DocumentCoding.encode(results))
    let read = try #require(StatutoryScanner.read(bytes))
    #expect(read == (try DocumentCoding.decode(StatutoryResults.self, from: bytes)))
    #expect(read == results && read.pupils["p1"]?.count == 4)
  }

  @Test(arguments: [
    // Optional parts left out or null are nil; unknown keys are skipped; any key order.
    #"{"format": 4, "school": "s", "pupils": {"a": [{"stage": "KS2", "year": 2026, "subject": "ENG", "method": "TT", "result": "100", "component": null, "note": [1, {"x": null}]}]}}"#,
    #"{"pupils": {}, "school": "s", "format": 4, "later": true}"#,
    #"{"format": 1, "school": "s", "pupils": {"a": [], "b": [{"year": 2025, "result": "\u00e9", "method": "TA", "subject": "WRI", "stage": "KS2", "locale": "ENG", "resultStatus": "D", "resultQualifier": "Q"}]}}"#,
  ])
  func readsEdgeCasesAsJSONDecoderDoes(text: String) throws {
    #expect(fast(text) == (try strict(text)))
  }

  @Test(arguments: [
    #"{"format": 4, "school": "s", "pupils": {"a": [{"stage": "KS2", "year": "2026", "subject": "ENG", "method": "TT", "result": "1"}]}}"#,
    #"{"format": 4, "school": "s", "pupils": {"a": [{"stage": "KS2", "year": 2026.5, "subject": "ENG", "method": "TT", "result": "1"}]}}"#,
    #"{"format": 4, "school": "s", "pupils": {"a": [{"stage": "KS2", "year": 2026, "subject": "ENG", "method": "TT"}]}}"#,
    #"{"format": 4, "school": "s", "pupils": {"a": [{"stage": "KS2", "stage": "KS1", "year": 2026, "subject": "ENG", "method": "TT", "result": "1"}]}}"#,
    #"{"format": 4, "school": "s", "pupils": {"a": [], "a": []}}"#,
    #"{"format": 4, "school": "s", "pupils": {"a": [{"stage": "KS2", "year": 2026, "subject": "ENG", "method": "TT", "result": "1", "component": 5}]}}"#,
    #"{"format": 4, "school": "s", "pupils": null}"#,
    #"{"format": 9, "school": "s", "pupils": {}}"#,
    #"{"format": 4, "pupils": {}}"#,
    #"{"format": 4, "school": "s", "pupils": {}} x"#,
  ])
  func givesWayToTheStrictPath(text: String) throws {
    #expect(fast(text) == nil)
    let folder = TestFolder()
    try folder.write(DataFolder.statutoryPath("s"), text)
    let data = folder.folder()
    let strict = Result { try data.read(StatutoryResults.self, at: DataFolder.statutoryPath("s")) }
    let loaded = Result { try data.loadStatutory("s") }
    switch (strict, loaded) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
    default: Issue.record("the strict path gave \(strict), loadStatutory \(loaded)")
    }
  }

  /// Keys are checked for repeats in a list while few and in a set past sixteen: a repeat is
  /// found on either side of the change.
  @Test(arguments: [(20, nil), (20, 2), (17, 0), (16, 15), (40, 39)] as [(Int, Int?)])
  func repeatedPupilsAreFoundHoweverManyThereAre(count: Int, repeated: Int?) throws {
    let ids = (0..<count).map { "p\($0)" } + (repeated.map { ["p\($0)"] } ?? [])
    let text =
      #"{"format": 4, "school": "s", "pupils": {"# + ids.map { #""\#($0)": []"# }.joined(separator: ", ") + "}}"
    if repeated == nil {
      let read = try strict(text)
      #expect(fast(text)?.pupils.count == count && fast(text) == read)
    } else {
      #expect(fast(text) == nil)
      #expect(throws: (any Error).self) { try strict(text) }
    }
  }
}
