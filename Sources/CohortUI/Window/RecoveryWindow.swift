import CohortStore

/// A trust that cannot open because a plugin its data uses is missing: a status page that
/// says what is missing and offers the way out (the plugins back on, or another folder).
@MainActor
enum RecoveryWindow {
  static func show(_ app: Application, path: String, missing: MissingPlugin) {
    let w = Adw.applicationWindow(app)
    UI.setTitle(w, "Cohort: \(missing.trustName)")
    UI.fitDefaultSize(w, 760, 520)
    var buttons: [Widget] = []
    if !missing.switchedOff.isEmpty {
      let on = UI.button("Switch plugins back on", name: "Switch the trust's plugins back on") {
        do {
          try missing.switchBackOn(path: path, author: DeviceSettings.author(for: path))
        } catch {
          return CohortApp.showProblem(app, "Could not switch the plugins back on: \(error)")
        }
        if CohortApp.open(app, path, CohortApp.Options()) { UI.close(w) }
      }
      UI.addClasses(on, ["suggested-action", "pill"])
      buttons.append(on)
    }
    let other = UI.button("Open another folder…", name: "Open another folder") {
      FileChooser.chooseFolder(parent: w, title: "Open a trust's data folder") { chosen in
        if CohortApp.openFolder(app, chosen) { UI.close(w) }
      }
    }
    UI.addClasses(other, ["pill"])
    buttons.append(other)
    let page = Adw.statusPage(
      icon: "dialog-warning-symbolic", title: missing.title, description: missing.detail, buttons: buttons)
    let box = UI.box(true)
    UI.expand(page, v: true)
    UI.append(box, Adw.headerBar(start: [], title: nil, end: []), page)
    Adw.setContent(w, box)
    UI.present(w)
  }
}
