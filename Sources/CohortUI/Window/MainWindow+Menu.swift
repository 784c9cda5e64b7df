import CohortCore
import CohortStore
import Foundation

/// The main menu (GNOME's primary menu): what is used now and then.
extension MainWindow {
  func mainMenu() -> Widget {
    let menu = UI.menuButton("", name: "Main menu", tooltip: "Main menu") { [weak self] in
      [
        MenuItem("Open data folder…", name: "Open data folder") { [weak self] in self?.chooseDataFolder() },
        MenuItem("Trust settings…", name: "Trust settings") { [weak self] in self?.openSettings(nil) },
        MenuItem("Plugins…", name: "Plugins") { [weak self] in self?.openPlugins() },
        MenuItem("Keyboard shortcuts", name: "Keyboard shortcuts") { [weak self] in
          guard let self else { return }
          UI.activate(self.window, action: "win.show-help-overlay")
        },
        MenuItem("About Cohort", name: "About Cohort") { [weak self] in self?.showAbout() },
      ]
    }
    UI.setMenuIcon(menu, "open-menu-symbolic")
    return menu
  }

  func openPlugins() {
    if let open = pluginsWindow, open.isOpen { return UI.present(open.window) }
    pluginsWindow = PluginsWindow(parent: window, context: context, pages: BuiltInPages.kinds(for: context.registry))
  }

  /// Another trust's folder (or this one again): this window closes once the other is open.
  func chooseDataFolder() {
    FileChooser.chooseFolder(parent: window, title: "Open a trust's data folder") { [weak self] path in
      guard let self else { return }
      guard Folders.holdsTrust(path) else {
        return self.toast(
          "There is no trust in \((path as NSString).lastPathComponent): choose its data folder", undo: nil)
      }
      if CohortApp.openFolder(self.app, path) { UI.requestClose(self.window) }
    }
  }

  func showAbout() {
    _ = Adw.about(
      parent: window,
      Adw.About(
        name: "Cohort", icon: CohortApp.applicationID, version: CohortApp.version,
        developer: "The Cohort contributors",
        comments: "Assessment tracking for primary schools: a class's judgements and test scores, and what leaders "
          + "need to see, kept in a plain folder the trust owns.",
        website: nil))
  }
}
