import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// `loadRoster(_:only:)`: the pupils asked for, exactly as the whole roster has them; the others
/// stepped over, even when one of them is wrong.
@Suite struct RosterOnlySomeTests {
  @Test func givesTheSamePupilsAsTheWholeRosterForEverySampleSchool() throws {
    let data = DataFolder(root: ClassYearScannerTests.repoData, author: Author(by: "test", device: "test"))
    let schools = try data.loadTrust().schools.map(\.id)
    #expect(schools.count >= 2)
    for school in schools {
      let whole = try data.loadRoster(school)
      #expect(whole.pupils.count > 10)
      let wanted = Set(whole.pupils.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.id) + ["nobody"])
      let some = try data.loadRoster(school, only: wanted)
      #expect(some.pupils == whole.pupils.filter { wanted.contains($0.id) }, "\(school)")
      #expect(some.pupils.count == wanted.count - 1)
      #expect(some.school == whole.school)
    }
  }

  func folder(_ text: String) throws -> (TestFolder, DataFolder) {
    let f = TestFolder()
    try f.write(DataFolder.rosterPath("s"), text)
    return (f, f.folder())
  }

  func pupil(_ id: String, _ extra: String = "") -> String {
    #"{"id": "\#(id)", "forename": "A", "surname": "B", "dob": "2018-02-28"\#(extra)}"#
  }

  @Test func aMistakeInAPupilNotAskedForIsLeftToTheWholeRead() throws {
    let text = #"{"format": 2, "school": "s", "pupils": [\#(pupil("a")), \#(pupil("b", #", "sex": "X""#))]}"#
    let (keep, data) = try folder(text)
    #expect(try data.loadRoster("s", only: ["a"]).pupils.map(\.id) == ["a"])
    #expect(throws: (any Error).self) { try data.loadRoster("s") }
    #expect(throws: (any Error).self) { try data.loadRoster("s", only: ["b"]) }
    _ = keep
  }

  @Test func aPupilIsKnownByItsOwnIdNotANestedOne() throws {
    let nested = #"{"id": "b", "future": {"id": "a"}, "forename": "A", "surname": "B", "dob": "2018-02-28"}"#
    let escaped = #"{"forename": "A", "surname": "B", "dob": "2018-02-28", "id": "\u0061"}"#
    let text = #"{"format": 2, "school": "s", "pupils": [\#(nested), \#(escaped)]}"#
    let (keep, data) = try folder(text)
    let some = try data.loadRoster("s", only: ["a"]).pupils
    #expect(some.map(\.id) == ["a"])
    #expect(some == (try data.loadRoster("s")).pupils.filter { $0.id == "a" })
    #expect(try data.loadRoster("s", only: ["b"]).pupils.map(\.id) == ["b"])
    _ = keep
  }

  @Test func erasedPupilsStayErased() throws {
    let text = #"{"format": 2, "school": "s", "erased": {"b": 1}, "pupils": [\#(pupil("a")), \#(pupil("b"))]}"#
    let (keep, data) = try folder(text)
    #expect(try data.loadRoster("s", only: ["a", "b"]).pupils.map(\.id) == ["a"])
    _ = keep
  }

  @Test func aRosterOnlyTheStrictPathReadsGivesTheSamePupils() throws {
    // An escaped key: the byte reader gives way, JSONDecoder reads it.
    let text =
      #"{"format": 2, "school": "s", "pupils": [\#(pupil("a")), {"id": "b", "fore\u006eame": "C", "surname": "D", "dob": "2018-02-28"}]}"#
    #expect(RosterScanner.read(Array(text.utf8), only: ["b"]) == nil)
    let (keep, data) = try folder(text)
    let b = try data.loadRoster("s", only: ["b"]).pupils
    #expect(b.map(\.forename) == ["C"])
    #expect(b == (try data.loadRoster("s")).pupils.filter { $0.id == "b" })
    _ = keep
  }
}
