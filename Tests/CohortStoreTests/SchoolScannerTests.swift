import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// The school.json byte reader gives exactly the School that StrictJSON + JSONDecoder give,
/// or gives way.
@Suite struct SchoolScannerTests {
  func strict(_ text: String) throws -> School { try DocumentCoding.decode(School.self, from: Array(text.utf8)) }
  func fast(_ text: String) -> School? { SchoolScanner.read(Array(text.utf8)) }

  @Test func readsEverySchoolOfTheSampleTrustAsJSONDecoderDoes() throws {
    let root = ClassYearScannerTests.repoData
    let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix("/school.json") }
    #expect(files.count >= 7)
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: root + "/" + file)!)
      #expect(SchoolScanner.read(bytes) == (try DocumentCoding.decode(School.self, from: bytes)), "\(file)")
    }
  }

  @Test(arguments: [
    #"{"format": 2, "id": "s", "name": "St Mary\u2019s", "urn": null, "classes": {"2026-27": [{"id": "c", "name": "Y3/4", "yearGroups": [3, 4], "teacher": null, "room": 5}], "2025-26": []}, "x": [1]}"#,
    #"{"name": "A", "id": "s", "format": 1, "urn": "123456", "classes": null}"#,
    #"{"format": 2, "id": "s", "name": "A", "classes": {"2026-27": [{"id": "c", "name": "R", "yearGroups": []}]}}"#,
    #"{"format": 3, "id": "s", "name": "A", "classes": {}, "readOnlyYears": ["2025-26", "2024-25"]}"#,
  ])
  func readsEdgeCasesAsJSONDecoderDoes(text: String) throws {
    #expect(fast(text) == (try strict(text)))
  }

  @Test(arguments: [
    #"{"format": 2, "id": "s", "name": "A", "classes": {"2026/27": []}}"#,
    #"{"format": 2, "id": "s", "name": "A", "classes": {"2026-27": [{"id": "c", "name": "R", "yearGroups": [1.5]}]}}"#,
    #"{"format": 2, "id": "s", "name": "A", "classes": {"2026-27": [{"id": "c", "yearGroups": [1]}]}}"#,
    #"{"format": 2, "id": "s", "name": "A", "classes": {"2026-27": [], "2026-27": []}}"#,
    #"{"format": 7, "id": "s", "name": "A"}"#,
    #"{"format": 3, "id": "s", "name": "A", "readOnlyYears": ["2025/26"]}"#,
  ])
  func givesWayToTheStrictPath(text: String) throws {
    #expect(fast(text) == nil)
    let folder = TestFolder()
    try folder.write(DataFolder.schoolPath("s"), text)
    let data = folder.folder()
    let strict = Result { try data.read(School.self, at: DataFolder.schoolPath("s")) }
    let loaded = Result { try data.loadSchool("s") }
    switch (strict, loaded) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
    default: Issue.record("the strict path gave \(strict), loadSchool \(loaded)")
    }
  }
}
