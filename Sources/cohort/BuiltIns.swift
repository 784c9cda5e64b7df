import CohortPluginKit
import CohortPlugins

// The one file of the command line that names the built-in plugins. Every command asks the
// registry `BuiltInPlugins.registry(...)` makes for what it shows or runs.

typealias BuiltInPlugins = CohortPlugins.BuiltInPlugins

/// What plugins provide, listed in a command's help. Argument parsing reads every command's
/// configuration, several times, on every run: loading the registry there cost each run of
/// any command (a cold dashboard) two thirds of its time. So it is loaded only when help is
/// asked for, and once.
enum PluginHelp {
  static let asked = CommandLine.arguments.dropFirst().contains { ["--help", "-h", "help"].contains($0) }
  static let registry = BuiltInPlugins.registry()

  /// "Title:" and one line per item, or nothing when this run did not ask for help.
  static func listing(_ title: String, _ lines: (PluginRegistry) -> [String]) -> String {
    asked ? title + ":\n" + lines(registry).joined(separator: "\n") : ""
  }
}
