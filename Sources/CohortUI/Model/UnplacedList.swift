import CohortCore

/// A school's pupils on roll who are in none of a year's classes, by year group, with the
/// classes each can be placed in: their own year group's first.
public struct UnplacedList: Sendable {
  public struct Group: Sendable, Equatable {
    public var yearGroup: YearGroup
    public var pupils: [Pupil]
  }

  public let school: School
  public let year: AcademicYear
  public private(set) var groups: [Group]

  public init(pupils: [Pupil], school: School, year: AcademicYear) {
    self.school = school
    self.year = year
    let byGroup = Dictionary(grouping: pupils) { $0.yearGroup(in: year) }
    groups = byGroup.keys.sorted().map { g in
      Group(yearGroup: g, pupils: byGroup[g]!.sorted { ($0.surname, $0.forename) < ($1.surname, $1.forename) })
    }
  }

  public var count: Int { groups.reduce(0) { $0 + $1.pupils.count } }

  /// "6 pupils at Oakfield are not in a class for 2026-27."
  public var summary: String {
    let n = count
    return
      "\(n == 1 ? "1 pupil" : "\(n) pupils") at \(school.name) \(n == 1 ? "is" : "are") not in a class for \(year)."
  }

  /// The year's classes for a pupil of `group`: those that teach it first, then the rest.
  public func classes(for group: YearGroup) -> [SchoolClass] {
    let all = school.classes(in: year)
    return all.filter { $0.yearGroups.contains(group) } + all.filter { !$0.yearGroups.contains(group) }
  }

  /// How a class is offered: "Willow (Y3)".
  public static func label(_ c: SchoolClass) -> String { "\(c.name) (\(c.yearGroupsLabel))" }

  /// Takes out a pupil just placed (the list shrinks as the person works through it).
  public mutating func remove(_ pupilID: String) {
    for i in groups.indices { groups[i].pupils.removeAll { $0.id == pupilID } }
    groups.removeAll { $0.pupils.isEmpty }
  }
}
