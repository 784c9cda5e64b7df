import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort export FORMAT --what WHAT`: any exporter a plugin provides.
struct ExportCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "export", abstract: "Export data to a file with any exporter a plugin provides.",
      discussion: PluginHelp.listing("Exporters") {
        $0.exporters.map { "  \(padded("\($0.format) --what \($0.what)", 28))\($0.title)" }
      })
  }

  @OptionGroup var options: DataOptions
  @Argument(help: "The format, e.g. csv.") var format: String
  @Option(help: "The file to write.") var out: String
  @Option(help: "What to export, e.g. judgements or pupils.") var what = "judgements"
  @Option(help: "The academic year, where the export uses one (default: the latest).") var year: String?
  @Option(help: "School id, where the export needs one (ctf).") var school: String?
  @Option(help: "The UPNs of the pupils who move, comma-separated (ctf).") var pupils: String?
  @Option(name: .customLong("to-la"), help: "The destination's LA code; XXX when not known (ctf).") var toLA: String?
  @Option(name: .customLong("to-estab"), help: "The destination's establishment number; XXXX when not known (ctf).")
  var toEstab: String?
  @Flag(name: .customLong("dry-run"), help: "Show what the file would hold and write nothing (ctf).") var dryRun = false

  func run() throws {
    let opened = try options.open()
    let exporter = try opened.registry.exporter(format: format, what: what)
    let given = [("school", school), ("pupils", pupils), ("to-la", toLA), ("to-estab", toEstab)]
    let request = ExportRequest(
      folder: opened.folder, scheme: opened.scheme, year: try year.map(AcademicYear.parse),
      tests: opened.registry.tests,
      options: Dictionary(uniqueKeysWithValues: given.compactMap { k, v in v.map { (k, $0) } }),
      statutory: opened.registry.statutoryTable)
    // A file that leaves the trust says first what it holds.
    if let previewing = exporter as? PreviewingExporter {
      for line in try previewing.preview(request) {
        // Never into the export itself when it goes to standard output.
        if out == "-" { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
      }
    }
    if dryRun { return print("Nothing written (--dry-run)") }
    let progress = ProgressLine(what: "Writing \(exporter.title)")
    defer { progress.finish() }
    let data = try progress.ticking { try exporter.export(request) }
    try OutputFile.write(data, to: out)
    let said = "Wrote \(exporter.title) to \(out == "-" ? "standard output" : out) (\(data.count) bytes)"
    // With --out -, standard output is the export itself.
    if out == "-" { FileHandle.standardError.write(Data((said + "\n").utf8)) } else { print(said) }
  }
}
