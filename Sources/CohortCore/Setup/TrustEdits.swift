import Foundation

/// The changes a trust's set-up is made of. Each checks its input, changes nothing when it
/// refuses, marks the part it changed (for merging) and returns what a journal should say.
extension Trust {
  public mutating func addSchool(_ ref: SchoolRef, at now: Int64) throws -> String {
    if let clash = schools.first(where: { $0.id == ref.id }) {
      throw InputError("school id '\(ref.id)' is already \(clash.name): choose another id")
    }
    try checkNumbersFree(ref)
    schools.append(ref)
    touch("school:\(ref.id)", at: now)
    return "added school \(ref.name)"
  }

  public mutating func updateSchool(_ ref: SchoolRef, at now: Int64) throws -> String {
    guard let i = schools.firstIndex(where: { $0.id == ref.id }) else { throw unknownSchool(ref.id) }
    try checkNumbersFree(ref)
    schools[i] = ref
    touch("school:\(ref.id)", at: now)
    return "edited school \(ref.name)"
  }

  /// Removing a school that holds pupils is refused by the caller, which can see its folder.
  public mutating func removeSchool(_ id: String, at now: Int64) throws -> String {
    guard let i = schools.firstIndex(where: { $0.id == id }) else { throw unknownSchool(id) }
    let name = schools.remove(at: i).name
    touch("school:\(id)", at: now)
    return "removed school \(name)"
  }

  public func unknownSchool(_ id: String) -> InputError {
    let known = schools.map(\.id).joined(separator: ", ")
    return InputError("no school '\(id)' in this trust\(schools.isEmpty ? " yet" : ": expected one of \(known)")")
  }

  /// Two schools cannot share a URN or a DfE number: an import finds its school by them.
  func checkNumbersFree(_ ref: SchoolRef) throws {
    for other in schools where other.id != ref.id {
      if let u = ref.urn, other.urn == u { throw InputError("URN \(u) is already \(other.name)'s") }
      if let n = ref.dfeNumber, other.dfeNumber == n { throw InputError("DfE number \(n) is already \(other.name)'s") }
    }
  }

  /// The school a CTF's header names: by LA and establishment number, else by URN.
  public func school(la: String?, estab: String?, urn: String?) -> SchoolRef? {
    if let la, let estab, let s = schools.first(where: { $0.la == la && $0.estab == estab }) { return s }
    if let urn, !urn.isEmpty { return schools.first { $0.urn == urn } }
    return nil
  }

  // MARK: staff

  /// Adds a person; their id comes from their name ("Ms A Patel" -> "ms-a-patel", then -2...).
  public mutating func addStaff(name: String, role: StaffRole, schools: [String], at now: Int64) throws -> StaffMember {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw InputError("a member of staff needs a name") }
    if let same = staff.first(where: { $0.name.lowercased() == name.lowercased() }) {
      throw InputError("\(same.name) is already on the staff")
    }
    for s in schools where school(s) == nil { throw unknownSchool(s) }
    let base = slug(name).isEmpty ? "staff" : String(slug(name).prefix(56))
    var id = base
    var n = 1
    while staff.contains(where: { $0.id == id }) {
      n += 1
      id = "\(base)-\(n)"
    }
    let member = StaffMember(id: id, name: name, role: role, schools: schools)
    staff.append(member)
    touch("staff:\(id)", at: now)
    return member
  }

  public mutating func removeStaff(_ text: String, at now: Int64) throws -> String {
    let member = try staffMember(text)
    staff.removeAll { $0.id == member.id }
    touch("staff:\(member.id)", at: now)
    return "removed \(member.name) from the staff"
  }

  // MARK: subjects, scheme, terms

  public mutating func addSubject(id: String?, name: String, yearGroups: [YearGroup]?, at now: Int64) throws -> String {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw InputError("a subject needs a name") }
    let id = id ?? slug(name)
    guard isSafeID(id) else { throw InputError("subject id '\(id)' is not valid: lower-case letters, digits, - and _") }
    if let same = subjects.first(where: { $0.id == id || $0.name.lowercased() == name.lowercased() }) {
      throw InputError(
        "there is already a subject \(same.name)\(same.retired ? " (retired: bring it back instead)" : "")")
    }
    if let yearGroups, yearGroups.isEmpty { throw InputError("a subject needs at least one year group") }
    subjects.append(Subject(id: id, name: name, yearGroups: yearGroups))
    touch("subject:\(id)", at: now)
    return "added subject \(name)"
  }

  /// Renames, sets year groups (an empty list: all), retires or brings back a subject; nil
  /// leaves a part as it is.
  public mutating func updateSubject(
    _ text: String, name: String?, yearGroups: [YearGroup]?, retired: Bool?, at now: Int64
  ) throws -> String {
    var s = try subject(text)
    if let name {
      let n = name.trimmingCharacters(in: .whitespaces)
      guard !n.isEmpty else { throw InputError("a subject needs a name") }
      if let same = subjects.first(where: { $0.id != s.id && $0.name.lowercased() == n.lowercased() }) {
        throw InputError("there is already a subject \(same.name)")
      }
      s.name = n
    }
    if let yearGroups { s.yearGroups = yearGroups.isEmpty ? nil : yearGroups }
    if let retired { s.retired = retired }
    if retired == true && activeSubjects.filter({ $0.id != s.id }).isEmpty {
      throw InputError("\(s.name) is the last subject still entered: add another before retiring it")
    }
    subjects[subjects.firstIndex { $0.id == s.id }!] = s
    touch("subject:\(s.id)", at: now)
    return retired == true ? "retired subject \(s.name)" : "edited subject \(s.name)"
  }

  public mutating func setTerms(_ dates: TermDates, at now: Int64) -> String {
    terms[dates.year] = dates
    touch("terms:\(dates.year)", at: now)
    return "set the term dates for \(dates.year)"
  }

  /// Changing the scheme is refused by the caller while any judgement uses the old one.
  public mutating func setCodeScheme(_ id: String, at now: Int64) -> String {
    codeScheme = id
    touch("codeScheme", at: now)
    return "chose code scheme \(id)"
  }

  public mutating func rename(_ name: String, at now: Int64) throws -> String {
    let n = name.trimmingCharacters(in: .whitespaces)
    guard !n.isEmpty else { throw InputError("the trust needs a name") }
    self.name = n
    touch("name", at: now)
    return "renamed the trust \(n)"
  }

  /// Switches a plugin off (or back on) for every school of the trust.
  public mutating func setPlugin(_ id: String, enabled: Bool, at now: Int64) -> String {
    var off = Set(disabledPlugins)
    if enabled { off.remove(id) } else { off.insert(id) }
    disabledPlugins = off.sorted()
    touch("disabledPlugins", at: now)
    return "\(enabled ? "enabled" : "disabled") plugin \(id)"
  }

  /// Leavers' data is erased this many years after they left (nil: kept until erased by hand).
  public mutating func setRetention(years: Int?, at now: Int64) throws -> String {
    if let years, !(1...50).contains(years) {
      throw InputError("a retention period of \(years) years is not valid: give 1 to 50 years")
    }
    retentionYears = years
    touch("retentionYears", at: now)
    return years.map { "set the retention period to \($0) years after leaving" } ?? "cleared the retention period"
  }
}
