import CohortCore
import CohortStore
import Foundation

/// Where the app keeps trusts on this device when the person does not choose another place:
/// the desktop's data folder ($XDG_DATA_HOME/cohort), one folder per trust.
public enum DataPlaces {
  public static var dataHome: String {
    let env = ProcessInfo.processInfo.environment
    let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
    return base + "/cohort"
  }

  /// The sample trust the welcome page opens (made on first use).
  public static var sample: String { dataHome + "/sample-trust" }

  /// A new trust's folder inside `parent`: named after the trust, with -2, -3... when that
  /// name is taken, so that a second trust of the same name never lands in the first's folder.
  public static func newTrustFolder(
    named name: String, in parent: String, taken: (String) -> Bool = { Folders.exists($0) }
  ) -> String {
    let base = slug(name).isEmpty ? "trust" : slug(name)
    let parent = parent.hasSuffix("/") && parent.count > 1 ? String(parent.dropLast()) : parent
    var path = parent + "/" + base
    var n = 1
    while taken(path) {
      n += 1
      path = parent + "/" + base + "-\(n)"
    }
    return path
  }

  /// "~/.local/share/cohort" rather than the whole home folder: how a person reads a place.
  public static func readable(_ path: String) -> String {
    let home = NSHomeDirectory()
    return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
  }
}
