import CohortCore
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

/// A trust's open actions are counted from the class-years' meetings alone (no cells, no
/// roster): the same actions as from the whole documents, whichever way a document is read.
@Suite struct ActionsAcrossSchoolsTests {
  @Test func actionsFromMeetingsAloneMatchTheWholeDocuments() throws {
    let s = try SampleFolder(schools: 2)
    // One document the byte reader leaves to the strict path (an escape in a key).
    let odd = DataFolder.classPath(school: "oakfield", year: s.year.previous, classID: "oakfield-y3")
    try s.edit(odd) { $0.replacingOccurrences(of: "\"pupils\" :", with: "\"p\\u0075pils\" :") }
    let read = try s.folder.loadMeetings(school: "oakfield", classID: "oakfield-y3", year: s.year.previous)
    #expect(!read.meetings.isEmpty && !read.pupils.isEmpty)
    var total = 0
    for school in try s.folder.loadTrust().schools {
      let whole = try SchoolYearData.load(s.folder, school: school.id, year: s.year).actions
      let light = try SchoolYearData.actions(s.folder, school: school.id, year: s.year)
      #expect(light == whole, "\(school.id)")
      total += light.count
    }
    #expect(total > 0)
  }

  /// Reading for the meetings steps over the cells without reading them: a class whose cells
  /// do not line up with its pupils still shows its actions (opening the class says what is
  /// wrong), and a document cut short is refused.
  @Test func theMeetingsAreReadWithoutBuildingTheCells() throws {
    let s = try SampleFolder(schools: 2)
    let path = DataFolder.classPath(school: "oakfield", year: s.year.previous, classID: "oakfield-y3")
    let before = try s.folder.loadMeetings(school: "oakfield", classID: "oakfield-y3", year: s.year.previous)
    #expect(!before.meetings.isEmpty)
    // One code too many in the first column: the whole document is refused, its meetings are not.
    try s.edit(path) { $0.replacingOccurrences(of: "\"codes\" : [", with: "\"codes\" : [\"G\", ") }
    #expect(throws: (any Error).self) {
      try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y3", year: s.year.previous)
    }
    let read = try s.folder.loadMeetings(school: "oakfield", classID: "oakfield-y3", year: s.year.previous)
    #expect(read.meetings == before.meetings && read.pupils == before.pupils)
    try s.edit(path) { String($0.dropLast(40)) }
    #expect(throws: (any Error).self) {
      try s.folder.loadMeetings(school: "oakfield", classID: "oakfield-y3", year: s.year.previous)
    }
  }

  /// The trust's counts (the Meetings page for a trust) are each school's open actions, and
  /// those past due, as its whole documents give them.
  @Test func theTrustsCountsAreEachSchoolsOpenAndOverdueActions() throws {
    let s = try SampleFolder(schools: 2)
    let now = HalfTermRef(s.year, .spring1)
    let schools = try s.folder.loadTrust().schools.map(\.id)
    let counts = try SchoolYearData.openActions(s.folder, schools: schools, year: s.year, now: now)
    #expect(counts.map(\.school) == schools)
    for c in counts {
      let open = try SchoolYearData.load(s.folder, school: c.school, year: s.year).actions.filter { $0.status == .open }
      #expect(c.open == open.count && c.overdue == open.filter { $0.due < now }.count, "\(c.school)")
    }
    #expect(counts.map(\.open).reduce(0, +) > 0 && counts.map(\.overdue).reduce(0, +) > 0)
  }

  /// A meeting the strict decoder refuses is reported as reading the whole document reports
  /// it, naming the file: never skipped.
  @Test func aBrokenMeetingIsReportedNotSkipped() throws {
    let s = try SampleFolder(schools: 1)
    let last = s.year.previous
    let path = DataFolder.classPath(school: "oakfield", year: last, classID: "oakfield-y3")
    let text = try String(contentsOfFile: s.path + "/" + path, encoding: .utf8)
    #expect(text.contains("\"kind\" : \"intervention\""))
    try s.edit(path) { $0.replacingOccurrences(of: "\"kind\" : \"intervention\"", with: "\"kind\" : \"magic\"") }
    let strict = #expect(throws: (any Error).self) {
      try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y3", year: last)
    }
    let light = #expect(throws: (any Error).self) {
      try s.folder.loadMeetings(school: "oakfield", classID: "oakfield-y3", year: last)
    }
    // Either names the file and the bad value (which broken action comes first may differ).
    for e in [light, strict] {
      #expect("\(e!)".contains(path) && "\(e!)".contains("kind") && "\(e!)".contains("magic"))
    }
  }
}
