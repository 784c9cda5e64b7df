import ArgumentParser
import CohortCore
import CohortStore
import Foundation

struct ShowSideBySide: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "side-by-side", abstract: "Each pupil's judgements beside their latest test scores, with flags.")

  @OptionGroup var options: DataOptions
  @Option(name: .customLong("class"), help: "Class id.") var classID: String
  @Option(help: "School id, when class ids repeat.") var school: String?
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Option(help: "autumn, spring or summer: the term's last judgements and scores.") var term: String?
  @Option(name: .customLong("half-term"), help: "Or a half-term, e.g. autumn2.") var halfTerm: String?
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Out: Encodable {
    struct Subject: Encodable {
      var code: String?
      var codeBand: String?
      var test: String?
      var term: String?
      var score: Int?
      var scoreBand: String?
      var percentile: Double?
      var previousScore: Int?
      var disagrees: Bool
      var realChange: Int?
      var notes: [String]
    }
    struct Pupil: Encodable {
      var id: String
      var name: String
      var flagged: Bool
      var subjects: [String: Subject]
    }
    var `class`: String
    var year: String
    var halfTerm: String
    var pupils: [Pupil]
  }

  func run() throws {
    let opened = try options.open()
    let academicYear = try AcademicYear.parse(year)
    let half = try chosenHalfTerm()
    let (s, c) = try opened.folder.findClass(classID, year: academicYear, school: school)
    let doc = try opened.folder.loadClassYear(school: s.id, classID: c.id, year: academicYear)
    let roster = try opened.folder.loadRoster(s.id)
    let pupils = doc.members.compactMap { roster.pupil(id: $0) }
    let lastSummer = try opened.folder.scores(of: doc.pupils, school: s.id, year: academicYear.previous, term: .summer)
    let rows = SideBySide.build(
      doc: doc, pupils: pupils, scheme: opened.scheme, subjects: opened.trust.subjects,
      tests: opened.registry.tests(for: opened.trust), halfTerm: half, steps: opened.trust.disagreementSteps,
      lastSummer: lastSummer)
    if json {
      try printJSON(
        Out(
          class: c.id, year: academicYear.description, halfTerm: half.rawValue,
          pupils: rows.map { row in
            Out.Pupil(
              id: row.pupil.id, name: row.pupil.fullName, flagged: row.flagged,
              subjects: Dictionary(
                uniqueKeysWithValues: row.entries.map { e in
                  (
                    e.subject.id,
                    Out.Subject(
                      code: e.code, codeBand: e.codeBand?.rawValue, test: e.test?.id, term: e.term?.rawValue,
                      score: e.score,
                      scoreBand: e.scoreBand?.label, percentile: e.percentile.map { ($0 * 10).rounded() / 10 },
                      previousScore: e.previousScore, disagrees: e.disagrees, realChange: e.realChange, notes: e.notes)
                  )
                }))
          }))
      return
    }
    print("\(s.name), \(c.name): judgements at \(half.label) \(academicYear) beside the latest scores")
    for row in rows {
      let cells = row.entries.map { e in
        "\(e.subject.name): \(e.code ?? "-") | \(e.score.map { "\($0) \(e.scoreBand?.label ?? "")" } ?? "no score")"
      }
      print("\(row.flagged ? "! " : "  ")\(row.pupil.fullName): " + cells.joined(separator: "; "))
      for e in row.entries { for n in e.notes { print("      \(e.subject.name): \(n)") } }
    }
  }

  func chosenHalfTerm() throws -> HalfTerm {
    if let halfTerm { return try HalfTerm.parse(halfTerm) }
    guard let term, let t = Term(rawValue: term.lowercased()) else {
      throw CommandFailure("give --term autumn|spring|summer or --half-term")
    }
    return HalfTerm.allCases.last { $0.term == t }!
  }
}
