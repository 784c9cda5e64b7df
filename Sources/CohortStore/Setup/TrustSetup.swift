import CohortCore
import Foundation

/// A trust's set-up as people change it, from the command line or the settings window: each
/// call reads what it needs, checks the change, and saves it all or nothing with a journal
/// line, or throws a one-line reason and changes nothing.
public struct TrustSetup: Sendable {
  public let folder: DataFolder
  public init(folder: DataFolder) { self.folder = folder }

  var now: Int64 { DataFolder.now() }

  func save(_ trust: Trust, schools: [School] = [], classYears: [ClassYear] = [], _ events: [String]) throws {
    try folder.commit(
      .init(
        trust: trust, schools: schools, classYears: classYears,
        events: events.map { (DataFolder.trustPath, nil, $0) }))
  }

  // MARK: the trust

  /// Creates the trust's folder: refused where one exists.
  @discardableResult
  public func create(name: String, codeScheme: String? = nil, subjects: [Subject]? = nil) throws -> Trust {
    if folder.exists { throw InputError("\(folder.root) already holds a trust (trust.json): nothing changed") }
    let id = slug(name)
    guard isSafeID(id) else { throw InputError("'\(name)' needs at least one letter or digit") }
    var trust = Trust(id: id, name: name.trimmingCharacters(in: .whitespaces))
    if let codeScheme { trust.codeScheme = codeScheme }
    if let subjects, !subjects.isEmpty { trust.subjects = subjects }
    try save(trust, ["created trust"])
    return trust
  }

  public func edit(_ change: (inout Trust, Int64) throws -> String) throws {
    var trust = try folder.loadTrust()
    let event = try change(&trust, now)
    try save(trust, [event])
  }

  // MARK: schools

  public func addSchool(_ ref: SchoolRef) throws {
    var trust = try folder.loadTrust()
    let event = try trust.addSchool(ref, at: now)
    if folder.files.fs.kind(folder.absolute(DataFolder.schoolPath(ref.id))) != nil {
      throw InputError("a folder for school '\(ref.id)' is already here: choose another id")
    }
    var school = School(id: ref.id, name: ref.name, urn: ref.urn)
    school.touch("name", at: now)
    try save(trust, schools: [school], [event])
  }

  /// Changes what is given; the rest stays.
  public func editSchool(
    _ id: String, name: String? = nil, shortName: String? = nil, urn: String? = nil, la: String? = nil,
    estab: String? = nil
  ) throws {
    var trust = try folder.loadTrust()
    guard let old = trust.school(id) else { throw trust.unknownSchool(id) }
    let ref = try SchoolRef.checked(
      id: id, name: name ?? old.name, shortName: shortName ?? old.shortName, urn: urn ?? old.urn, la: la ?? old.la,
      estab: estab ?? old.estab)
    let event = try trust.updateSchool(ref, at: now)
    var school = try folder.loadSchool(id)
    if school.name != ref.name {
      school.name = ref.name
      school.touch("name", at: now)
    }
    if school.urn != ref.urn {
      school.urn = ref.urn
      school.touch("urn", at: now)
    }
    try save(trust, schools: [school], [event])
  }

  /// Removes a school with no pupils and no data; its folder is set aside, not deleted.
  public func removeSchool(_ id: String) throws {
    var trust = try folder.loadTrust()
    guard let ref = trust.school(id) else { throw trust.unknownSchool(id) }
    let pupils = try folder.loadRoster(id).pupils.count
    if pupils > 0 {
      throw InputError("\(ref.name) still holds \(plural(pupils, "pupil")): it cannot be removed")
    }
    let event = try trust.removeSchool(id, at: now)
    try save(trust, [event])
    try folder.setAside(school: id)
  }

  // MARK: staff

  @discardableResult
  public func addStaff(name: String, role: StaffRole, schools: [String] = []) throws -> StaffMember {
    var trust = try folder.loadTrust()
    let member = try trust.addStaff(name: name, role: role, schools: schools, at: now)
    try save(trust, ["added \(member.name) to the staff (\(member.role.rawValue))"])
    return member
  }

  public func removeStaff(_ who: String) throws {
    var trust = try folder.loadTrust()
    let event = try trust.removeStaff(who, at: now)
    try save(trust, [event])
  }

  /// Names as the staff list spells them; anyone not on it is refused.
  func staffNames(_ names: [String], _ trust: Trust) throws -> [String] {
    try names.map { try trust.staffMember($0).name }
  }

  // MARK: subjects, scheme, terms

  /// Refused while any judgement holds a code the new scheme does not have.
  public func setCodeScheme(_ id: String, codes newCodes: Set<String>) throws {
    var trust = try folder.loadTrust()
    guard trust.codeScheme != id else { return }
    let absent = folder.absentSchools(of: trust)
    if !absent.isEmpty {
      throw InputError(
        "the code scheme can only change on a device that holds every school (not here: \(absent.map(\.name).joined(separator: ", ")))"
      )
    }
    let used = try judgementsOutside(newCodes, trust)
    if used > 0 {
      throw InputError(
        "\(plural(used, "judgement")) use\(used == 1 ? "s" : "") codes of the scheme in use (\(trust.codeScheme)): the scheme can only change before any judgement is entered with it"
      )
    }
    let event = trust.setCodeScheme(id, at: now)
    try save(trust, [event])
  }

  /// How many entered judgements hold a code outside `codes`, in every school and year.
  func judgementsOutside(_ codes: Set<String>, _ trust: Trust) throws -> Int {
    var n = 0
    for ref in folder.presentSchools(of: trust) {
      let school = try folder.loadSchool(ref.id)
      for year in school.years {
        for c in school.classes(in: year) {
          let doc = try folder.loadClassYear(school: ref.id, classID: c.id, year: year)
          n += doc.cells.values.filter { $0.code.map { !codes.contains($0) } ?? false }.count
        }
      }
    }
    return n
  }

  public func setTerms(_ dates: TermDates) throws {
    var trust = try folder.loadTrust()
    let event = trust.setTerms(dates, at: now)
    try save(trust, [event])
  }
}
