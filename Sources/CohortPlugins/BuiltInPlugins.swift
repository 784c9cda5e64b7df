import CohortCore
import CohortPluginKit
import CohortStore

/// The one list of the plugins compiled into Cohort. Nothing else names a built-in feature:
/// the shells find features through the registry.
public enum BuiltInPlugins {
  public static let all: [CompiledPlugin] = [
    CSVExportPlugin(), ScoresPlugin(), FlagRulesPlugin(), ReportsPlugin(), RosterPlugin(), FolderCheckPlugin(),
    ChartsPlugin(), PagesPlugin(),
  ]

  /// The registry for a data folder: its trust's switches, its plugin folder, the user's, and
  /// the built-in ones.
  public static func registry(for folder: DataFolder, trust: Trust) -> PluginRegistry {
    PluginRegistry.load(dataFolder: folder.root, builtIns: all, disabled: Set(trust.disabledPlugins))
  }

  /// The registry when no data folder is open (e.g. to make a new one).
  public static func registry() -> PluginRegistry {
    PluginRegistry.load(dataFolder: nil, builtIns: all)
  }
}
