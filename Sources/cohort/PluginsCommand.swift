import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore

struct PluginsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plugins", abstract: "List plugins, or switch one on or off for the trust.",
    subcommands: [List.self, Enable.self, Disable.self])

  struct Item: Encodable {
    var id: String
    var name: String
    var version: String
    var source: String
    var path: String
    var state: String
    var provides: [String]
    var depends: [String]
  }

  static func state(_ s: LoadedPlugin.State) -> String {
    switch s {
    case .active: "active"
    case .disabled: "disabled"
    case .refused(let why): "refused: \(why)"
    case .shadowed(let by): "shadowed by \(by)"
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every plugin found, its source and state.")
    @OptionGroup var options: DataOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Output: Encodable {
      var plugins: [Item]
      var problems: [[String: String]]
    }

    func run() throws {
      let folder = options.folder()
      let registry = BuiltInPlugins.registry(for: folder, trust: try folder.loadTrust())
      let items = registry.plugins.map {
        Item(
          id: $0.manifest.id, name: $0.manifest.name, version: $0.manifest.version, source: $0.source.rawValue,
          path: $0.path, state: PluginsCommand.state($0.state), provides: $0.manifest.provides.map(\.rawValue),
          depends: $0.manifest.depends ?? [])
      }
      if json {
        try printJSON(
          Output(plugins: items, problems: registry.problems.map { ["path": $0.path, "reason": $0.reason] }))
        return
      }
      for i in items {
        print("\(i.id) \(i.version) [\(i.source)] \(i.state): \(i.provides.joined(separator: ", "))  \(i.path)")
      }
      for p in registry.problems { print("problem: \(p)") }
    }
  }

  /// Shared by enable and disable: the id must name a plugin that exists.
  static func setDisabled(_ id: String, _ off: Bool, _ options: DataOptions) throws {
    let folder = options.folder()
    var trust = try folder.loadTrust()
    let registry = BuiltInPlugins.registry(for: folder, trust: trust)
    guard registry.plugins.contains(where: { $0.manifest.id == id }) else {
      throw CommandFailure("no plugin '\(id)': `cohort plugins list` shows them")
    }
    if off {
      let why = try PluginUse.reasons(id, folder: folder, trust: trust, registry: registry)
      if !why.isEmpty { throw CommandFailure("\(id) cannot be switched off: \(why.joined(separator: "; "))") }
    }
    let event = trust.setPlugin(id, enabled: !off, at: DataFolder.now())
    try folder.saveTrust(trust, event: event)
    print("\(id) is \(off ? "disabled" : "enabled") for \(trust.name)")
  }

  struct Enable: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Switch a plugin on for the trust.")
    @OptionGroup var options: DataOptions
    @Argument var id: String
    func run() throws { try PluginsCommand.setDisabled(id, false, options) }
  }

  struct Disable: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Switch a plugin off for the trust.")
    @OptionGroup var options: DataOptions
    @Argument var id: String
    func run() throws { try PluginsCommand.setDisabled(id, true, options) }
  }
}
