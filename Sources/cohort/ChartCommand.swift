import ArgumentParser
import CohortCharts
import CohortCore
import CohortPlugins
import CohortStore
import Foundation

/// `cohort chart KIND --out FILE.png|svg|pdf`: any chart, with no display.
struct ChartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chart",
    abstract:
      "Draw a chart to PNG, SVG or PDF: bands, by-school, by-class, by-year, transitions, progress, over-time, gaps, scores, scatter."
  )

  @OptionGroup var options: DataOptions
  @Argument(help: "bands, by-school, by-class, by-year, transitions, progress, over-time, gaps, scores or scatter")
  var kind: String
  @OptionGroup var analysis: AnalysisOptions
  @Option(help: "Subject (by-*, transitions, over-time and gaps; default: the first).") var subject: String?
  @Option(help: "Transitions from, e.g. 2025-26:summer2 (default: the half-term before).") var from: String?
  @Option(help: "Test id (scores, scatter; default: the first test of the subject).") var test: String?
  @Option(help: "The file to write: .png, .svg or .pdf.") var out: String

  func run() throws {
    let opened = try options.open()
    let when = try analysis.when()
    let start = try from.map(ShowTransitions.ref) ?? when.previous
    // Over time reaches back a year: the same pupils' codes last year.
    let history = max(kind == "over-time" ? 1 : 0, when.year.startYear - start.year.startYear)
    let spec = try chart(try AnalysisContext.load(opened, year: when.year, history: history), when, start)
    do {
      try OutputFile.write(ChartRenderer(for: spec).render(spec, as: try ChartRenderer.Format(path: out)), to: out)
    } catch let e as ChartRenderer.Failure {
      throw CommandFailure(e.description)
    }
    print("Drew \(spec.title) to \(out)")
  }

  /// The chart of `kind`, every title naming its scope.
  func chart(_ c: AnalysisContext, _ when: HalfTermRef, _ start: HalfTermRef) throws -> ChartSpec {
    let (opened, a) = (c.opened, c.analysis)
    let scope = try analysis.parsedScope()
    let group = try analysis.parsedGroup()
    let subject = try subject.map { try opened.trust.subject($0) } ?? opened.trust.activeSubjects[0]
    let name = c.names.name(of: scope)
    switch kind {
    case "bands":
      return Charts.bandsBySubject(
        a, scope: scope, scopeName: name, group: group, subjects: opened.trust.activeSubjects, at: when)
    case "by-school", "by-class", "by-year":
      let (key, keyName, names): (RecordKey, String, [String: String]) =
        switch kind {
        case "by-school": (.school, "school", c.names.names(for: .school))
        case "by-class": (.schoolClass, "class", c.names.names(for: .schoolClass))
        default: (.yearGroup, "year group", RecordKey.yearGroupNames)
        }
      return Charts.atOrAboveBy(
        a, scope: scope, scopeName: name, by: key, keyName: keyName, names: names, group: group, subject: subject,
        at: when)
    case "transitions":
      return Charts.transitions(
        a.transitions(scope, group: group, subject: subject.id, from: start, to: when), subject: subject,
        scopeName: name)
    case "progress":
      let times = HalfTerm.allCases.filter { $0 <= when.halfTerm }.map { HalfTermRef(when.year, $0) }
      return Charts.progress(
        a, scope: scope, scopeName: name, group: group, subjects: opened.trust.activeSubjects, over: times)
    case "over-time":
      // Every half-term of last year and this one up to the one asked about.
      let times = (0..<12).map { HalfTermRef(ordinal: when.ordinal - Int32($0)) }.reversed()
        .filter { $0.year >= when.year.previous }
      return Charts.bandsOverTime(a, scope: scope, scopeName: name, group: group, subject: subject, over: times)
    case "gaps":
      return Charts.gapsHeatmap(
        a.gapTable(scope, subject: subject, at: when, names: c.names, minimum: opened.trust.minimumGroupSize))
    case "scores", "scatter":
      let tests = opened.registry.tests(for: opened.trust)
      guard let t = try test.map({ try opened.registry.test($0) }) ?? tests.first(where: { $0.subject == subject.id })
      else {
        throw CommandFailure("no test for \(subject.name): give --test")
      }
      let term = TermRef(when.year, when.halfTerm.term)
      return kind == "scores"
        ? Charts.scoreDistribution(a.scores(scope, group: group, test: t, at: term), test: t, scopeName: name, at: term)
        : Charts.judgementVersusScore(a, scope: scope, scopeName: name, test: t, at: when)
    default:
      throw CommandFailure(
        "unknown chart '\(kind)': bands, by-school, by-class, by-year, transitions, progress, over-time, gaps, scores or scatter"
      )
    }
  }
}
