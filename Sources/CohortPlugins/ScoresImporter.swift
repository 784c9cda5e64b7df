import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// Standardised scores from a CSV (a publisher's analysis tool or a spreadsheet): one row per
/// pupil, matched by UPN or name and date of birth; standardised scores, or raw scores turned
/// into standardised ones through the test's age-standardisation table.
struct ScoresImporter: Importer {
  let id = "scores.csv"
  let kind = "scores"
  let title = "Standardised scores (CSV)"
  let reads = ImportSubject.scores
  let fileEndings = ["csv", "txt"]

  static let standardisedColumn = [
    "standardised score", "standardised", "standardized score", "sas", "std score", "age standardised score",
    "standardised age score", "score",
  ]
  static let rawColumn = ["raw score", "raw", "mark", "marks", "total mark"]
  static let dateColumn = ["test date", "date taken", "date of test", "date"]

  func preview(_ r: ImportRequest) throws -> ImportPreview {
    let asked = try Asked(r)
    var preview = ImportPreview()
    let (text, note) = CSVReader.decode(r.data)
    if let note { preview.notes.append(note) }
    let rows = CSVReader.rows(text)
    guard let headerRow = rows.first else { throw InputError("\(r.fileName) is empty") }
    let c = try Columns(headerRow, fileName: r.fileName)
    let matcher = try PupilMatcher(folder: r.folder, trust: r.trust)
    var docs = DocumentSet(folder: r.folder, year: asked.year)
    var seen: [String: Int] = [:]
    for (n, row) in rows.enumerated().dropFirst()
    where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      let line = n + 1
      func reject(_ why: String) { preview.rejected.append(.init(line: line, reason: why)) }
      let found: PupilMatcher.Found
      switch Self.pupil(in: row, c, matcher) {
      case .success(let f): found = f
      case .failure(let e):
        reject(e.message)
        continue
      }
      let p = found.pupil
      if let first = seen[p.id] {
        reject("\(p.fullName) is already on line \(first)")
        continue
      }
      seen[p.id] = line
      do {
        if let change = try Self.set(row, c, found, asked, r, docs: &docs) {
          preview.changes.append("line \(line): \(change)")
        } else {
          preview.unchanged += 1
        }
      } catch let e as InputError {
        reject("\(p.fullName): \(e.message)")
      }
    }
    preview.documents = docs.changed
    return preview
  }

  /// What the person asked for: the test, the year and term, and a date for rows without one.
  struct Asked {
    let test: TestDefinition
    let tables: ScoreTables
    let year: AcademicYear
    let term: Term
    let defaultDate: SchoolDate?

    init(_ r: ImportRequest) throws {
      test = try r.registry.test(try r.option("test"))
      tables = r.registry.scoreTables(for: test.id)
      year = try AcademicYear.parse(try r.option("year"))
      guard let term = Term(rawValue: try r.option("term").lowercased()) else {
        throw InputError("unknown term '\(r.options["term"]!)': expected autumn, spring or summer")
      }
      self.term = term
      defaultDate = try r.options["date"].map { text -> SchoolDate in
        guard let d = UKDate.parse(text) else { throw InputError("--date '\(text)' is not a date") }
        return d
      }
    }
  }

  /// Where each field is in the file; a file without a way to find pupils or scores is refused.
  struct Columns {
    let upn, surname, forename, name, dob, standardised, raw, date: Int?

    init(_ header: [String], fileName: String) throws {
      let cols = CSVColumns(header)
      (upn, surname, forename) = (
        cols.index(CSVColumns.upn), cols.index(CSVColumns.surname), cols.index(CSVColumns.forename)
      )
      (name, dob) = (cols.index(CSVColumns.fullName), cols.index(CSVColumns.dob))
      (standardised, raw, date) = (
        cols.index(ScoresImporter.standardisedColumn), cols.index(ScoresImporter.rawColumn),
        cols.index(ScoresImporter.dateColumn)
      )
      guard upn != nil || ((surname != nil && forename != nil) || name != nil) && dob != nil else {
        throw InputError(
          "\(fileName): no column for the UPN, or for names and date of birth (found: \(header.joined(separator: ", ")))"
        )
      }
      guard standardised != nil || raw != nil else {
        throw InputError(
          "\(fileName): no column for a standardised or raw score (found: \(header.joined(separator: ", ")))")
      }
    }
  }

  /// The pupil a row is about, by UPN or by name and date of birth.
  static func pupil(in row: [String], _ c: Columns, _ matcher: PupilMatcher) -> Result<PupilMatcher.Found, InputError> {
    var surname = CSVColumns.field(row, c.surname)
    var forename = CSVColumns.field(row, c.forename)
    if surname == nil, let full = CSVColumns.field(row, c.name) { (surname, forename) = split(full) }
    let dobText = CSVColumns.field(row, c.dob)
    let dob = dobText.flatMap(UKDate.parse)
    if let dobText, dob == nil { return .failure(InputError("date of birth '\(dobText)' is not a date")) }
    return matcher.match(upn: CSVColumns.field(row, c.upn), surname: surname, forename: forename, dob: dob)
  }

  /// Sets the row's score in the pupil's class document; the change in words, or nil when the
  /// score is already there.
  static func set(
    _ row: [String], _ c: Columns, _ found: PupilMatcher.Found, _ a: Asked, _ r: ImportRequest,
    docs: inout DocumentSet
  ) throws -> String? {
    let p = found.pupil
    let yearGroup = p.yearGroup(in: a.year)
    let score = try score(
      row: row, columns: (c.standardised, c.raw, c.date), test: a.test, tables: a.tables, level: yearGroup,
      term: a.term, pupil: p, defaultDate: a.defaultDate)
    guard a.test.isTaken(by: yearGroup, in: a.term) else {
      throw InputError("\(p.fullName) is in \(yearGroup.label): \(a.test.name) is not taken then in \(a.term.label)")
    }
    guard var doc = try docs.document(of: p.id, school: found.school) else {
      throw InputError("\(p.fullName) is in no class in \(a.year)")
    }
    let old = doc.score(pupil: p.id, test: a.test.id, term: a.term)
    if old?.raw == score.raw && old?.standardised == score.standardised
      && (score.date == nil || old?.date == score.date)
    {
      return nil
    }
    doc.setScore(
      pupil: p.id, test: a.test.id, term: a.term, raw: score.raw, standardised: score.standardised, date: score.date,
      ageMonths: score.age, by: r.folder.author, at: DataFolder.now())
    docs.update(doc)
    let now = doc.score(pupil: p.id, test: a.test.id, term: a.term)!.summary
    return
      "\(p.fullName) (\(p.id)): \(old?.summary ?? "no score") -> \(now)\(score.table.map { " (table \($0))" } ?? "")"
  }

  /// "Khan, Amira" or "Amira Khan" -> (surname, forename).
  static func split(_ full: String) -> (String?, String?) {
    if let comma = full.firstIndex(of: ",") {
      return (
        String(full[..<comma]).trimmingCharacters(in: .whitespaces),
        String(full[full.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
      )
    }
    let parts = full.split(separator: " ")
    guard parts.count >= 2 else { return (full, nil) }
    return (parts.dropFirst().joined(separator: " "), String(parts[0]))
  }

  struct Score {
    var raw: Int?
    var standardised: Int?
    var date: SchoolDate?
    var age: Int?
    /// The table a raw score was standardised through.
    var table: String?
  }

  /// The row's score: a standardised score is checked against the test's range; a raw score
  /// alone is age-standardised through the table, or refused with the table's reason.
  static func score(
    row: [String], columns: (std: Int?, raw: Int?, date: Int?), test: TestDefinition, tables: ScoreTables,
    level: YearGroup, term: Term, pupil: Pupil, defaultDate: SchoolDate?
  ) throws -> Score {
    let stdText = CSVColumns.field(row, columns.std)
    let rawText = CSVColumns.field(row, columns.raw)
    let dateText = CSVColumns.field(row, columns.date)
    var date = defaultDate
    if let dateText {
      guard let d = UKDate.parse(dateText) else { throw InputError("test date '\(dateText)' is not a date") }
      date = d
    }
    let age = date.flatMap { Age(born: pupil.dob, on: $0) }
    var s = Score(raw: nil, standardised: nil, date: date, age: age?.totalMonths)
    if let rawText {
      guard let raw = Int(rawText), raw >= 0 else { throw InputError("raw score '\(rawText)' is not a whole number") }
      s.raw = raw
    }
    if let stdText {
      guard let v = Int(stdText) else { throw InputError("standardised score '\(stdText)' is not a whole number") }
      s.standardised = try test.check(standardised: v)
    } else if let raw = s.raw {
      guard !tables.isEmpty else {
        throw InputError(
          "raw score \(raw) but no age-standardisation table for \(test.name): import one with `cohort import table`")
      }
      guard let age else {
        throw InputError("raw score \(raw) needs a test date (a column or --date) to know the pupil's age")
      }
      let lookup = try tables.standardise(raw: raw, age: age, level: level, term: term, test: test.name)
      (s.standardised, s.table) = (lookup.score, lookup.table.name)
    } else {
      throw InputError("no score")
    }
    return s
  }
}

/// The class-year documents an import touches, loaded once each.
struct DocumentSet {
  let folder: DataFolder
  let year: AcademicYear
  private var docs: [String: ClassYear] = [:]
  private var byPupil: [String: String] = [:]
  private var loadedSchools = Set<String>()
  private var touched: [String] = []

  init(folder: DataFolder, year: AcademicYear) {
    self.folder = folder
    self.year = year
  }

  mutating func document(of pupil: String, school: String) throws -> ClassYear? {
    if !loadedSchools.contains(school) {
      loadedSchools.insert(school)
      for c in try folder.loadSchool(school).classes(in: year) {
        let d = try folder.loadClassYear(school: school, classID: c.id, year: year)
        docs["\(school)/\(c.id)"] = d
        for p in d.pupils { byPupil[p] = "\(school)/\(c.id)" }
      }
    }
    return byPupil[pupil].flatMap { docs[$0] }
  }

  mutating func update(_ doc: ClassYear) {
    let key = "\(doc.school)/\(doc.classID)"
    docs[key] = doc
    if !touched.contains(key) { touched.append(key) }
  }

  var changed: [ClassYear] { touched.compactMap { docs[$0] } }
}
