import CohortCore

/// The byte reader for trust.json, which every command and the window read first: its staff
/// list (each teacher with their schools, 128 KB of the large trust's 142) made JSONDecoder a
/// sixth of a dashboard read from the derived cache. Same contract as the other scanners:
/// what it accepts means what Trust's decoder makes of it; anything else returns nil for the
/// strict path. The term dates (a few per year) are decoded strictly from their own bytes.
enum TrustScanner {
  static func read(_ bytes: [UInt8]) -> Trust? {
    bytes.withUnsafeBufferPointer { buffer in
      var s = ByteScanner(b: buffer)
      guard let trust = try? s.trust(), trust.format <= DocumentFormat.current else { return nil }
      return trust
    }
  }
}

extension ByteScanner {
  static let trustFields = Fields([
    "changed", "codeScheme", "disabledPlugins", "disagreementSteps", "format", "id", "minimumGroupSize",
    "mostlyEnteredPercent", "name", "retentionYears", "schools", "staff", "subjects", "terms", "tests",
  ])
  static let schoolRefFields = Fields(["estab", "id", "la", "name", "shortName", "urn"])
  static let subjectFields = Fields(["id", "name", "retired", "yearGroups"])
  static let staffFields = Fields(["id", "name", "role", "schools"])

  mutating func trust() throws -> Trust {
    var format: Int?
    var id: String?
    var name: String?
    // Each field absent or null is its decoder's default.
    var t = Trust(id: "", name: "")
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.trustFields) {
      switch key {
      case "format": format = Int(try int())
      case "id": id = try string()
      case "name": name = try string()
      case "schools": t.schools = null() ? [] : try list { s in try s.schoolRef() }
      case "subjects": t.subjects = null() ? Subject.defaults : try list { s in try s.subject() }
      case "codeScheme": t.codeScheme = null() ? CodeScheme.defaultID : try string()
      case "disabledPlugins": t.disabledPlugins = null() ? [] : try strings()
      case "disagreementSteps": t.disagreementSteps = null() ? 1 : Int(try int())
      case "tests": t.tests = null() ? nil : try strings()
      case "staff": t.staff = null() ? [] : try list { s in try s.staffMember() }
      case "terms":
        guard !null() else { break }
        let start = i
        try skip()
        let dates = try DocumentCoding.decode([TermDates].self, from: Array(b[start..<i]))
        for d in dates { t.terms[d.year] = d }
      case "changed":
        guard !null() else { break }
        var parts = Keys()
        try open()
        while let part = try nextKey(&parts) { t.changed[part] = try int() }
      case "retentionYears": t.retentionYears = null() ? nil : Int(try int())
      case "mostlyEnteredPercent": t.mostlyEnteredPercent = null() ? Trust.defaultMostlyEntered : Int(try int())
      case "minimumGroupSize": t.minimumGroupSize = null() ? Trust.defaultMinimumGroup : Int(try int())
      default: try skip()
      }
    }
    try end()
    guard let format, let id, let name else { throw Mismatch() }
    (t.format, t.id, t.name) = (format, id, name)
    return t
  }

  mutating func schoolRef() throws -> SchoolRef {
    var id: String?
    var name: String?
    var optional: [String: String] = [:]
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.schoolRefFields) {
      switch key {
      case "id": id = try string()
      case "name": name = try string()
      case "shortName", "urn", "la", "estab": if !null() { optional[key] = try string() }
      default: try skip()
      }
    }
    guard let id, let name else { throw Mismatch() }
    return SchoolRef(
      id: id, name: name, shortName: optional["shortName"], urn: optional["urn"], la: optional["la"],
      estab: optional["estab"])
  }

  mutating func subject() throws -> Subject {
    var id: String?
    var name: String?
    var yearGroups: [YearGroup]?
    var retired = false
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.subjectFields) {
      switch key {
      case "id": id = try string()
      case "name": name = try string()
      case "yearGroups": yearGroups = null() ? nil : try list { s in YearGroup(Int(try s.int())) }
      case "retired": retired = null() ? false : try bool()
      default: try skip()
      }
    }
    guard let id, let name else { throw Mismatch() }
    return Subject(id: id, name: name, yearGroups: yearGroups, retired: retired)
  }

  mutating func staffMember() throws -> StaffMember {
    var id: String?
    var name: String?
    var role: StaffRole?
    var schools: [String]?
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.staffFields) {
      switch key {
      case "id": id = try string()
      case "name": name = try string()
      case "role":
        guard let r = StaffRole(rawValue: try string()) else { throw Mismatch() }
        role = r
      case "schools": schools = try strings()
      default: try skip()
      }
    }
    guard let id, let name, let role, let schools else { throw Mismatch() }
    return StaffMember(id: id, name: name, role: role, schools: schools)
  }
}
