import CohortCore
import CohortStore
import Foundation

/// Reads the trust's documents into `PupilRecord`s for analysis: the pupils in classes in
/// `year`, with their codes and scores from `year` and the years before it given in `history`.
public enum AnalysisLoader {
  public static func load(_ folder: DataFolder, trust: Trust, year: AcademicYear, history: Int = 1) throws
    -> [PupilRecord]
  {
    try loadWithNames(folder, trust: trust, year: year, history: history).records
  }

  /// The same with the names of the schools' classes in `year`, from the school.json files
  /// read for the records (reading all ninety again, one after another, was 20-33 ms of a cold
  /// dashboard). Only the schools `scope` may include are read past their school.json (the
  /// names of every school's classes still come back). A school whose documents are as they
  /// were at an earlier load is read from the derived cache (`AnalysisCacheEntry`).
  public static func loadWithNames(
    _ folder: DataFolder, trust: Trust, year: AcademicYear, history: Int = 1, within scope: AnalysisScope = .trust,
    cache: DerivedCache? = nil
  ) throws -> (records: [PupilRecord], names: ScopeNames) {
    let cache = DerivedCache.chosen(cache, for: folder)
    let years = (0...history).map { AcademicYear(startYear: year.startYear - $0) }
    let schools = folder.presentSchools(of: trust)
    // Schools are independent: read them (school.json included) on every core.
    var parts = try Parallel.map(schools.count) { i in
      try part(folder, cache, school: schools[i].id, year: year, years: years, within: scope)
    }
    if let cache { AnalysisCacheEntry.prune(cache, keeping: Set(schools.map(\.id))) }
    var records = Array(repeating: PupilRecord.placeholder, count: parts.reduce(0) { $0 + $1.records.count })
    var n = 0
    for k in parts.indices {
      for j in parts[k].records.indices {
        swap(&records[n], &parts[k].records[j])
        n += 1
      }
    }
    return (records, ScopeNames(trust: trust, classes: parts.flatMap(\.classes)))
  }

  static func part(
    _ folder: DataFolder, _ cache: DerivedCache?, school id: String, year: AcademicYear, years: [AcademicYear],
    within scope: AnalysisScope
  ) throws -> AnalysisCacheEntry.Part {
    let history = years.count - 1
    if let cache,
      let hit = AnalysisCacheEntry.read(
        cache, folder, school: id, year: year, history: history,
        wanted: { classes in scope.mayInclude(school: id) { c in classes.contains { $0.id == c } } })
    {
      return hit
    }
    // Stamped before they are read: a change while they are read makes the entry stale.
    let schoolPath = DataFolder.schoolPath(id)
    let schoolStamp = cache.map { _ in folder.sourceStamp(schoolPath) }
    let school = try folder.loadSchool(id)
    let classes = ScopeNames.classes(of: school, in: year)
    guard scope.mayInclude(school, in: year) else { return .init(records: [], classes: classes) }
    let stamps = schoolStamp.map { first in
      [(schoolPath, first)] + AnalysisCacheEntry.sources(of: school, years: years).map { ($0, folder.sourceStamp($0)) }
    }
    let part = AnalysisCacheEntry.Part(
      records: try load(folder, school: school, year: year, years: years), classes: classes)
    if let cache, let stamps {
      AnalysisCacheEntry.write(cache, school: id, year: year, history: history, stamps: stamps, part: part)
    }
    return part
  }

  /// One school's pupils only: enough for a class meeting and its comparison groups.
  public static func load(_ folder: DataFolder, school: School, year: AcademicYear, history: Int = 1) throws
    -> [PupilRecord]
  {
    try load(
      folder, school: school, year: year, years: (0...history).map { AcademicYear(startYear: year.startYear - $0) })
  }

  /// The pupils in `year`'s classes among `docs` (whole documents, as a meeting holds them),
  /// with their codes and scores from all of `docs`.
  public static func records(roster: Roster, docs: [ClassYear], year: AcademicYear) -> [PupilRecord] {
    let roster = Dictionary(roster.pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var records: [String: PupilRecord] = [:]
    for doc in docs where doc.year == year {
      // A pupil moved out keeps their codes in the class that taught them, but belongs to
      // the class they are in now.
      for id in doc.members {
        guard let p = roster[id] else { continue }
        records[id] = PupilRecord(
          pupil: p, school: doc.school, classID: doc.classID, yearGroup: p.yearGroup(in: year),
          outsideAgeYear: p.isOutsideAgeYear(in: year))
      }
    }
    for doc in docs.sorted(by: { $0.year < $1.year }) {
      for (key, cell) in doc.cells where records[key.pupil] != nil {
        if let code = cell.code {
          records[key.pupil]!.codes[key.subject, at: HalfTermRef(doc.year, key.halfTerm)] = code
        }
      }
      for (key, cell) in doc.scores where records[key.pupil] != nil {
        if let s = cell.standardised {
          records[key.pupil]!.scores[key.test, at: TermRef(doc.year, key.term)] = s
        }
      }
    }
    return records.values.sorted { $0.pupil.id < $1.pupil.id }
  }

  static func load(_ folder: DataFolder, school: School, year: AcademicYear, years: [AcademicYear]) throws
    -> [PupilRecord]
  {
    // The year's documents are read once: for who is in which class, then for their codes.
    let classes = school.classes(in: year)
    let current = try classes.map { try folder.loadClassColumns(school: school.id, classID: $0.id, year: year) }
    // Only this year's pupils from the roster: a school's leavers of past years are half of it.
    let members = Set(current.flatMap(\.members))
    // Sized once, the first of a repeated id kept (as `records(roster:docs:year:)` does).
    var roster = [String: Pupil](minimumCapacity: members.count)
    for p in try folder.loadRoster(school.id, only: members).pupils where roster[p.id] == nil { roster[p.id] = p }
    var records: [PupilRecord] = []
    var index: [String: Int] = [:]
    for (c, doc) in zip(classes, current) {
      let subjects = max(1, Set(doc.judgements.map(\.subject)).count)
      // Placed by the class they are in now (see `records`); their codes come from every class.
      for id in doc.members {
        guard let p = roster[id] else { continue }
        let yearGroup = p.yearGroup(in: year)
        // Sized for the codes the pupil can have in the years before this one, instead of
        // growing year by year (this year: a half-term's, as it may have only just begun).
        let halfTerms = (min(years.count, max(1, yearGroup.number + 1)) - 1) * HalfTerm.allCases.count + 1
        let record = PupilRecord(
          pupil: p, school: school.id, classID: c.id, yearGroup: yearGroup,
          outsideAgeYear: yearGroup != p.ageYearGroup(in: year),
          codes: PupilCodes(minimumCapacity: halfTerms * subjects))
        if let k = index[id] {
          records[k] = record
        } else {
          index[id] = records.count
          records.append(record)
        }
      }
    }
    // Oldest first, so that each pupil's codes arrive in order and are appended, not inserted.
    for y in years.sorted() {
      if y == year {
        for doc in current { add(doc, year: y, to: &records, index: index) }
        continue
      }
      for c in school.classes(in: y) {
        add(try folder.loadClassColumns(school: school.id, classID: c.id, year: y), year: y, to: &records, index: index)
      }
    }
    // Sorted as positions, then each record moved once: sorting the records themselves moved
    // each large record many times.
    let order = records.indices.sorted { records[$0].pupil.id < records[$1].pupil.id }
    var sorted = Array(repeating: PupilRecord.placeholder, count: records.count)
    for (n, k) in order.enumerated() { swap(&sorted[n], &records[k]) }
    return sorted
  }

  /// Copies a document's codes and standardised scores into the records of its pupils, walking
  /// the on-disk columns (no dictionary of cells per document).
  static func add(_ doc: ClassYearColumns, year y: AcademicYear, to records: inout [PupilRecord], index: [String: Int])
  {
    let slots = doc.pupils.map { index[$0] }
    guard slots.contains(where: { $0 != nil }) else { return }
    // In half-term order, so that the codes are appended to each pupil's (PupilCodes).
    for j in doc.judgements.sorted(by: { ($0.halfTerm, $0.subject) < ($1.halfTerm, $1.subject) }) {
      let ref = HalfTermRef(y, j.halfTerm)
      for (i, slot) in slots.enumerated() {
        guard let k = slot, let code = j.codes[i] else { continue }
        records[k].codes[j.subject, at: ref] = code
      }
    }
    for s in doc.scores {
      for (i, slot) in slots.enumerated() {
        guard let k = slot, s.at[i] != 0, let score = s.standardised[i] else { continue }
        records[k].scores[s.test, at: TermRef(y, s.term)] = score
      }
    }
  }
}

extension PupilRecord {
  /// A record that owns nothing, swapped in where a record is moved out: the trust's records
  /// gathered by copying were a seventh of a cold dashboard, a reference count changed for
  /// every code list and string of every pupil.
  static let placeholder = PupilRecord(
    pupil: Pupil(id: "", forename: "", surname: "", dob: SchoolDate(year: 2000, month: 1, day: 1)!), school: "",
    classID: "", yearGroup: YearGroup(0))
}
