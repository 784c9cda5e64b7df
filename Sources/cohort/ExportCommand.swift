import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortPlugins
import CohortStore
import Foundation

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export data to files.", subcommands: [ExportCSV.self])
}

struct ExportCSV: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "csv", abstract: "Export judgements or pupils as CSV.")

  enum What: String, ExpressibleByArgument, CaseIterable { case judgements, pupils }

  @OptionGroup var options: DataOptions
  @Option(help: "The CSV file to write.") var out: String
  @Option(help: "judgements or pupils.") var what: What = .judgements
  @Option(help: "For pupils: the academic year whose classes to show (default: the latest).") var year: String?

  func run() throws {
    let folder = options.folder()
    let text: String
    switch what {
    case .judgements:
      let scheme = try PluginRegistry.load(dataFolder: options.data).codeScheme(for: try folder.loadTrust())
      text = try CSVExport.judgements(folder, scheme: scheme)
    case .pupils:
      text = try CSVExport.pupils(folder, year: try year.map(AcademicYear.parse))
    }
    try Documents.writePrivateFile(Data(text.utf8), to: out)
    let rows = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } - 1
    print("Wrote \(rows) \(what.rawValue) rows to \(out)")
  }
}
