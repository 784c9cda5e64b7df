/// A class in one academic year; mixed-age classes list more than one year group.
public struct SchoolClass: Hashable, Sendable, Codable, Identifiable {
  /// Unique across the trust, so that `--class` alone finds it; stored in every export.
  public var id: String
  public var name: String
  public var yearGroups: [YearGroup]
  public var teacher: String?

  public init(id: String, name: String, yearGroups: [YearGroup], teacher: String? = nil) {
    self.id = id
    self.name = name
    self.yearGroups = yearGroups
    self.teacher = teacher
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

  public init(id: String, name: String, urn: String? = nil, classes: [AcademicYear: [SchoolClass]] = [:]) {
    self.format = DocumentFormat.current
    self.id = id
    self.name = name
    self.urn = urn
    self.classes = classes
    self.readOnlyYears = []
  }

  public func isReadOnly(_ year: AcademicYear) -> Bool { readOnlyYears.contains(year) }

  public func classes(in year: AcademicYear) -> [SchoolClass] { classes[year] ?? [] }
  public var years: [AcademicYear] { classes.keys.sorted() }

  enum CodingKeys: String, CodingKey { case format, id, name, urn, classes, readOnlyYears }

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
  }
}

/// A school's roster document.
public struct Roster: Hashable, Sendable, VersionedDocument {
  public var format: Int
  public var school: String
  public var pupils: [Pupil]

  public init(school: String, pupils: [Pupil] = []) {
    self.format = DocumentFormat.current
    self.school = school
    self.pupils = pupils
  }

  public func pupil(id: String) -> Pupil? { pupils.first { $0.id == id } }
}
