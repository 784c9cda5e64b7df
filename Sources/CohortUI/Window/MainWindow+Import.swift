import CGtk
import CohortCore
import Foundation

extension MainWindow {
  /// The header's Data menu: rosters in from the MIS, and the new academic year. One button,
  /// so that the breadcrumb keeps its room.
  func dataMenu() -> Widget {
    let menu = gtk_menu_button_new()!
    gtk_menu_button_set_label(OpaquePointer(menu), "Data")
    UI.setAccessibleName(menu, "Data")
    gtk_widget_set_tooltip_text(menu, "Import pupils from the MIS; start a new academic year")
    let popover = gtk_popover_new()!
    let typed = UnsafeMutableRawPointer(popover).assumingMemoryBound(to: GtkPopover.self)
    let list = UI.box(true, spacing: 4)
    let pupils = UI.button(
      "Import pupils…", name: "Import pupils",
      tooltip: "Pupils from the MIS: a Common Transfer File (.xml) or a CSV export, previewed first"
    ) { [weak self] in
      gtk_popover_popdown(typed)
      self?.chooseRosterImport()
    }
    let rollover = UI.button(
      "New academic year…", name: "New academic year",
      tooltip: "Start the next academic year: pupils move up, Year 6 leave"
    ) { [weak self] in
      gtk_popover_popdown(typed)
      guard let self else { return }
      self.rolloverWindow = RolloverWindow(parent: self.window, context: self.context) { [weak self] message in
        self?.reload(saying: message)
      }
    }
    UI.append(list, pupils, rollover)
    gtk_popover_set_child(typed, list)
    gtk_menu_button_set_popover(OpaquePointer(menu), popover)
    return menu
  }

  /// Pupils from the MIS. A CTF names its school in its header (the importer finds it, or
  /// makes it for a new trust), so none need be chosen; a CSV roster goes to the school in view.
  func chooseRosterImport() {
    let title = scope.schoolID.map { "Import pupils into \(context.school($0)?.name ?? $0)" } ?? "Import pupils"
    FileChooser.openFile(parent: window, title: title) { [weak self] path in
      guard let self else { return }
      let kind = path.lowercased().hasSuffix(".xml") ? "ctf" : "roster"
      // A CTF at the trust's level finds its own school (another school's file would be refused).
      let school = kind == "ctf" ? self.scope.schoolID : self.schoolInView
      guard kind == "ctf" || school != nil else {
        return self.say("A CSV roster does not say which school it is from: choose the school in the sidebar first.")
      }
      do {
        self.importWindow = try ImportWindow(
          parent: self.window, context: self.context, importer: try self.context.registry.importer(kind: kind),
          // No year: new pupils join the latest open year, whichever year is on screen.
          path: path, options: school.map { ["school": $0] } ?? [:]
        ) { [weak self] message in self?.reload(saying: message) }
      } catch {
        self.say("Could not import \((path as NSString).lastPathComponent): \(error)")
      }
    }
  }
}
