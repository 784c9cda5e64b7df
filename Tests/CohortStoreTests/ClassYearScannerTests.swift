import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// The byte scanner must read every document exactly as the strict path (StrictJSON +
/// JSONDecoder) does, and give way to it on anything else.
@Suite struct ClassYearScannerTests {
  /// What a reader made of a document, compared field by field.
  struct Reading: Equatable {
    var format: Int
    var school: String
    var classID: String
    var year: AcademicYear
    var pupils: [String]
    var cells: [ClassYear.Key: Cell]
    var scores: [ScoreKey: ScoreCell]
    init(_ c: ClassYearColumns) {
      (format, school, classID, year, pupils) = (c.format, c.school, c.classID, c.year, c.pupils)
      (cells, scores) = (c.cells, c.scoreCells)
    }
    init(_ d: ClassYear) {
      (format, school, classID, year, pupils) = (d.format, d.school, d.classID, d.year, d.pupils)
      (cells, scores) = (d.cells, d.scores)
    }
  }

  func strict(_ text: String) throws -> ClassYear { try DocumentCoding.decode(ClassYear.self, from: Array(text.utf8)) }
  func fast(_ text: String) -> ClassYearColumns? { ClassYearScanner.read(Array(text.utf8)) }

  static let repoData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("data").path

  @Test func readsEveryClassOfTheSampleTrustAsJSONDecoderDoes() throws {
    let files = (FileManager.default.enumerator(atPath: Self.repoData)?.allObjects as? [String] ?? [])
      .filter { $0.hasPrefix("schools/") && $0.split(separator: "/").count == 4 && $0.hasSuffix(".json") }
    #expect(files.count > 50)
    var scored = 0
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: Self.repoData + "/" + file)!)
      let expected = try DocumentCoding.decode(ClassYear.self, from: bytes)
      let columns = try #require(ClassYearScanner.read(bytes), "\(file)")
      #expect(Reading(columns) == Reading(expected), "\(file)")
      if !expected.scores.isEmpty { scored += 1 }
    }
    #expect(scored > 0)
  }

  static let edgeCases = [
    // Escapes in every string, a surrogate pair, raw UTF-8, a cleared cell (null code with a time).
    #"""
    {"format": 2, "school": "s\u0031", "class": "c", "year": "2026-27", "pupils": ["p\"1", "p\\2", "\u00e9\ud83d\ude42"],
     "authors": [{"by": "Ms O\u2019Brien\n", "device": "d\/1"}, {"by": "Zoë 日本", "device": "x"}],
     "judgements": {"rea\u0064ing": {"autumn1": {"codes": ["G", null, "\t"], "by": [0, 1, 1], "at": [5, 6, 0]}}}}
    """#,
    // Unknown keys anywhere (a future `meetings`), in any order, with nested values; no spaces.
    #"{"agenda":[{"a":{"b":[1,2.5e3,true,null,"x\"]"]}}],"year":"2025-26","format":1,"class":"c","school":"s","pupils":["a"],"authors":[{"device":"d","by":"b","extra":{}}],"judgements":{"maths":{"summer2":{"at":[9],"note":"n","by":[0],"codes":["P"]}}},"scores":{"puma":{"summer":{"raw":[null],"standardised":[104],"date":["2026-06-30"],"age":[null],"by":[0],"at":[7],"z":[]}}}}"#,
    // Nulls where the decoder treats them as absent; empty collections; Int64 extremes.
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": null, "authors": null, "judgements": null, "scores": null}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "authors": [{"by": "b", "device": "d"}], "judgements": {}, "scores": {"t": {}}}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a", "b"], "authors": [{"by": "b", "device": "d"}], "judgements": {"m": {"autumn2": {"codes": [null, "G"], "by": [0, 0], "at": [-9223372036854775808, 9223372036854775807]}}}}"#,
    "\t\r\n" + #"{"format": 2, "school": "s", "class": "c", "year": "2026-27"}"# + " \n",
  ]

  @Test(arguments: edgeCases)
  func readsEdgeCasesAsJSONDecoderDoes(text: String) throws {
    let columns = try #require(fast(text))
    #expect(Reading(columns) == Reading(try strict(text)))
  }

  /// Documents the scanner must not read itself. Some are errors the strict path explains;
  /// others are valid JSON the scanner leaves to JSONDecoder (which must still read them).
  static let givesWay = [
    #"{"format": 2, "format": 2, "school": "s", "class": "c", "year": "2026-27"}"#,
    #"{"format": 2.0, "school": "s", "class": "c", "year": "2026-27"}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27",}"#,
    #"{"format": 02, "school": "s", "class": "c", "year": "2026-27"}"#,
    #"{"format": 2, "school": "s\ud800", "class": "c", "year": "2026-27"}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "x": [1,]}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27"} x"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026/27"}"#,
    #"{"format": 5, "school": "s", "class": "c", "year": "2026-27"}"#,
    #"{"school": "s", "class": "c", "year": "2026-27"}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "authors": [], "judgements": {"m": {"autumn1": {"codes": ["G"], "by": [0], "at": [1]}}}}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "authors": [{"by": "b", "device": "d"}], "judgements": {"m": {"autumn1": {"codes": ["G", "P"], "by": [0], "at": [1]}}}}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "authors": [{"by": "b", "device": "d"}], "judgements": {"m": {"autumn1": {"codes": ["\t"], "by": [-1], "at": [0]}}}}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "judgements": {"m": {"winter": {"codes": [null], "by": [-1], "at": [0]}}}}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "judgements": {"m": {"autumn1": {"codes": [null], "by": [-1]}}}}"#,
    #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "scores": {"t": {"autumn": {"raw": [null], "standardised": [null], "date": ["2026-02-30"], "age": [null], "by": [-1], "at": [0]}}}}"#,
  ]

  @Test(arguments: givesWay)
  func givesWayToTheStrictPath(text: String) throws {
    #expect(fast(text) == nil)
    let folder = TestFolder()
    let relative = "schools/s/2026-27/c.json"
    try folder.write(relative, text)
    let data = folder.folder()
    let strict = Result { try data.read(ClassYear.self, at: relative) }
    let columns = Result { try data.readClassColumns(at: relative) }
    switch (strict, columns) {
    case (.success(let d), .success(let c)): #expect(Reading(try #require(c)) == Reading(try #require(d)))
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
    default: Issue.record("the strict path gave \(strict), the columns \(columns)")
    }
  }

  /// Last summer's codes when a class opens: one half-term's columns, the others stepped over,
  /// are the full read's columns of that half-term, on every class of the sample trust, by
  /// the byte reader and by the strict path a document it does not accept goes through.
  @Test func oneHalfTermIsTheFullReadsColumnsOfIt() throws {
    let files = (FileManager.default.enumerator(atPath: Self.repoData)?.allObjects as? [String] ?? [])
      .filter { $0.hasPrefix("schools/") && $0.split(separator: "/").count == 4 && $0.hasSuffix(".json") }
    var withSummer = 0
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: Self.repoData + "/" + file)!)
      let full = try #require(ClassYearScanner.read(bytes))
      let summer = try #require(ClassYearScanner.read(bytes, cells: .judgements(of: .summer2)))
      #expect(summer.judgements == full.judgements.filter { $0.halfTerm == .summer2 }, "\(file)")
      #expect(summer.scores.isEmpty && summer.pupils == full.pupils)
      if !summer.judgements.isEmpty { withSummer += 1 }
    }
    #expect(withSummer > 10)
    // A key escaped is not the byte reader's: the strict path reads it, filtered the same way.
    let folder = TestFolder()
    let text =
      #"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "pupils": ["a"], "authors": [{"by": "b", "device": "d"}], "judgements": {"m": {"summer2": {"codes": ["G"], "by": [0], "at": [1]}, "autumn1": {"codes": ["P"], "by": [0], "at": [2]}}}, "scores": {"t": {"summer": {"raw": [null], "standardised": [104], "date": [null], "age": [null], "by": [0], "at": [3]}}}, "\u0078": 1}"#
    try folder.write("schools/s/2026-27/c.json", text)
    #expect(fast(text) == nil)
    let read = try folder.folder().loadClassColumns(
      school: "s", classID: "c", year: AcademicYear("2026-27")!, judgementsOf: .summer2)
    #expect(read.judgements.map(\.halfTerm) == [.summer2] && read.judgements[0].codes == ["G"] && read.scores.isEmpty)
  }

  @Test func invalidUTF8GivesWay() throws {
    var bytes = Array(#"{"format": 2, "school": "s", "class": "c", "year": "2026-27", "x": "#.utf8)
    bytes += [0x22, 0xC3, 0x28, 0x22, 0x7D]
    #expect(ClassYearScanner.read(bytes) == nil)
    #expect(throws: DocumentProblem.self) { try DocumentCoding.decode(ClassYear.self, from: bytes) }
  }

  @Test func aMissingDocumentIsNil() throws {
    let folder = TestFolder()
    #expect(try folder.folder().readClassColumns(at: "schools/s/2026-27/none.json") == nil)
  }
}
