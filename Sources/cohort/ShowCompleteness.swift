import ArgumentParser
import CohortCore
import Foundation

struct ShowCompleteness: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "completeness",
    abstract: "How much of a half-term is entered, per subject, and the classes behind with their teachers.")

  @OptionGroup var options: DataOptions
  @OptionGroup var analysis: AnalysisOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Output: Encodable {
    var scope: String
    var scopeName: String
    var halfTerm: HalfTermRef
    var entered: Int
    var expected: Int
    var percent: Int
    var threshold: Int
    var mostlyEntered: Bool
    var subjects: [Completeness.SubjectLine]
    /// The latest half-term up to this one that is mostly entered (else the most entered).
    var opensOn: HalfTermRef
    var opensOnMostlyEntered: Bool
  }

  func run() throws {
    let opened = try options.open()
    let when = try analysis.when()
    let scope = try analysis.parsedScope()
    let c = try AnalysisContext.load(opened, year: when.year, history: 0, within: scope)
    let subjects = opened.trust.activeSubjects
    let threshold = opened.trust.mostlyEnteredPercent
    let done = c.analysis.completeness(scope, subjects: subjects, names: c.names, at: when)
    let opening = c.analysis.opening(scope, subjects: subjects, names: c.names, upTo: when, threshold: threshold)
    if json {
      return try printJSON(
        Output(
          scope: scope.description, scopeName: c.names.name(of: scope), halfTerm: when,
          entered: done.entered, expected: done.expected, percent: done.percent, threshold: threshold,
          mostlyEntered: done.isMostlyEntered(threshold), subjects: done.subjects, opensOn: opening.when,
          opensOnMostlyEntered: opening.mostlyEntered))
    }
    print("\(c.names.name(of: scope)), \(done.words)")
    for s in done.subjects {
      print("  \(s.words)")
      for k in s.behind { print("    \(k.words)" + (scope.kind == "trust" ? ", \(k.schoolName)" : "")) }
    }
    print(Self.openingWords(opening, threshold: threshold, upTo: when))
  }

  static func openingWords(_ o: Opening, threshold: Int, upTo: HalfTermRef) -> String {
    o.mostlyEntered
      ? "Opens on \(o.when.halfTerm.label) \(o.when.year): the latest half-term at least \(threshold)% entered "
        + "(\(o.completeness.percent)%)."
      : "No half-term up to \(upTo.halfTerm.label) is \(threshold)% entered yet: views open on "
        + "\(o.when.halfTerm.label) \(o.when.year), \(o.completeness.percent)% entered, and say so."
  }
}

struct ShowGaps: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaps",
    abstract:
      "Gaps between pupil groups and the rest (points at or above expectations), by school or year group, with n.")

  @OptionGroup var options: DataOptions
  @OptionGroup var analysis: AnalysisOptions
  @Option(help: "One subject (default: every subject entered).") var subject: String?
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let opened = try options.open()
    let when = try analysis.when()
    let scope = try analysis.parsedScope()
    let c = try AnalysisContext.load(opened, year: when.year, history: 0, within: scope)
    let subjects = try subject.map { [try opened.trust.subject($0)] } ?? opened.trust.activeSubjects
    let tables = subjects.map {
      c.analysis.gapTable(scope, subject: $0, at: when, names: c.names, minimum: opened.trust.minimumGroupSize)
    }
    if json { return try printJSON(tables) }
    for t in tables {
      print("\(t.subjectName), \(when.halfTerm.label) \(when.year): group minus the rest, points at or above")
      let width = max(16, (t.rows.map(\.name.count).max() ?? 0) + 2)
      print(padded("", width) + t.groupLabels.map { padded($0, 22) }.joined())
      for row in t.rows {
        print(padded(row.name, width) + row.cells.map { padded(cell($0, t), 22) }.joined())
      }
    }
    print(
      "Under each gap, the pupils assessed in the group and in the rest; a side with fewer than "
        + "\(plural(opened.trust.minimumGroupSize, "pupil")) shows its size only.")
  }

  func cell(_ c: GapTable.Cell, _ t: GapTable) -> String {
    let sizes = "(\(grouped(c.groupN)) and \(grouped(c.restN)))"
    if c.suppressed { return "too few \(sizes)" }
    return "\(c.points.map(GapTable.points) ?? "none") \(sizes)"
  }
}
