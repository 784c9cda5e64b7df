/// What a member of staff does in Cohort: who may be picked as a class teacher, an owner of
/// an action, an attendee. Raw values are stored on disk.
public enum StaffRole: String, CaseIterable, Sendable, Codable {
  case teacher, leader, administrator

  public var label: String { rawValue.capitalized }

  public static func parse(_ text: String) throws -> StaffRole {
    guard let role = StaffRole(rawValue: text.lowercased()) else {
      throw InputError("unknown role '\(text)': expected teacher, leader or administrator")
    }
    return role
  }
}

/// A person on the trust's staff, named wherever a person is named (pickers, not free text).
public struct StaffMember: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var name: String
  public var role: StaffRole
  /// The schools they work in; empty for trust-wide staff.
  public var schools: [String]

  public init(id: String, name: String, role: StaffRole, schools: [String] = []) {
    self.id = id
    self.name = name
    self.role = role
    self.schools = schools
  }

  /// Whether they work at a school (trust-wide staff work at every one).
  public func works(at school: String) -> Bool { schools.isEmpty || schools.contains(school) }
}

extension Trust {
  /// A member of staff by id or name (any case), or an error that lists who there is.
  public func staffMember(_ text: String) throws -> StaffMember {
    let key = text.lowercased()
    if let s = staff.first(where: { $0.id == key || $0.name.lowercased() == key }) { return s }
    let names = staff.map(\.name).joined(separator: ", ")
    throw InputError("no one called '\(text)' on the trust's staff\(staff.isEmpty ? "" : ": expected one of \(names)")")
  }
}
