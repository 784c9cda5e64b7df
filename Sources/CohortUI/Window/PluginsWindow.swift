import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// Plugins, as a preferences window: each plugin found (the registry's and the window's pages)
/// in plain words, with a switch per trust. A plugin the trust's data uses cannot be switched
/// off: its row says why, with the count of what uses it.
@MainActor
final class PluginsWindow {
  let window: Widget
  private let context: AppContext
  private var switches: [String: Widget] = [:]
  private(set) var isOpen = true

  init(parent: Widget, context: AppContext, pages: [PageKind]) {
    self.context = context
    window = Adw.preferencesWindow(title: "Plugins", parent: parent, width: 820, height: 640)
    var groups: [Widget] = []
    let loaded = context.registry.plugins.filter { $0.source != .builtIn }
    let builtIn = context.registry.plugins.filter { $0.source == .builtIn }
    if !loaded.isEmpty {
      groups.append(Adw.group(title: "Added plugins", description: nil, rows: loaded.map(row)))
    }
    groups.append(
      Adw.group(
        title: "Built into Cohort",
        description: "Switched off here, a plugin is off for every school of \(context.trust.name), from the "
          + "next time Cohort opens the trust.", rows: builtIn.map(row)))
    groups.append(Adw.group(title: "Pages of the window", description: nil, rows: pages.map(pageRow)))
    if !context.registry.problems.isEmpty {
      groups.append(
        Adw.group(
          title: "Not loaded", description: nil,
          rows: context.registry.problems.map { p in
            let file = (p.path as NSString).lastPathComponent
            return Adw.actionRow(title: file, subtitle: p.reason, suffix: nil)
          }))
    }
    Adw.addPreferencesPage(
      window, id: "plugins", title: "Plugins", icon: "application-x-addon-symbolic", groups: groups)
    Signal.on(window, "destroy") { [weak self] in self?.isOpen = false }
    UI.present(window)
    findWhatIsInUse()
  }

  /// "Built in", "Added to this trust's folder", "Added on this laptop".
  static func sourceWords(_ s: PluginFolders.Source) -> String {
    switch s {
    case .builtIn: "Built in"
    case .trust: "Added to this trust's folder"
    case .user: "Added on this laptop"
    }
  }

  static func stateWords(_ state: LoadedPlugin.State) -> String {
    switch state {
    case .active: "On"
    case .disabled: "Off for this trust"
    case .refused(let why): "Not used: \(why)"
    case .shadowed: "Not used: another copy of it is used instead"
    }
  }

  private func row(_ plugin: LoadedPlugin) -> Widget {
    let m = plugin.manifest
    let state = Self.stateWords(plugin.state)
    let subtitle = [m.description, "\(Self.sourceWords(plugin.source)) · version \(m.version) · \(state)"]
      .compactMap { $0 }.joined(separator: "\n")
    // Named by its row's title (libadwaita's labelled-by): "Yellow / Green / Purple".
    let toggle = UI.switchControl(on: plugin.state != .disabled, name: nil)
    switches[m.id] = toggle
    let row = Adw.actionRow(title: m.name, subtitle: subtitle, suffix: toggle)
    let id = m.id
    UI.onSwitch(toggle) { [weak self] on in self?.setEnabled(id, on, toggle: toggle) }
    return row
  }

  private func pageRow(_ page: PageKind) -> Widget {
    let row = Adw.actionRow(
      title: page.title,
      subtitle: [page.manifest.description, "Built in · On"].compactMap { $0 }.joined(separator: "\n"),
      suffix: nil)
    return row
  }

  /// Reads the trust's documents off the main thread, then locks the switch of each plugin
  /// the data uses, saying why.
  private func findWhatIsInUse() {
    let (folder, trust, registry) = (context.folder, context.trust, context.registry)
    let ids = context.registry.plugins.filter { $0.state == .active }.map(\.manifest.id)
    MainLoop.background(
      {
        ids.compactMap { id -> (String, [String])? in
          guard let why = try? PluginUse.reasons(id, folder: folder, trust: trust, registry: registry), !why.isEmpty
          else { return nil }
          return (id, why)
        }
      },
      then: { [weak self] found in
        guard let self, self.isOpen else { return }
        for (id, why) in (try? found.get()) ?? [] {
          guard let toggle = self.switches[id] else { continue }
          UI.setSensitive(toggle, false)
          UI.tooltip(toggle, Self.inUse(why))
          UI.setAccessibleDescription(toggle, Self.inUse(why))
        }
      })
  }

  static func inUse(_ why: [String]) -> String {
    "Cannot be switched off: " + why.joined(separator: "; ") + "."
  }

  private func setEnabled(_ id: String, _ on: Bool, toggle: Widget) {
    do {
      var trust = try context.folder.loadTrust()
      if !on {
        let why = try PluginUse.reasons(id, folder: context.folder, trust: trust, registry: context.registry)
        if !why.isEmpty {
          UI.setSwitch(toggle, true)
          UI.setSensitive(toggle, false)
          return Adw.preferencesToast(window, Self.inUse(why))
        }
      }
      guard trust.disabledPlugins.contains(id) == on else { return }
      let event = trust.setPlugin(id, enabled: on, at: DataFolder.now())
      try context.folder.saveTrust(trust, event: event)
      let name = context.registry.plugins.first { $0.manifest.id == id }?.manifest.name ?? "The plugin"
      Adw.preferencesToast(window, "\(name) is \(on ? "on" : "off") for the trust from the next start.")
    } catch {
      Adw.preferencesToast(window, "Could not save the change: \(error)")
    }
  }
}
