import CohortCore
import CohortStore
import Foundation

/// Everything about one school that a meeting, its agenda or a school report reads: this
/// year's and last year's class documents (actions are reviewed across the summer), the
/// roster, and the pupils as analysis records. Loaded once, used by several views.
public struct SchoolYearData: Sendable {
  public let school: School
  public let roster: Roster
  public let year: AcademicYear
  public let docs: [ClassYear]
  public let records: [PupilRecord]

  public static func load(_ folder: DataFolder, school id: String, year: AcademicYear) throws -> SchoolYearData {
    let school = try folder.loadSchool(id)
    let docs = try [year.previous, year].flatMap { y in
      try school.classes(in: y).map { try folder.loadClassYear(school: id, classID: $0.id, year: y) }
    }
    let roster = try folder.loadRoster(id)
    return SchoolYearData(
      school: school, roster: roster, year: year, docs: docs,
      records: AnalysisLoader.records(roster: roster, docs: docs, year: year))
  }

  /// A school's actions from this year's and last year's meetings, without its cells or
  /// roster: enough to count them across a trust.
  public static func actions(_ folder: DataFolder, school id: String, year: AcademicYear) throws -> [TrackedAction] {
    let school = try folder.loadSchool(id)
    return ActionTracker.track(
      try [year.previous, year].flatMap { y in
        try school.classes(in: y).map { try folder.loadMeetings(school: id, classID: $0.id, year: y) }
      })
  }

  /// The same school with one class-year replaced (a copy being edited in a window).
  public func replacing(_ doc: ClassYear) -> SchoolYearData {
    let docs = self.docs.map { $0.classID == doc.classID && $0.year == doc.year ? doc : $0 }
    return SchoolYearData(
      school: school, roster: roster, year: year, docs: docs,
      records: AnalysisLoader.records(roster: roster, docs: docs, year: year))
  }

  public func doc(_ classID: String) -> ClassYear? { docs.first { $0.classID == classID && $0.year == year } }
  public func pupil(_ id: String) -> Pupil? { roster.pupil(id: id) }
  public var classNames: [String: String] {
    [year.previous, year].flatMap(school.classes(in:)).reduce(into: [:]) { $0[$1.id] = $1.name }
  }
  public var actions: [TrackedAction] { ActionTracker.track(docs) }
}

/// One school's count of open actions, and how many of them are past due.
public struct OpenActionCount: Sendable, Equatable {
  public var school: String
  public var open: Int
  public var overdue: Int
}

extension MeetingAction {
  /// Short, random and unique enough within a trust to type: "a3f9c2d1e0".
  public static func newID() -> String {
    "a" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(9).lowercased()
  }
}
