import CohortCore

/// Finding things by the ids people type: a class by its id, a pupil by UPN or id.
extension DataFolder {
  /// The schools of trust.json whose folders this device holds (a teacher's laptop may hold
  /// only their school's), each loaded; an unreadable one throws with its path.
  public func loadSchools(of trust: Trust) throws -> [School] {
    try presentSchools(of: trust).map { try loadSchool($0.id) }
  }

  /// Whether this device holds the school's folder (its school.json).
  public func holds(school id: String) -> Bool {
    isSafeID(id) && files.fs.kind(absolute(Self.schoolPath(id))) == .file
  }

  /// The trust's schools held here, in the trust's order.
  public func presentSchools(of trust: Trust) -> [SchoolRef] { trust.schools.filter { holds(school: $0.id) } }

  /// The trust's schools whose folders are not on this device: named, never an error.
  public func absentSchools(of trust: Trust) -> [SchoolRef] { trust.schools.filter { !holds(school: $0.id) } }

  /// The class with this id in this year; `school` narrows the search when ids repeat.
  public func findClass(_ id: String, year: AcademicYear, school: String? = nil) throws -> (School, SchoolClass) {
    let trust = try loadTrust()
    var found: [(School, SchoolClass)] = []
    if let school, trust.school(school) != nil, !holds(school: school) {
      throw StoreError.notFound("\(trust.school(school)!.name) is not on this device")
    }
    for ref in presentSchools(of: trust) where school == nil || ref.id == school {
      let s = try loadSchool(ref.id)
      if let c = s.classes(in: year).first(where: { $0.id == id.lowercased() }) { found.append((s, c)) }
    }
    guard let first = found.first else {
      throw StoreError.notFound("no class '\(id)' in \(year)\(school.map { " at school \($0)" } ?? "")")
    }
    if found.count > 1 {
      throw StoreError.invalid(
        "class id '\(id)' is used by \(found.map(\.0.id).joined(separator: " and ")): add --school")
    }
    return first
  }

  /// A pupil by Cohort id or UPN (any case and spacing), with their school.
  public func findPupil(_ key: String) throws -> (school: String, pupil: Pupil) {
    let trust = try loadTrust()
    let upn = key.uppercased().filter { !$0.isWhitespace }
    for ref in presentSchools(of: trust) {
      let roster = try loadRoster(ref.id)
      if let p = roster.pupils.first(where: { $0.id == key || $0.upn?.uppercased() == upn }) {
        return (ref.id, p)
      }
    }
    throw StoreError.notFound("no pupil with id or UPN '\(key)' in this trust")
  }

  /// The class-year document that lists the pupil in `year`, if any.
  public func classYear(of pupil: String, school: String, year: AcademicYear) throws -> ClassYear? {
    let s = try loadSchool(school)
    for c in s.classes(in: year) {
      let doc = try loadClassYear(school: school, classID: c.id, year: year)
      if doc.isMember(pupil) { return doc }
    }
    return nil
  }
}

extension DataFolder {
  /// Standardised scores of `pupils` in a year and term, from whichever classes they were in:
  /// last summer's scores beside this autumn's.
  public func scores(of pupils: [String], school: String, year: AcademicYear, term: Term) throws -> [String: [String:
    Int]]
  {
    let wanted = Set(pupils)
    var out: [String: [String: Int]] = [:]
    for c in try loadSchool(school).classes(in: year) {
      let doc = try loadClassYear(school: school, classID: c.id, year: year)
      for (key, cell) in doc.scores where key.term == term && wanted.contains(key.pupil) {
        if let s = cell.standardised { out[key.pupil, default: [:]][key.test] = s }
      }
    }
    return out
  }
}

extension DataFolder {
  /// Whether a folder for the school is here already (a school removed and set aside keeps
  /// only its hidden copy, so its id is free again).
  public func holdsSchoolFolder(_ id: String) -> Bool { files.fs.kind(absolute("schools/\(id)")) != nil }
}
