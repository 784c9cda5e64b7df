import CohortCore
import CohortStore

/// Where a roster import puts pupils in one academic year: the class the file names (made if
/// the school has none of that name), else the only class of their year group. A pupil who is
/// already in a class stays there: moving pupils between classes is a person's decision.
struct ClassPlaces {
  let folder: DataFolder
  private(set) var school: School
  let year: AcademicYear
  private var docs: [String: ClassYear] = [:]
  private var classOf: [String: String] = [:]
  private var touched: [String] = []

  init(folder: DataFolder, school: School, year: AcademicYear) {
    self.folder = folder
    self.school = school
    self.year = year
  }

  private mutating func load() throws {
    guard docs.isEmpty else { return }
    for c in school.classes(in: year) {
      let d = try folder.loadClassYear(school: school.id, classID: c.id, year: year)
      docs[c.id] = d
      for p in d.members { classOf[p] = c.id }
    }
  }

  /// A change ("added to class ..."), a note ("note: ..."), why they are not placed
  /// ("unplaced: ..."), or nil when nothing happens.
  mutating func place(_ pupil: Pupil, entry e: RosterEntry) throws -> String? {
    try load()
    let classes = school.classes(in: year)
    let group = e.yearGroup ?? pupil.yearGroup(in: year)
    var target: SchoolClass?
    if let name = e.className {
      target = classes.first { $0.name.lowercased() == name.lowercased() || $0.id == name.lowercased() }
      if target == nil {
        // Class ids are unique across the trust's years; a clash gets a number.
        let base = String(slug("\(school.id) \(name)").prefix(56))
        var id = base
        var n = 1
        while !isSafeID(id) || school.classes.values.joined().contains(where: { $0.id == id }) {
          n += 1
          id = "\(base)-\(n)"
        }
        let made = SchoolClass(id: id, name: name, yearGroups: [group])
        school.classes[year, default: []].append(made)
        docs[id] = ClassYear(school: school.id, classID: id, year: year)
        target = made
      }
    }
    if let current = classOf[pupil.id] {
      guard let target, target.id != current else { return nil }
      let name = classes.first { $0.id == current }?.name ?? current
      return "note: in \(name) in Cohort but \(target.name) in the file: move them in Cohort if they have changed class"
    }
    if target == nil {
      let same = classes.filter { $0.yearGroups.contains(group) }
      // Counted by the import into one line per reason: a new school has no classes yet.
      guard same.count == 1 else {
        return same.isEmpty
          ? "unplaced:no \(group.label) class yet" : "unplaced:\(group.label) has \(same.count) classes"
      }
      target = same[0]
    }
    guard let target else { return nil }
    docs[target.id]!.place(pupil.id, at: DataFolder.now())
    classOf[pupil.id] = target.id
    if !touched.contains(target.id) { touched.append(target.id) }
    return "added to class \(target.name) for \(year)"
  }

  var changed: [ClassYear] { touched.compactMap { docs[$0] } }
}
