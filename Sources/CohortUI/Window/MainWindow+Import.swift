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

  /// A roster for the school in view: the importer is the one that reads the file's kind.
  func chooseRosterImport() {
    guard let school = scope.schoolID else { return say("Choose a school in the sidebar first.") }
    FileChooser.openFile(parent: window, title: "Import pupils into \(context.school(school)?.name ?? school)") {
      [weak self] path in
      guard let self else { return }
      do {
        let kind = path.lowercased().hasSuffix(".xml") ? "ctf" : "roster"
        self.importWindow = try ImportWindow(
          parent: self.window, context: self.context, importer: try self.context.registry.importer(kind: kind),
          // No year: new pupils join the latest open year, whichever year is on screen.
          path: path, options: ["school": school]
        ) { [weak self] message in self?.reload(saying: message) }
      } catch {
        self.say("Could not import \((path as NSString).lastPathComponent): \(error)")
      }
    }
  }
}
