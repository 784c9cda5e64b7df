/// KS2 results as the Primary Assessment Gateway exports them: a row per pupil (UPN, names,
/// date of birth), then per subject a scaled score, an outcome or a code, and the writing and
/// science teacher assessments. Each row becomes a results-only entry, coded as a CTF codes it,
/// so that it adds results to the pupil it matches and changes nothing else.
public enum StatutoryCSV {
  struct Subject {
    let name: String
    let scores: [String]
    let outcomes: [String]
    let subject: String
    let method: String
    let component: String?
  }

  static func test(_ names: [String], _ subject: String, _ component: String?) -> Subject {
    Subject(
      name: names[0], scores: names.flatMap { ["\($0) scaled score", "\($0) scaled"] },
      outcomes: names.flatMap { ["\($0) outcome", "\($0) result", "\($0) code"] }, subject: subject, method: "TT",
      component: component)
  }

  static func ta(_ names: [String], _ subject: String, _ component: String?) -> Subject {
    Subject(
      name: names[0], scores: [],
      outcomes: names.flatMap { ["\($0) teacher assessment", "\($0) ta", "\($0) ta outcome", $0] }, subject: subject,
      method: "TA", component: component)
  }

  static let subjects = [
    test(["english reading", "reading"], "ENG", "RD"),
    test(
      ["english grammar punctuation and spelling", "grammar punctuation and spelling", "english gps", "gps", "egps"],
      "ENG", "GPS"),
    test(["mathematics", "maths"], "MAT", nil),
    ta(["english writing", "writing"], "ENG", "WRIT"),
    ta(["science"], "SCI", nil),
  ]

  /// `year` is the summer the tests were sat (2027 for 2026-27). Throws for a file with no
  /// UPN or no result column; a row that cannot be read is a problem naming its line.
  public static func read(_ text: String, year: Int) throws -> RosterFile {
    let rows = CSVReader.rows(text)
    guard let header = rows.first else { throw InputError("line 1: the file is empty: expected a header row") }
    let cols = CSVColumns(header)
    guard let upn = cols.index(CSVColumns.upn) else {
      throw InputError(
        "line 1: no UPN column (found: \(header.joined(separator: ", "))): KS2 results are matched by UPN")
    }
    let found = subjects.map { s in (s, cols.index(s.scores), cols.index(s.outcomes)) }
    guard found.contains(where: { $0.1 != nil || $0.2 != nil }) else {
      throw InputError(
        "line 1: no KS2 result columns (reading, GPS, maths scaled scores or outcomes; writing or science TA)")
    }
    let (surname, forename, dob) = (
      cols.index(CSVColumns.surname), cols.index(CSVColumns.forename), cols.index(CSVColumns.dob)
    )
    var file = RosterFile()
    for (n, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) {
      do {
        guard let u = CSVColumns.field(row, upn) else { throw InputError("no UPN") }
        // Names and the birthday confirm the UPN, as for a roster.
        guard let s = CSVColumns.field(row, surname), let f = CSVColumns.field(row, forename),
          let d = CSVColumns.field(row, dob)
        else { throw InputError("UPN \(u): a surname, forename and date of birth are needed to confirm the UPN") }
        guard let date = UKDate.parse(d) else { throw InputError("\(f) \(s): date of birth '\(d)' is not a date") }
        var e = RosterEntry(line: n + 1, upn: try UPN(u), surname: s, forename: f, dob: date)
        e.resultsOnly = true
        for (s, score, outcome) in found {
          guard let value = CSVColumns.field(row, score) ?? CSVColumns.field(row, outcome) else { continue }
          e.results.append(
            StatutoryResult(
              stage: "KS2", year: year, subject: s.subject, method: s.method, component: s.component, result: value))
        }
        file.entries.append(e)
      } catch let e as InputError { file.problems.append((n + 1, e.message)) }
    }
    file.refuseDuplicateUPNs()
    return file
  }
}
