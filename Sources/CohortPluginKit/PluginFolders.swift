import CohortStore
import Foundation

/// Where plugins come from, highest precedence first: the trust's data folder (synced to every
/// laptop), the user's folder, then the built-in resources.
public enum PluginFolders {
  public enum Source: String, Sendable, Codable {
    case trust, user
    case builtIn = "built-in"
  }

  public static func standard(dataFolder: String?) -> [(Source, String)] {
    var out: [(Source, String)] = []
    if let dataFolder { out.append((.trust, dataFolder + "/plugins")) }
    out.append((.user, userFolder()))
    if let r = resourcesFolder() { out.append((.builtIn, r + "/plugins")) }
    return out
  }

  public static func userFolder() -> String {
    let env = ProcessInfo.processInfo.environment
    let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
    return base + "/cohort/plugins"
  }

  /// The built-in `resources/` folder: $COHORT_RESOURCES, else beside the executable (a build
  /// tree or an installed `share/cohort`), else the source tree this was compiled from.
  public static func resourcesFolder() -> String? {
    let env = ProcessInfo.processInfo.environment
    if let r = env["COHORT_RESOURCES"], !r.isEmpty { return r }
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    var dir = (exe as NSString).deletingLastPathComponent
    while dir.count > 1 {
      for candidate in [dir + "/resources", dir + "/share/cohort"] where isResources(candidate) {
        return candidate
      }
      dir = (dir as NSString).deletingLastPathComponent
    }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("resources").path
    return isResources(source) ? source : nil
  }

  static func isResources(_ path: String) -> Bool {
    Folders.isFolder(path + "/plugins")
  }
}
