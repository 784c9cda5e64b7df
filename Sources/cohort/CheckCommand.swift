import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Validate every document and reference in a data folder (changes nothing).")

  @OptionGroup var options: DataOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Output: Encodable {
    struct Item: Encodable {
      var severity: String
      var path: String
      var message: String
    }
    var ok: Bool
    var documents: Int
    var pupils: Int
    var judgements: Int
    var scores: Int
    var findings: [Item]
  }

  func run() throws {
    let folder = options.folder()
    let trust = try folder.loadTrust()  // not a data folder at all: one line, not a list
    let report = BuiltInPlugins.registry(for: folder, trust: trust).checkFolder(folder)
    if json {
      try printJSON(
        Output(
          ok: report.ok, documents: report.documents, pupils: report.pupils, judgements: report.judgements,
          scores: report.scores,
          findings: report.findings.map { .init(severity: $0.severity.rawValue, path: $0.path, message: $0.message) }))
    } else {
      for f in report.findings { print(f) }
      print(
        "\(plural(report.documents, "document")), \(plural(report.pupils, "pupil")), \(plural(report.judgements, "judgement")), \(plural(report.scores, "score")): \(plural(report.errors.count, "error")), \(plural(report.warnings.count, "warning"))"
      )
    }
    if !report.ok { throw CommandFailure("\(plural(report.errors.count, "problem")) found in \(options.data)") }
  }
}
