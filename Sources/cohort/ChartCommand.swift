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
      "Draw a chart to PNG, SVG or PDF: bands, by-school, by-class, by-year, transitions, progress, scores, scatter.")

  @OptionGroup var options: DataOptions
  @Argument(help: "bands, by-school, by-class, by-year or transitions") var kind: String
  @OptionGroup var analysis: AnalysisOptions
  @Option(help: "Subject (by-* and transitions; default: the first).") var subject: String?
  @Option(help: "Transitions from, e.g. 2025-26:summer2 (default: the half-term before).") var from: String?
  @Option(help: "Test id (scores, scatter; default: the first test of the subject).") var test: String?
  @Option(help: "The file to write: .png, .svg or .pdf.") var out: String

  func run() throws {
    let opened = try options.open()
    let when = try analysis.when()
    let scope = try analysis.parsedScope()
    let group = try analysis.parsedGroup()
    let subject = try subject.map { try opened.trust.subject($0) } ?? opened.trust.activeSubjects[0]
    let start = try from.map(ShowTransitions.ref) ?? when.previous
    let history = max(0, when.year.startYear - start.year.startYear)
    let a = Analysis(
      records: try AnalysisLoader.load(opened.folder, trust: opened.trust, year: when.year, history: history),
      scheme: opened.scheme)
    let name = try scopeName(scope, opened)
    let spec: ChartSpec
    switch kind {
    case "bands":
      spec = Charts.bandsBySubject(
        a, scope: scope, scopeName: name, group: group, subjects: opened.trust.activeSubjects, at: when)
    case "by-school", "by-class", "by-year":
      let (key, keyName, names): (RecordKey, String, [String: String]) =
        switch kind {
        case "by-school":
          (.school, "school", Dictionary(uniqueKeysWithValues: opened.trust.schools.map { ($0.id, $0.name) }))
        case "by-class": (.schoolClass, "class", [:])
        default:
          (.yearGroup, "year group", RecordKey.yearGroupNames)
        }
      spec = Charts.atOrAboveBy(
        a, scope: scope, scopeName: name, by: key, keyName: keyName, names: names, group: group, subject: subject,
        at: when)
    case "transitions":
      spec = Charts.transitions(
        a.transitions(scope, group: group, subject: subject.id, from: start, to: when), subject: subject,
        scopeName: name)
    case "progress":
      let times = HalfTerm.allCases.filter { $0 <= when.halfTerm }.map { HalfTermRef(when.year, $0) }
      spec = Charts.progress(
        a, scope: scope, scopeName: name, group: group, subjects: opened.trust.activeSubjects, over: times)
    case "scores", "scatter":
      let tests = opened.registry.tests(for: opened.trust)
      guard let t = try test.map({ try opened.registry.test($0) }) ?? tests.first(where: { $0.subject == subject.id })
      else {
        throw CommandFailure("no test for \(subject.name): give --test")
      }
      let term = TermRef(when.year, when.halfTerm.term)
      spec =
        kind == "scores"
        ? Charts.scoreDistribution(a.scores(scope, group: group, test: t, at: term), test: t, scopeName: name, at: term)
        : Charts.judgementVersusScore(a, scope: scope, scopeName: name, test: t, at: when)
    default:
      throw CommandFailure(
        "unknown chart '\(kind)': bands, by-school, by-class, by-year, transitions, progress, scores or scatter")
    }
    do {
      try OutputFile.write(ChartRenderer(for: spec).render(spec, as: try ChartRenderer.Format(path: out)), to: out)
    } catch let e as ChartRenderer.Failure {
      throw CommandFailure(e.description)
    }
    print("Drew \(spec.title) to \(out)")
  }

  func scopeName(_ scope: AnalysisScope, _ o: Opened) throws -> String {
    switch scope {
    case .trust: return o.trust.name
    case .school(let s): return o.trust.schools.first { $0.id == s }?.name ?? s
    case .yearGroup(let s, let g):
      return (s.flatMap { id in o.trust.schools.first { $0.id == id }?.name } ?? o.trust.name) + ", \(g.label)"
    case .schoolClass(let c): return c
    case .pupils(let ids): return "\(ids.count) pupils"
    }
  }
}
