import CohortCore
import Foundation

extension MainWindow {
  /// The header's Data menu: rosters in from the MIS, and the new academic year. One button,
  /// so that the page switcher keeps its room.
  func dataMenu() -> Widget {
    UI.menuButton("Data", name: "Data", tooltip: "Import pupils from the MIS; start a new academic year") {
      [weak self] in
      [
        MenuItem("Import pupils…", name: "Import pupils") { [weak self] in self?.chooseRosterImport() },
        MenuItem("New academic year…", name: "New academic year") { [weak self] in self?.openRollover() },
      ]
    }
  }

  func openRollover() {
    rolloverWindow = RolloverWindow(parent: window, context: context, today: StartWindow.today) {
      [weak self] message in self?.reload(saying: message)
    }
  }

  /// Pupils from the MIS. A CTF names its school in its header (the importer finds it, or
  /// makes it for a new trust), so none need be chosen; a CSV roster goes to the school in view.
  func chooseRosterImport() {
    let title = scope.schoolID.map { "Import pupils into \(context.school($0)?.name ?? $0)" } ?? "Import pupils"
    FileChooser.openFile(parent: window, title: title) { [weak self] path in
      guard let self else { return }
      do {
        let importer = try self.context.registry.importer(for: .pupils, file: path)
        // A CTF at the trust's level finds its own school (another school's file would be refused).
        let school = importer.namesItsSchool ? self.scope.schoolID : self.schoolInView
        guard importer.namesItsSchool || school != nil else {
          return self.say("A CSV roster does not say which school it is from: choose the school in the sidebar first.")
        }
        self.importWindow = try ImportWindow(
          parent: self.window, context: self.context, importer: importer,
          // No year: new pupils join the latest open year, whichever year is on screen.
          path: path, options: school.map { ["school": $0] } ?? [:]
        ) { [weak self] message in self?.reload(saying: message) }
      } catch {
        self.say("Could not import \((path as NSString).lastPathComponent): \(error)")
      }
    }
  }
}
