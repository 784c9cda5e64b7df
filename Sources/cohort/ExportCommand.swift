import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort export FORMAT --what WHAT`: any exporter a plugin provides.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export data to a file (cohort plugins list shows every exporter).")

  @OptionGroup var options: DataOptions
  @Argument(help: "The format, e.g. csv.") var format: String
  @Option(help: "The file to write.") var out: String
  @Option(help: "What to export, e.g. judgements or pupils.") var what = "judgements"
  @Option(help: "The academic year, where the export uses one (default: the latest).") var year: String?
  @Option(help: "School id, where the export needs one (ctf).") var school: String?

  func run() throws {
    let opened = try options.open()
    let exporter = try opened.registry.exporter(format: format, what: what)
    let progress = ProgressLine(what: "Writing \(exporter.title)")
    defer { progress.finish() }
    let data = try progress.ticking {
      try exporter.export(
        ExportRequest(
          folder: opened.folder, scheme: opened.scheme, year: try year.map(AcademicYear.parse),
          tests: opened.registry.tests, options: school.map { ["school": $0] } ?? [:],
          statutory: opened.registry.statutoryTable))
    }
    try Documents.writePrivateFile(data, to: out)
    print("Wrote \(exporter.title) to \(out) (\(data.count) bytes)")
  }
}
