import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// The meetings byte reader gives exactly the meetings the document decoder gives, or gives
/// way to `Meeting.decodeAll`, which then says what is wrong in its own words.
@Suite struct MeetingsScannerTests {
  let authors = [Author(by: "Ms Hall", device: "laptop"), Author(by: "Mr Shah", device: "office")]

  /// The meetings as the strict document decoder reads them, inside a class-year.
  func strict(_ meetings: String) throws -> [HalfTerm: Meeting] {
    let doc = """
      {"format": 3, "school": "s", "class": "c", "year": "2026-27", "pupils": [],
       "authors": [{"by": "Ms Hall", "device": "laptop"}, {"by": "Mr Shah", "device": "office"}],
       "meetings": \(meetings)}
      """
    return try DocumentCoding.decode(ClassYear.self, from: Array(doc.utf8)).meetings
  }

  func fast(_ meetings: String) -> [HalfTerm: Meeting]? { MeetingsReader.scan(Array(meetings.utf8), authors: authors) }

  @Test func readsEveryMeetingOfTheSampleTrustAsTheDocumentDecoderDoes() throws {
    let root = ClassYearScannerTests.repoData
    let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
      .filter { $0.hasPrefix("schools/") && $0.hasSuffix(".json") && $0.contains("/20") }
    var meetings = 0
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: root + "/" + file)!)
      guard let columns = ClassYearScanner.read(bytes), let json = columns.meetingsJSON else { continue }
      let expected = try DocumentCoding.decode(ClassYear.self, from: bytes).meetings
      #expect(MeetingsReader.scan(json, authors: columns.authors) == expected, "\(file)")
      meetings += expected.count
    }
    #expect(meetings >= 40, "the sample trust has meetings to compare (\(meetings))")
  }

  @Test(arguments: [
    "null", "{}",
    // Every part; escapes, non-ASCII, unknown keys anywhere, nulls for the optional fields.
    #"""
    {"autumn1": {"details": {"at": 1761318060000, "attendees": ["Ms Hall", "Zo\u00eb \"Jo\" Green"], "by": 0,
      "date": "2025-10-24", "notes": "Line one\nline two \ud83d\ude42", "room": {"x": [1, null]}},
     "actions": {"a1": {"at": 1, "by": 1, "description": "Précis", "due": "2026-27 autumn2", "from": "2026-27 autumn1",
       "id": "a1", "kind": "intervention", "owner": "Ms Hall", "pupils": ["p1", "p2"], "subject": "maths"},
      "a2": {"id": "a2", "kind": "professional-learning", "pupils": [], "subject": null, "description": "", "owner": "X",
       "from": "2026-27 autumn1", "due": "2026-27 spring1", "at": -5, "by": 0, "later": true}},
     "evidence": {"p1": {"at": 2, "by": 0, "note": ""}},
     "reviews": {"a0": {"actionID": "a0", "at": 3, "by": 1, "continueTo": "2026-27 spring2", "impact": "not-yet",
       "next": "Keep going"}, "a9": {"actionID": "a9", "at": 4, "by": 0, "continueTo": null, "impact": "worked", "next": ""}}},
     "summer2": {"details": {"at": 9, "by": 0, "attendees": [], "notes": "", "date": null}, "actions": null,
      "evidence": {}, "reviews": null, "future": "x"}}
    """#,
    #"{"spring1":{"details":{"at":1,"attendees":[],"by":0,"notes":"n"}}}"#,
  ])
  func readsAsTheDocumentDecoderDoes(text: String) throws {
    let fast = self.fast(text)
    #expect(fast != nil)
    #expect(fast == (try strict(text)))
  }

  @Test(arguments: [
    #"{"autumn3": {}}"#,  // not a half-term
    #"{"autumn1": null}"#,
    #"{"autumn1": {"details": {"at": 1, "attendees": [], "by": 2, "notes": ""}}}"#,  // no author 2
    #"{"autumn1": {"details": {"at": 1.5, "attendees": [], "by": 0, "notes": ""}}}"#,
    #"{"autumn1": {"details": {"at": 1, "attendees": [], "by": 0}}}"#,  // no notes
    #"{"autumn1": {"details": {"at": 1, "attendees": null, "by": 0, "notes": ""}}}"#,
    #"{"autumn1": {"details": {"at": 1, "attendees": [], "by": 0, "notes": "", "date": "2025-02-30"}}}"#,
    #"{"autumn1": {"evidence": {"p1": {"at": 1, "by": 0, "note": "a", "note": "b"}}}}"#,  // duplicate key
    #"{"autumn1": {}, "autumn1": {}}"#,
    #"{"autumn1": {"reviews": {"a1": {"actionID": "a2", "at": 1, "by": 0, "impact": "worked", "next": ""}}}}"#,
    #"{"autumn1": {"reviews": {"a1": {"actionID": "a1", "at": 1, "by": 0, "impact": "great", "next": ""}}}}"#,
    #"{"autumn1": {"actions": {"a1": {"at": 1, "by": 0, "description": "d", "due": "2026-27 autumn2", "from": "2026-27 autumn1", "id": "a2", "kind": "teaching", "owner": "o", "pupils": []}}}}"#,
    #"{"autumn1": {"actions": {"a1": {"at": 1, "by": 0, "description": "d", "due": "autumn2", "from": "2026-27 autumn1", "id": "a1", "kind": "teaching", "owner": "o", "pupils": []}}}}"#,
    #"{"autumn1": {"actions": {"a1": {"at": 1, "by": 0, "description": "d", "due": "2026-27 autumn2", "from": "2026-27 autumn1", "id": "a1", "kind": "teaching", "owner": "o"}}}}"#,
    "[]",
  ])
  func givesWayToTheDocumentDecoder(text: String) throws {
    #expect(fast(text) == nil)
    // And the reader then answers as the decoder does: its meetings, or its refusal.
    let strict = Result { try Meeting.decodeAll(Array(text.utf8), authors: authors) }
    let read = Result { try MeetingsReader.decodeAll(Array(text.utf8), authors: authors) }
    switch (strict, read) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
    default: Issue.record("the decoder gave \(strict), the reader \(read)")
    }
  }
}
