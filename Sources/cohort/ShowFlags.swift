import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortServices
import Foundation

struct ShowFlags: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flags",
    abstract: "Pupils to look at, most concerning first: the reason in words, since when, the latest score.")

  @OptionGroup var options: DataOptions
  @OptionGroup var analysis: AnalysisOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Output: Encodable {
    var scope: String
    var scopeName: String
    var group: String
    var halfTerm: HalfTermRef
    var flagged: Int
    var outOf: Int
    var rows: [PupilsToLookAt.Row]
  }

  func run() throws {
    let opened = try options.open()
    let when = try analysis.when()
    let scope = try analysis.parsedScope()
    let group = try analysis.parsedGroup()
    // Last year's codes and scores too: "since when" walks back across the summer.
    let c = try AnalysisContext.load(opened, year: when.year, history: 1)
    let context = FlagContext(
      scheme: opened.scheme, subjects: opened.trust.activeSubjects, tests: opened.registry.tests(for: opened.trust),
      at: when, steps: opened.trust.disagreementSteps, settings: opened.registry.flagSettings)
    let table = PupilsToLookAt.build(
      c.analysis, scope: scope, group: group, context: context, rules: opened.registry.flagRules, names: c.names)
    if json {
      return try printJSON(
        Output(
          scope: scope.description, scopeName: c.names.name(of: scope), group: group.description,
          halfTerm: when, flagged: table.flagged, outOf: table.outOf, rows: table.rows))
    }
    print("\(table.words): \(c.names.name(of: scope)), \(group), \(when.halfTerm.label) \(when.year)")
    for r in table.rows {
      let score = r.latestScore.map { "latest score \($0) (\(r.latestTest ?? "test"))" } ?? "no score yet"
      print(
        "  \(r.name), \(r.className): \(r.reason) [since \(PupilsToLookAt.since(r.since, now: when)); \(score)]")
    }
    let rules = opened.registry.flagRules.map(\.title).joined(separator: ", ")
    print("Most concerning first, by rule: \(rules.isEmpty ? "none active" : rules)")
  }
}
