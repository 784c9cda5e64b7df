import CGtk
import CohortCore
import Foundation

extension MainWindow {
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
          path: path, options: ["school": school, "year": self.scope.year.description]
        ) { [weak self] message in self?.reload(saying: message) }
      } catch {
        self.say("Could not import \((path as NSString).lastPathComponent): \(error)")
      }
    }
  }
}
