import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort import KIND FILE`: any importer a plugin provides. Shows what will change and every
/// row that will not import; writes all or nothing.
struct ImportCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "import", abstract: "Import a file with any importer a plugin provides.",
      discussion: PluginHelp.listing("Kinds") { $0.importers.map { "  \(padded($0.kind, 8))\($0.title)" } })
  }

  @OptionGroup var options: DataOptions
  @Argument(help: "What the file holds (listed below).") var kind: String
  @Argument(help: "The file to import.") var file: String
  @Option(help: "Test id (scores, table).") var test: String?
  @Option(help: "Academic year, e.g. 2026-27 (scores; ctf and roster: the classes new pupils join).") var year: String?
  @Option(help: "autumn, spring or summer (scores).") var term: String?
  @Option(help: "Test date when the file has none (scores), or the leaving date (ctf, roster), e.g. 20/11/2026.")
  var date: String?
  @Option(help: "The table's edition, e.g. 2023 (table).") var edition: String?
  @Option(help: "The test level (year group) the publisher printed the table for, e.g. 4 (table).") var level: String?
  @Option(help: "School id, where the import needs one.") var school: String?
  @Flag(help: "Mark pupils who are not in the roster file as left (ctf, roster).") var leavers = false
  @Option(help: "Roster columns as field=Header;field=Header (roster), e.g. className=Tutor Grp.") var map: String?
  @Flag(name: .customLong("save-map"), help: "Save --map as the school's roster mapping.") var saveMap = false
  @Flag(name: .customLong("dry-run"), help: "Show what would change; change nothing.") var dryRun = false
  @Flag(name: .customLong("accept-partial"), help: "Import the good rows even when some rows will not import.")
  var acceptPartial = false
  @Flag(help: "Print the preview as JSON.") var json = false

  struct Output: Encodable {
    var changes: [String]
    var unchanged: Int
    var rejected: [[String: String]]
    var notes: [String]
    var applied: Bool
  }

  func run() throws {
    let opened = try options.open()
    let importer = try opened.registry.importer(kind: kind)
    let data = try InputFile.read(file)
    var choices: [String: String] = [:]
    for (k, v) in [
      ("test", test), ("year", year), ("term", term), ("date", date), ("edition", edition), ("level", level),
      ("school", school),
    ] {
      if let v { choices[k] = v }
    }
    if leavers { choices["leavers"] = "mark" }
    if let map { choices["map"] = map }
    if saveMap { choices["save-map"] = "yes" }
    let progress = ProgressLine(what: "Reading \((file as NSString).lastPathComponent)")
    defer { progress.finish() }
    let preview = try importer.preview(
      ImportRequest(
        folder: opened.folder, trust: opened.trust, registry: opened.registry, data: data,
        fileName: (file as NSString).lastPathComponent, options: choices, progress: progress.update))
    let blocked = !preview.rejected.isEmpty && !acceptPartial
    let apply = !dryRun && !blocked && !preview.isEmpty
    if apply { try preview.apply(to: opened.folder) }
    if json {
      try printJSON(
        Output(
          changes: preview.changes, unchanged: preview.unchanged,
          rejected: preview.rejected.map { ["line": String($0.line), "reason": $0.reason] }, notes: preview.notes,
          applied: apply))
    } else {
      for n in preview.notes { print("note: \(n)") }
      for c in preview.changes { print(c) }
      for r in preview.rejected { print("line \(r.line): will not import: \(r.reason)") }
      let verb = apply ? "Imported" : "Would import"
      print(
        "\(verb) \(plural(preview.changes.count, "change")); \(preview.unchanged) unchanged; \(plural(preview.rejected.count, "row")) will not import."
      )
    }
    if blocked && !dryRun {
      throw CommandFailure(
        "\(plural(preview.rejected.count, "row")) of \(file) will not import, so nothing was changed: fix them, or use --accept-partial to import the rest"
      )
    }
  }
}
