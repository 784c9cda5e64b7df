import ArgumentParser
import CohortCharts
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort chart KIND --out FILE.png|svg|pdf`: any chart kind the registry knows, with no display.
struct ChartCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "chart", abstract: "Draw a chart to PNG, SVG or PDF.",
      discussion: PluginHelp.listing("Kinds") { $0.chartKinds.map { "  \(padded($0.id, 12))\($0.summary)" } })
  }

  @OptionGroup var options: DataOptions
  @Argument(help: "The kind of chart (listed below).") var kind: String
  @OptionGroup var analysis: AnalysisOptions
  @Option(help: "Subject (by-*, transitions, over-time and gaps; default: the first).") var subject: String?
  @Option(help: "Transitions from, e.g. 2025-26:summer2 (default: the half-term before).") var from: String?
  @Option(help: "Test id (scores, scatter; default: the first test of the subject).") var test: String?
  @Option(help: "The file to write: .png, .svg or .pdf.") var out: String

  func run() throws {
    let opened = try options.open()
    let chart = try opened.registry.chartKind(kind)
    let when = try analysis.when()
    let start = try from.map(ShowTransitions.ref) ?? when.previous
    let history = max(chart.yearsBack, when.year.startYear - start.year.startYear)
    let c = try AnalysisContext.load(opened, year: when.year, history: history)
    let request = ChartRequest(
      analysis: c.analysis, names: c.names, trust: opened.trust, registry: opened.registry,
      scope: try analysis.parsedScope(), group: try analysis.parsedGroup(),
      subject: try subject.map { try opened.trust.subject($0) } ?? opened.trust.activeSubjects[0], when: when,
      from: start, test: try test.map { try opened.registry.test($0) })
    let spec = try chart.make(request)
    do {
      try OutputFile.write(ChartRenderer(for: spec).render(spec, as: try ChartRenderer.Format(path: out)), to: out)
    } catch let e as ChartRenderer.Failure {
      throw CommandFailure(e.description)
    }
    print("Drew \(spec.title) to \(out)")
  }
}
