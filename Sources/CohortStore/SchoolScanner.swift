import CohortCore

/// The byte reader for school.json, which every trust-wide view reads for every school (its
/// classes of every year). Same contract as the other scanners: what it accepts means what
/// School's decoder makes of it; anything else returns nil for the strict path.
enum SchoolScanner {
  static func read(_ bytes: [UInt8]) -> School? {
    bytes.withUnsafeBufferPointer { buffer in
      var s = ByteScanner(b: buffer)
      guard let school = try? s.school(), school.format <= DocumentFormat.current else { return nil }
      return school
    }
  }
}

extension ByteScanner {
  static let schoolFields = Fields(["changed", "classes", "format", "id", "name", "readOnlyYears", "urn"])
  static let classFields = Fields(["id", "name", "teacher", "teachers", "yearGroups"])

  mutating func school() throws -> School {
    var format: Int?
    var id: String?
    var name: String?
    var urn: String?
    var classes: [AcademicYear: [SchoolClass]] = [:]
    var readOnly: [AcademicYear] = []
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.schoolFields) {
      switch key {
      case "format": format = Int(try int())
      case "id": id = try string()
      case "name": name = try string()
      case "urn": urn = null() ? nil : try string()
      case "classes":
        guard !null() else { break }
        var years = Keys()
        try open()
        while let text = try nextKey(&years) {
          guard let year = AcademicYear(text) else { throw Mismatch() }
          classes[year] = try list { s in try s.schoolClass() }
        }
      // A year closed by the rollover: dropping it would reopen the year.
      case "readOnlyYears":
        guard !null() else { break }
        readOnly = try list { s in
          guard let y = AcademicYear(try s.string()) else { throw Mismatch() }
          return y
        }
      default: try skip()
      }
    }
    try end()
    guard let format, let id, let name else { throw Mismatch() }
    var school = School(id: id, name: name, urn: urn, classes: classes)
    school.format = format
    school.readOnlyYears = readOnly
    return school
  }

  mutating func schoolClass() throws -> SchoolClass {
    var id: String?
    var name: String?
    var yearGroups: [YearGroup]?
    var teachers: [String]?
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.classFields) {
      switch key {
      case "id": id = try string()
      case "name": name = try string()
      case "yearGroups": yearGroups = try list { s in YearGroup(Int(try s.int())) }
      // Older documents name one teacher.
      case "teacher": if !null(), teachers == nil { teachers = [try string()] }
      case "teachers": teachers = null() ? nil : try list { s in try s.string() }
      default: try skip()
      }
    }
    guard let id, let name, let yearGroups else { throw Mismatch() }
    return SchoolClass(id: id, name: name, yearGroups: yearGroups, teachers: teachers ?? [])
  }
}
