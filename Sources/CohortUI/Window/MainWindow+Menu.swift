import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// The main menu (GNOME's primary menu): what is used now and then, and the actions plugins
/// contribute to it (asked of the registry, so the window names none of them).
extension MainWindow {
  func mainMenu() -> Widget {
    let menu = UI.menuButton("", name: "Main menu", tooltip: "Main menu") { [weak self] in
      guard let self else { return [] }
      let contributed = self.context.registry.actions(in: .mainMenu).map { action in
        MenuItem(action.title, name: action.title) { [weak self] in self?.run(action) }
      }
      return [
        MenuItem("Open data folder…", name: "Open data folder") { [weak self] in self?.chooseDataFolder() },
        MenuItem("Trust settings", name: "Trust settings") { [weak self] in self?.openSettings(nil) },
        MenuItem("Plugins…", name: "Plugins") { [weak self] in self?.openPlugins() },
        MenuItem("Keyboard shortcuts", name: "Keyboard shortcuts") { [weak self] in
          guard let self else { return }
          UI.activate(self.window, action: "win.show-help-overlay")
        },
      ] + contributed + [MenuItem("About Cohort", name: "About Cohort") { [weak self] in self?.showAbout() }]
    }
    UI.setMenuIcon(menu, "open-menu-symbolic")
    return menu
  }

  /// A button in the header bar for each action a plugin puts there (none of the built-in ones
  /// do: the header keeps its room for the page switcher on a small screen).
  func headerActions() -> [Widget] {
    context.registry.actions(in: .header).map { action in
      UI.button(action.title, name: action.title) { [weak self] in self?.run(action) }
    }
  }

  /// A contributed action, off the main thread (a folder check reads every document); its one
  /// line, or why it failed, in a toast.
  func run(_ action: MenuAction) {
    let request = ActionRequest(
      folder: context.folder, trust: context.trust, registry: context.registry, scope: scope.analysis,
      when: HalfTermRef(scope.year, scope.halfTerm))
    toast("\(action.title)…", undo: nil)
    MainLoop.background(
      { try action.run(request) },
      then: { [weak self] said in
        switch said {
        case .success(let line): self?.toast(line, undo: nil)
        case .failure(let error): self?.toast("\(action.title): \(error.localizedDescription)", undo: nil)
        }
      })
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
