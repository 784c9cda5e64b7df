import CohortCore
import CohortStore
import Foundation

/// "Who is at this laptop?": the trust's staff to pick from, or a new name to add. The answer
/// is remembered per trust on this device, and every change records that name.
public struct WhoIsHere: Sendable {
  public let staff: [StaffMember]

  public init(staff: [StaffMember]) { self.staff = staff.sorted { $0.name.lowercased() < $1.name.lowercased() } }

  /// The staff whose name holds every word typed, any case; everyone when nothing is typed.
  public func matches(_ typed: String) -> [StaffMember] {
    let words = typed.lowercased().split(separator: " ")
    return staff.filter { m in words.allSatisfy { m.name.lowercased().contains($0) } }
  }

  /// The member of staff whose whole name was typed, if any.
  public func exact(_ typed: String) -> StaffMember? {
    let t = typed.trimmingCharacters(in: .whitespaces).lowercased()
    return staff.first { $0.name.lowercased() == t }
  }

  /// Saves who is at this laptop for a trust (replaceable so that tests keep to themselves).
  public typealias Remember = (_ name: String, _ trust: String) throws -> Void

  /// Adds a new person to the trust's staff (recorded under their own name) and remembers
  /// them; a name already on the staff is that person, not a second one.
  @discardableResult
  public static func add(
    _ name: String, role: StaffRole, folder path: String, remember: Remember = DeviceSettings.setPerson
  ) throws -> String {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw InputError("Type your name as colleagues know it, like Ms A Patel") }
    let folder = DataFolder(root: path, author: Author(by: name, device: DeviceSettings.deviceName))
    let trust = try folder.loadTrust()
    if let same = WhoIsHere(staff: trust.staff).exact(name) {
      try remember(same.name, trust.id)
      return same.name
    }
    let member = try TrustSetup(folder: folder).addStaff(name: name, role: role)
    try remember(member.name, trust.id)
    return member.name
  }
}
