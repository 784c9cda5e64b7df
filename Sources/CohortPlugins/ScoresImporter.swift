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

  static let standardisedColumn = [
    "standardised score", "standardised", "standardized score", "sas", "std score", "age standardised score",
    "standardised age score", "score",
  ]
  static let rawColumn = ["raw score", "raw", "mark", "marks", "total mark"]
  static let dateColumn = ["test date", "date taken", "date of test", "date"]

  func preview(_ r: ImportRequest) throws -> ImportPreview {
    let test = try r.registry.test(try r.option("test"))
    let year = try AcademicYear.parse(try r.option("year"))
    guard let term = Term(rawValue: try r.option("term").lowercased()) else {
      throw InputError("unknown term '\(r.options["term"]!)': expected autumn, spring or summer")
    }
    let defaultDate = try r.options["date"].map { text -> SchoolDate in
      guard let d = UKDate.parse(text) else { throw InputError("--date '\(text)' is not a date") }
      return d
    }
    var preview = ImportPreview()
    let (text, note) = CSVReader.decode(r.data)
    if let note { preview.notes.append(note) }
    let rows = CSVReader.rows(text)
    guard let headerRow = rows.first else { throw InputError("\(r.fileName) is empty") }
    let cols = CSVColumns(headerRow)
    let c = (
      upn: cols.index(CSVColumns.upn), surname: cols.index(CSVColumns.surname),
      forename: cols.index(CSVColumns.forename),
      name: cols.index(CSVColumns.fullName), dob: cols.index(CSVColumns.dob), std: cols.index(Self.standardisedColumn),
      raw: cols.index(Self.rawColumn), date: cols.index(Self.dateColumn)
    )
    guard c.upn != nil || ((c.surname != nil && c.forename != nil) || c.name != nil) && c.dob != nil else {
      throw InputError(
        "\(r.fileName): no column for the UPN, or for names and date of birth (found: \(headerRow.joined(separator: ", ")))"
      )
    }
    guard c.std != nil || c.raw != nil else {
      throw InputError(
        "\(r.fileName): no column for a standardised or raw score (found: \(headerRow.joined(separator: ", ")))")
    }
    let matcher = try PupilMatcher(folder: r.folder, trust: r.trust)
    let tables = r.registry.scoreTables(for: test.id)
    var docs = DocumentSet(folder: r.folder, year: year)
    var seen: [String: Int] = [:]
    for (n, row) in rows.enumerated().dropFirst()
    where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      let line = n + 1
      func reject(_ why: String) { preview.rejected.append(.init(line: line, reason: why)) }
      var surname = CSVColumns.field(row, c.surname)
      var forename = CSVColumns.field(row, c.forename)
      if surname == nil, let full = CSVColumns.field(row, c.name) { (surname, forename) = Self.split(full) }
      let dobText = CSVColumns.field(row, c.dob)
      let dob = dobText.flatMap(UKDate.parse)
      if let dobText, dob == nil {
        reject("date of birth '\(dobText)' is not a date")
        continue
      }
      let found: PupilMatcher.Found
      switch matcher.match(upn: CSVColumns.field(row, c.upn), surname: surname, forename: forename, dob: dob) {
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
        let yearGroup = p.yearGroup(in: year)
        let score = try Self.score(
          row: row, columns: (c.std, c.raw, c.date), test: test, tables: tables, level: yearGroup, term: term, pupil: p,
          defaultDate: defaultDate)
        guard test.isTaken(by: yearGroup, in: term) else {
          throw InputError("\(p.fullName) is in \(yearGroup.label): \(test.name) is not taken then in \(term.label)")
        }
        guard var doc = try docs.document(of: p.id, school: found.school) else {
          throw InputError("\(p.fullName) is in no class in \(year)")
        }
        let old = doc.score(pupil: p.id, test: test.id, term: term)
        if old?.raw == score.raw && old?.standardised == score.standardised
          && (score.date == nil || old?.date == score.date)
        {
          preview.unchanged += 1
          continue
        }
        doc.setScore(
          pupil: p.id, test: test.id, term: term, raw: score.raw, standardised: score.standardised, date: score.date,
          ageMonths: score.age, by: r.folder.author, at: DataFolder.now())
        docs.update(doc)
        preview.changes.append(
          "line \(line): \(p.fullName) (\(p.id)): \(old?.summary ?? "no score") -> \(doc.score(pupil: p.id, test: test.id, term: term)!.summary)\(score.table.map { " (table \($0))" } ?? "")"
        )
      } catch let e as InputError {
        reject("\(p.fullName): \(e.message)")
      }
    }
    preview.documents = docs.changed
    return preview
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
