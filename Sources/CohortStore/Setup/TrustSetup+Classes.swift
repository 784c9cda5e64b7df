import CohortCore
import Foundation

/// Classes of an academic year, and which pupils are in them.
extension TrustSetup {
  /// A new class; its id comes from the school and the name, unique across the trust.
  @discardableResult
  public func addClass(
    school id: String, year: AcademicYear, name: String, yearGroups: [YearGroup], teachers: [String] = []
  ) throws -> SchoolClass {
    let trust = try folder.loadTrust()
    guard trust.school(id) != nil else { throw trust.unknownSchool(id) }
    var school = try folder.loadSchool(id)
    let c = try School.checkedClass(
      id: try freeClassID(slug("\(id) \(name)"), trust), name: name, yearGroups: yearGroups,
      teachers: try staffNames(teachers, trust))
    let event = try school.addClass(c, year: year, at: now)
    try folder.commit(.init(schools: [school], events: [(DataFolder.schoolPath(id), nil, event)]))
    return c
  }

  /// Renames a class, sets its year groups or its teachers (what is nil stays).
  public func editClass(
    _ classID: String, year: AcademicYear, name: String? = nil, yearGroups: [YearGroup]? = nil,
    teachers: [String]? = nil
  ) throws {
    let trust = try folder.loadTrust()
    var (school, old) = try folder.findClass(classID, year: year)
    let c = try School.checkedClass(
      id: old.id, name: name ?? old.name, yearGroups: yearGroups ?? old.yearGroups,
      teachers: try teachers.map { try staffNames($0, trust) } ?? old.teachers)
    let event = try school.updateClass(c, year: year, at: now)
    try folder.commit(.init(schools: [school], events: [(DataFolder.schoolPath(school.id), nil, event)]))
  }

  /// Removes a class that has no pupils in it and nothing entered.
  public func removeClass(_ classID: String, year: AcademicYear) throws {
    var (school, c) = try folder.findClass(classID, year: year)
    let doc = try folder.loadClassYear(school: school.id, classID: c.id, year: year)
    if !doc.members.isEmpty {
      throw InputError("\(c.name) still has \(plural(doc.members.count, "pupil")) in \(year): move them first")
    }
    if !doc.cells.isEmpty || !doc.scores.isEmpty || !doc.meetings.isEmpty {
      throw InputError("\(c.name) holds judgements, scores or meetings for \(year): it cannot be removed")
    }
    let event = try school.removeClass(c.id, year: year, at: now)
    try folder.commit(.init(schools: [school], events: [(DataFolder.schoolPath(school.id), nil, event)]))
  }

  /// Puts a pupil (by UPN or id) in a class for the year, taking them out of the class they
  /// were in; what was entered for them there stays with that class. Returns a note when the
  /// class is not for their year group (a teacher's decision, so allowed).
  @discardableResult
  public func movePupil(_ key: String, to classID: String, year: AcademicYear) throws -> String? {
    let (schoolID, pupil) = try folder.findPupil(key)
    let (school, target) = try folder.findClass(classID, year: year, school: schoolID)
    if school.isReadOnly(year) {
      throw InputError("\(year) is closed at \(school.name) (read-only since the rollover)")
    }
    let t = now
    var docs: [ClassYear] = []
    for c in school.classes(in: year) where c.id != target.id {
      var doc = try folder.loadClassYear(school: school.id, classID: c.id, year: year)
      guard doc.isMember(pupil.id) else { continue }
      doc.remove(pupil.id, at: t)
      docs.append(doc)
    }
    var into = try folder.loadClassYear(school: school.id, classID: target.id, year: year)
    if into.isMember(pupil.id) && docs.isEmpty { return nil }
    into.place(pupil.id, at: t)
    docs.append(into)
    let from = docs.dropLast().map(\.classID)
    let text =
      from.isEmpty
      ? "placed in \(target.id) for \(year)" : "moved from \(from.joined(separator: ", ")) to \(target.id) for \(year)"
    try folder.commit(.init(classYears: docs, events: [(DataFolder.rosterPath(school.id), pupil.id, text)]))
    let group = pupil.yearGroup(in: year)
    return target.yearGroups.contains(group)
      ? nil : "\(pupil.fullName) is in \(group.label); \(target.name) is \(target.yearGroupsLabel)"
  }

  /// Pupils on roll at the school in `year` who are in none of its classes: for a person to place.
  public func unplaced(school id: String, year: AcademicYear) throws -> [Pupil] {
    let school = try folder.loadSchool(id)
    var placed = Set<String>()
    for c in school.classes(in: year) {
      placed.formUnion(try folder.loadClassYear(school: id, classID: c.id, year: year).members)
    }
    // A pupil of Nursery age in an earlier year (this year's Reception) was not at the school then.
    return try folder.loadRoster(id).pupils.filter { p in
      !placed.contains(p.id) && (p.leftOn.map { $0 >= year.firstDay } ?? true) && p.yearGroup(in: year).isPrimary
    }
  }

  /// `base`, or base-2, base-3... : the first id no class of any school or year has.
  func freeClassID(_ base: String, _ trust: Trust) throws -> String {
    var used = Set<String>()
    for ref in folder.presentSchools(of: trust) {
      guard let s = try? folder.loadSchool(ref.id) else { continue }
      for list in s.classes.values { used.formUnion(list.map(\.id)) }
    }
    let stem = String((base.isEmpty ? "class" : base).prefix(56))
    var id = stem
    var n = 1
    while used.contains(id) {
      n += 1
      id = "\(stem)-\(n)"
    }
    return id
  }
}
