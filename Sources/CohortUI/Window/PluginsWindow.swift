import CGtk
import CohortCore
import CohortPluginKit
import CohortStore

/// Preferences > Plugins: every plugin found (the registry's and the window's pages), where it
/// came from, its state, what it provides, and a switch per trust.
@MainActor
final class PluginsWindow {
  let window: Widget
  private let context: AppContext
  private let status: Widget

  init(parent: Widget, context: AppContext, pages: [PageKind]) {
    self.context = context
    window = gtk_window_new()!
    gtk_window_set_title(cg_window(window), "Plugins")
    gtk_window_set_transient_for(cg_window(window), cg_window(parent))
    UI.fitDefaultSize(window, 900, 600)
    let box = UI.box(true, spacing: 8, classes: ["plugins-window"])
    let intro = UI.label(
      "Plugins switched off here are off for every school of \(context.trust.name) (trust.json). Changes apply the next time Cohort opens this folder.",
      classes: ["dim-label"])
    gtk_label_set_wrap(cg_label(intro), 1)
    status = UI.label("")
    let list = gtk_list_box_new()!
    gtk_list_box_set_selection_mode(cg_list_box(list), GTK_SELECTION_NONE)
    UI.addClasses(list, ["boxed-list"])
    UI.setAccessibleName(list, "Plugins")
    for plugin in context.registry.plugins { gtk_list_box_append(cg_list_box(list), row(plugin)) }
    for page in pages { gtk_list_box_append(cg_list_box(list), pageRow(page)) }
    for problem in context.registry.problems {
      let label = UI.label("Not loaded: \(problem.path): \(problem.reason)", classes: ["error"])
      gtk_label_set_wrap(cg_label(label), 1)
      gtk_list_box_append(cg_list_box(list), label)
    }
    UI.append(box, intro, UI.scrolled(list), status)
    gtk_window_set_child(cg_window(window), box)
    gtk_window_present(cg_window(window))
  }

  private func describe(_ m: PluginManifest, source: String, state: String) -> Widget {
    let text = UI.box(true, spacing: 2)
    gtk_widget_set_hexpand(text, 1)
    let title = UI.label("\(m.name)  \(m.version)", classes: ["heading"])
    let detail = UI.label(
      "\(m.id) · \(source) · \(state) · provides \(m.provides.map(\.rawValue).joined(separator: ", "))",
      classes: ["dim-label"])
    gtk_label_set_wrap(cg_label(detail), 1)
    UI.append(text, title, detail)
    if let d = m.description { UI.append(text, UI.label(d)) }
    return text
  }

  private func row(_ plugin: LoadedPlugin) -> Widget {
    let row = UI.box(false, spacing: 12, classes: ["plugin-row"])
    let state: String
    switch plugin.state {
    case .active: state = "active"
    case .disabled: state = "off for this trust"
    case .refused(let why): state = "not used: \(why)"
    case .shadowed(let by): state = "replaced by \(by)"
    }
    let location = plugin.path == "(built in)" ? plugin.source.rawValue : "\(plugin.source.rawValue): \(plugin.path)"
    UI.append(row, describe(plugin.manifest, source: location, state: state))
    let toggle = gtk_switch_new()!
    gtk_switch_set_active(OpaquePointer(toggle), plugin.state == .disabled ? 0 : 1)
    gtk_widget_set_valign(toggle, GTK_ALIGN_CENTER)
    UI.setAccessibleName(toggle, "Use \(plugin.manifest.name)")
    let id = plugin.manifest.id
    Signal.onPointer(toggle, "notify::active") { [weak self] _ in
      self?.setEnabled(id, gtk_switch_get_active(OpaquePointer(toggle)) != 0)
    }
    UI.append(row, toggle)
    UI.setAccessibleName(row, "\(plugin.manifest.id) \(plugin.manifest.version), \(state)")
    return row
  }

  private func pageRow(_ page: PageKind) -> Widget {
    let row = UI.box(false, spacing: 12, classes: ["plugin-row"])
    UI.append(row, describe(page.manifest, source: "built-in", state: "active"))
    UI.setAccessibleName(row, "\(page.manifest.id) \(page.manifest.version), active")
    return row
  }

  private func setEnabled(_ id: String, _ on: Bool) {
    do {
      var trust = try context.folder.loadTrust()
      if !on {
        let why = try PluginUse.reasons(id, folder: context.folder, trust: trust, registry: context.registry)
        if !why.isEmpty {
          UI.setText(status, "\(id) stays on: \(why.joined(separator: "; ")). Reopen Plugins to see it on.")
          return
        }
      }
      let event = trust.setPlugin(id, enabled: on, at: DataFolder.now())
      try context.folder.saveTrust(trust, event: event)
      UI.setText(status, "\(id) is \(on ? "on" : "off") for the trust from the next start.")
    } catch {
      UI.setText(status, "Could not save the change: \(error)")
    }
  }
}
