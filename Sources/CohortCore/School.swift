/// A class in one academic year; mixed-age classes list more than one year group.
public struct SchoolClass: Hashable, Sendable, Codable, Identifiable {
  /// Unique across the trust, so that `--class` alone finds it; stored in every export.
  public var id: String
  public var name: String
  public var yearGroups: [YearGroup]
  /// The class's teachers by name (from the trust's staff), in the order the school gives.
  public var teachers: [String]

  public init(id: String, name: String, yearGroups: [YearGroup], teachers: [String] = []) {
    self.id = id
    self.name = name
    self.yearGroups = yearGroups
    self.teachers = teachers
  }

  public init(id: String, name: String, yearGroups: [YearGroup], teacher: String?) {
    self.init(id: id, name: name, yearGroups: yearGroups, teachers: teacher.map { [$0] } ?? [])
  }

  /// The teachers as one line ("Ms Patel, Mr Jones"), nil when none is set.
  public var teacher: String? { teachers.isEmpty ? nil : teachers.joined(separator: ", ") }

  /// "Y3/4", "Y5", "R/Y1": how a mixed-age class is written.
  public var yearGroupsLabel: String {
    let sorted = yearGroups.sorted()
    guard let first = sorted.first else { return "" }
    return sorted.dropFirst().reduce(first.shortLabel) { $0 + "/" + ($1.number == 0 ? "R" : "\($1.number)") }
  }

  enum CodingKeys: String, CodingKey { case id, name, yearGroups, teacher, teachers }

  /// Older documents name one `teacher`.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    yearGroups = try c.decode([YearGroup].self, forKey: .yearGroups)
    teachers =
      try c.decodeIfPresent([String].self, forKey: .teachers)
      ?? (try c.decodeIfPresent(String.self, forKey: .teacher)).map { [$0] } ?? []
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(yearGroups, forKey: .yearGroups)
    if !teachers.isEmpty { try c.encode(teachers, forKey: .teachers) }
  }
}

/// A school's own document: its details and its classes in each academic year.
public struct School: Hashable, Sendable, VersionedDocument, Identifiable {
  public var format: Int
  public var id: String
  public var name: String
  /// The DfE unique reference number, when known.
  public var urn: String?
  public var classes: [AcademicYear: [SchoolClass]]
  /// Years closed by a rollover: kept intact and read-only (the store refuses saves into them).
  /// Left out of the document while empty, so that schools never rolled over read as before.
  public var readOnlyYears: [AcademicYear]
  /// When each part was last changed (see Trust+Merge): how two laptops' copies merge.
  public var changed: [String: Int64]

  public init(id: String, name: String, urn: String? = nil, classes: [AcademicYear: [SchoolClass]] = [:]) {
    self.format = DocumentFormat.current
    self.id = id
    self.name = name
    self.urn = urn
    self.classes = classes
    self.readOnlyYears = []
    self.changed = [:]
  }

  public func isReadOnly(_ year: AcademicYear) -> Bool { readOnlyYears.contains(year) }

  public func classes(in year: AcademicYear) -> [SchoolClass] { classes[year] ?? [] }
  public var years: [AcademicYear] { classes.keys.sorted() }

  enum CodingKeys: String, CodingKey { case format, id, name, urn, classes, readOnlyYears, changed }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    urn = try c.decodeIfPresent(String.self, forKey: .urn)
    let raw = try c.decodeIfPresent([String: [SchoolClass]].self, forKey: .classes) ?? [:]
    var byYear: [AcademicYear: [SchoolClass]] = [:]
    for (key, list) in raw {
      guard let year = AcademicYear(key) else {
        throw DecodingError.dataCorruptedError(
          forKey: .classes, in: c, debugDescription: "'\(key)' is not an academic year (2026-27)")
      }
      byYear[year] = list
    }
    classes = byYear
    readOnlyYears = try c.decodeIfPresent([AcademicYear].self, forKey: .readOnlyYears) ?? []
    changed = try c.decodeIfPresent([String: Int64].self, forKey: .changed) ?? [:]
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encodeIfPresent(urn, forKey: .urn)
    let raw = Dictionary(uniqueKeysWithValues: classes.map { ($0.key.description, $0.value) })
    try c.encode(raw, forKey: .classes)
    if !readOnlyYears.isEmpty { try c.encode(readOnlyYears.sorted(), forKey: .readOnlyYears) }
    if !changed.isEmpty { try c.encode(changed, forKey: .changed) }
  }
}

/// A school's roster document.
public struct Roster: Hashable, Sendable, VersionedDocument {
  public var format: Int
  public var school: String
  public var pupils: [Pupil]
  /// Pupils whose personal data was erased (a subject's request, or the retention period):
  /// their Cohort ids and when, nothing else, so that no older copy brings them back.
  public var erased: [String: Int64]

  public init(school: String, pupils: [Pupil] = []) {
    self.format = DocumentFormat.current
    self.school = school
    self.pupils = pupils
    self.erased = [:]
  }

  public func pupil(id: String) -> Pupil? { pupils.first { $0.id == id } }

  /// Takes the pupil off the roster for good, leaving the tombstone.
  public mutating func erase(_ id: String, at now: Int64) {
    pupils.removeAll { $0.id == id }
    erased[id] = max(now, erased[id] ?? 0)
  }

  enum CodingKeys: String, CodingKey { case format, school, pupils, erased }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    school = try c.decode(String.self, forKey: .school)
    pupils = try c.decode([Pupil].self, forKey: .pupils)
    erased = try c.decodeIfPresent([String: Int64].self, forKey: .erased) ?? [:]
    // A copy made before the erasure that reached this one still lists the pupil.
    if !erased.isEmpty { pupils.removeAll { erased[$0.id] != nil } }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(school, forKey: .school)
    try c.encode(pupils, forKey: .pupils)
    if !erased.isEmpty { try c.encode(erased, forKey: .erased) }
  }
}
