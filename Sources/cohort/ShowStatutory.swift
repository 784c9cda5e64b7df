import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortServices
import Foundation

struct ShowStatutory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "statutory",
    abstract:
      "KS2, phonics, the multiplication tables check and the EYFS by school and group, with n, beside national figures."
  )

  @OptionGroup var options: DataOptions
  @Option(help: "trust or school:ID") var scope = "trust"
  @Option(help: "The academic year the results are from, e.g. 2026-27.") var year: String
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Output: Encodable {
    var summary: StatutorySummary
    var rule: String
    var nationalSource: String
  }

  func run() throws {
    let opened = try options.open()
    let summary = try StatutorySummary.load(
      opened.folder, trust: opened.trust, registry: opened.registry, scope: try AnalysisScope.parse(scope),
      year: try AcademicYear.parse(year))
    if json {
      return try printJSON(
        Output(summary: summary, rule: StatutorySummary.rule, nationalSource: opened.registry.nationalFigures.source))
    }
    print(Self.lines(summary).joined(separator: "\n"))
    print(StatutorySummary.rule)
    print("National figures: \(opened.registry.nationalFigures.source)")
  }

  /// Per school (and the trust), each measure with its national figure, then each group.
  static func lines(_ s: StatutorySummary) -> [String] {
    var out: [String] = []
    let schools = s.rows.map(\.school).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    guard !schools.isEmpty else { return ["No statutory results for \(s.year) have been imported."] }
    for school in schools {
      let rows = s.rows.filter { $0.school == school }
      out.append("\(rows[0].schoolName), results of \(s.year)")
      for m in StatutoryMeasure.allCases {
        guard rows.contains(where: { $0.figure(m) != nil }) else { continue }
        let national = s.national(m).map { " (\($0.words))" } ?? " (no national figure)"
        out.append("  \(m.label)\(national)")
        for r in rows {
          guard let f = r.figure(m) else { continue }
          out.append("    " + padded(r.group, 22) + words(f, minimum: s.minimum))
        }
      }
    }
    return out
  }

  /// "75% of 40 pupils", "20.4 from 28 pupils", "too few to show (3 pupils)".
  static func words(_ f: StatutoryFigure, minimum: Int) -> String {
    guard let v = f.value else { return "too few to show (\(plural(f.n, "pupil")); fewer than \(minimum))" }
    if f.measure.isPercent { return "\(Int(v.rounded()))% of \(plural(f.n, "pupil"))" }
    return String(format: "%.1f", v) + " from \(plural(f.n, "pupil"))"
  }
}
