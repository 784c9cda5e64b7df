import CohortCore
import CohortStore
import Foundation

/// Reads the trust's documents into `PupilRecord`s for analysis: the pupils in classes in
/// `year`, with their codes and scores from `year` and the years before it given in `history`.
public enum AnalysisLoader {
  public static func load(_ folder: DataFolder, trust: Trust, year: AcademicYear, history: Int = 1) throws
    -> [PupilRecord]
  {
    let years = (0...history).map { AcademicYear(startYear: year.startYear - $0) }
    let schools = try folder.loadSchools(of: trust)
    let results = Slots<[PupilRecord]>(count: schools.count)
    // Schools are independent: read them on every core.
    DispatchQueue.concurrentPerform(iterations: schools.count) { i in
      results.set(i, Result { try load(folder, school: schools[i], year: year, years: years) })
    }
    return try results.values.flatMap { try $0.get() }
  }

  /// One school's pupils only: enough for a class meeting and its comparison groups.
  public static func load(_ folder: DataFolder, school: School, year: AcademicYear, history: Int = 1) throws
    -> [PupilRecord]
  {
    try load(
      folder, school: school, year: year, years: (0...history).map { AcademicYear(startYear: year.startYear - $0) })
  }

  static func load(_ folder: DataFolder, school: School, year: AcademicYear, years: [AcademicYear]) throws
    -> [PupilRecord]
  {
    let docs = try years.flatMap { y in
      try school.classes(in: y).map { try folder.loadClassYear(school: school.id, classID: $0.id, year: y) }
    }
    return records(roster: try folder.loadRoster(school.id), docs: docs, year: year)
  }

  /// The pupils in `year`'s classes among `docs`, with their codes and scores from all of `docs`.
  public static func records(roster: Roster, docs: [ClassYear], year: AcademicYear) -> [PupilRecord] {
    let roster = Dictionary(roster.pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var records: [String: PupilRecord] = [:]
    for doc in docs where doc.year == year {
      for id in doc.pupils {
        guard let p = roster[id] else { continue }
        records[id] = PupilRecord(pupil: p, school: doc.school, classID: doc.classID, yearGroup: p.yearGroup(in: year))
      }
    }
    for doc in docs {
      for (key, cell) in doc.cells where records[key.pupil] != nil {
        if let code = cell.code {
          records[key.pupil]!.codes[HalfTermRef(doc.year, key.halfTerm), default: [:]][key.subject] = code
        }
      }
      for (key, cell) in doc.scores where records[key.pupil] != nil {
        if let s = cell.standardised {
          records[key.pupil]!.scores[key.test, default: [:]][TermRef(doc.year, key.term)] = s
        }
      }
    }
    return records.values.sorted { $0.pupil.id < $1.pupil.id }
  }
}

/// Results filled in by concurrent work, one slot each.
final class Slots<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<T, any Error>?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ r: Result<T, any Error>) { lock.withLock { slots[i] = r } }
  var values: [Result<T, any Error>] { lock.withLock { slots.compactMap { $0 } } }
}
