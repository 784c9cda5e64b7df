import CohortCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What this device remembers between runs, outside any data folder
/// ($XDG_CONFIG_HOME/cohort/settings.json, private): the last data folder the app opened, and
/// who uses each trust on this device, so that every change records a person's name rather
/// than the login name.
public enum DeviceSettings {
  struct Stored: Codable {
    var lastDataFolder: String?
    /// The person's name, per trust id.
    var people: [String: String]?
  }

  public static var path: String {
    let env = ProcessInfo.processInfo.environment
    let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
    return base + "/cohort/settings.json"
  }

  static func load() -> Stored { (try? Documents.read(Stored.self, at: path)) ?? Stored() }

  static func update(_ change: (inout Stored) -> Void) throws {
    var s = load()
    change(&s)
    try Documents.writePrivateFile(try DocumentCoding.encode(s), to: path)
  }

  public static var lastDataFolder: String? { load().lastDataFolder }

  public static func setLastDataFolder(_ folder: String?) throws { try update { $0.lastDataFolder = folder } }

  /// Who uses this trust on this device, when they have said.
  public static func person(forTrust id: String) -> String? { load().people?[id] }

  public static func setPerson(_ name: String, forTrust id: String) throws {
    try update { $0.people = ($0.people ?? [:]).merging([id: name]) { _, new in new } }
  }

  /// The device's name in journals: $COHORT_DEVICE, else the host name.
  public static var deviceName: String {
    ProcessInfo.processInfo.environment["COHORT_DEVICE"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ProcessInfo.processInfo.hostName
  }

  /// Who is making changes to the folder's trust: `given` (--by), else the device's saved name
  /// for the trust, else the login name.
  public static func author(for folder: String, given: String? = nil) -> Author {
    let trustID = try? DataFolder(root: folder, author: Author(by: "", device: "")).loadTrust().id
    let saved = trustID.flatMap { person(forTrust: $0) }
    return Author(by: given ?? saved ?? loginName, device: deviceName)
  }

  /// $USER, else the account's name (a service or a namespace may not set $USER).
  static var loginName: String {
    if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
    guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "unknown" }
    return String(cString: name)
  }
}
