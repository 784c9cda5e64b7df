import CohortCore

/// The byte reader for rosters (pupils.json), which every trust-wide view reads for every
/// school: decoded with JSONDecoder they were the largest part of a cold dashboard. Same
/// contract as `ClassYearScanner`: what it accepts means the same as in the strict path
/// (Pupil's decoder: characteristics left out or null default to "no"); anything else
/// returns nil and the strict path reads or explains the document.
enum RosterScanner {
  /// `only`: just those pupils (see `DataFolder.loadRoster(_:only:)`).
  static func read(_ bytes: [UInt8], only ids: Set<String>? = nil) -> Roster? {
    bytes.withUnsafeBufferPointer { buffer in
      var s = ByteScanner(b: buffer)
      guard let roster = try? s.roster(only: ids), roster.format <= DocumentFormat.current else { return nil }
      return roster
    }
  }
}

extension ByteScanner {
  static let rosterFields = Fields(["erased", "format", "pupils", "school"])
  /// A pupil's keys, named and ordered as on disk (sorted).
  enum PupilKey: Int, CaseIterable {
    case dob, eal, ethnicity, ever6FSM, forename, fsm, id, leftOn, lookedAfter, ncYears, previouslyLookedAfter
    case pupilPremium, senStart, send, serviceChild, sex, surname, upn
  }
  static let pupilFields = Fields(PupilKey.allCases.map { "\($0)" })

  mutating func roster(only ids: Set<String>? = nil) throws -> Roster {
    var format: Int?
    var school: String?
    var pupils: [Pupil]?
    var erased: [String: Int64] = [:]
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.rosterFields) {
      switch key {
      case "format": format = Int(try int())
      case "school": school = try string()
      case "pupils":
        if let ids {
          // Appended to one array of the size wanted: a list of optionals, grown and then
          // compacted, copied every pupil three times over.
          var wanted: [Pupil] = []
          wanted.reserveCapacity(ids.count)
          try each { s in if let p = try s.pupil(in: ids) { wanted.append(p) } }
          pupils = wanted
        } else {
          pupils = try list { s in try s.pupil() }
        }
      case "erased": if !null() { erased = try times() }
      default: try skip()
      }
    }
    try end()
    guard let format, let school, let pupils else { throw Mismatch() }
    var roster = Roster(school: school, pupils: erased.isEmpty ? pupils : pupils.filter { erased[$0.id] == nil })
    roster.format = format
    roster.erased = erased
    return roster
  }

  mutating func pupil() throws -> Pupil {
    var id: String?
    var forename: String?
    var surname: String?
    var dob: SchoolDate?
    var p = Pupil(id: "", forename: "", surname: "", dob: SchoolDate(year: 2000, month: 1, day: 1)!)
    var keys = Keys()
    try open()
    while let k = try nextField(&keys, Self.pupilFields) {
      switch PupilKey(rawValue: k) {
      case .id?: id = try string()
      case .forename?: forename = try string()
      case .surname?: surname = try string()
      case .dob?: dob = try date()
      case .upn?: p.upn = null() ? nil : try string()
      case .sex?:
        if !null() {
          guard let sex = Sex(rawValue: try string()) else { throw Mismatch() }
          p.sex = sex
        }
      case .send?:
        if !null() {
          guard let send = SENDStatus(rawValue: try string()) else { throw Mismatch() }
          p.send = send
        }
      case .pupilPremium?: p.pupilPremium = null() ? false : try bool()
      case .fsm?: p.fsm = null() ? false : try bool()
      case .ever6FSM?: p.ever6FSM = null() ? false : try bool()
      case .lookedAfter?: p.lookedAfter = null() ? false : try bool()
      case .previouslyLookedAfter?: p.previouslyLookedAfter = null() ? false : try bool()
      case .serviceChild?: p.serviceChild = null() ? false : try bool()
      case .eal?: p.eal = null() ? false : try bool()
      case .ethnicity?: p.ethnicity = null() ? nil : try string()
      case .leftOn?: p.leftOn = null() ? nil : try date()
      case .senStart?: p.senStart = null() ? nil : try date()
      case .ncYears?: p.ncYears = null() ? [:] : try ncYears()
      case nil: try skip()
      }
    }
    guard let id, let forename, let surname, let dob else { throw Mismatch() }
    (p.id, p.forename, p.surname, p.dob) = (id, forename, surname, dob)
    return p
  }

  /// The pupil when its id is in `ids`; else nil, stepped over by its brackets (not checked).
  mutating func pupil(in ids: Set<String>) throws -> Pupil? {
    space()
    let start = i
    // A wanted pupil is told by its id, partway in: stop there and read it in full.
    let bytes = b
    let (id, wanted) = try step(noting: Self.idKey) { ids.contains(String(decoding: bytes[$0], as: UTF8.self)) }
    if id != nil, !wanted { return nil }
    // Wanted, or no plain id to tell by: read in full (which refuses a pupil without an id).
    i = start
    let p = try pupil()
    return ids.contains(p.id) ? p : nil
  }

  /// `{"2025-26": 5}`: academic year -> the MIS's NC year.
  mutating func ncYears() throws -> [AcademicYear: YearGroup] {
    var out: [AcademicYear: YearGroup] = [:]
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys) {
      guard let year = AcademicYear(key), let n = Int(exactly: try int()) else { throw Mismatch() }
      out[year] = YearGroup(n)
    }
    return out
  }
}
