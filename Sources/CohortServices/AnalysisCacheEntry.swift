import CohortCore
import CohortStore

/// One school's part of an analysis load (its records of a year with `history` years before,
/// and the names of its classes that year) in the derived cache, under the stamps of every
/// document it was read from: the school.json, the roster and each class-year, absent ones
/// included. Reading ninety schools' parts back is a few milliseconds against parsing their
/// 47 MB of JSON (docs/performance.md).
enum AnalysisCacheEntry {
  /// Bump whenever what the loader makes of the documents changes: older entries are then misses.
  static let format = 1

  struct Part {
    var records: [PupilRecord]
    var classes: [ClassInfo]
  }

  static func name(_ school: String, _ year: AcademicYear, history: Int) -> String {
    "analysis.\(school).\(year.startYear).\(history)"
  }

  /// The documents after the school.json that the loader reads for `school`.
  static func sources(of school: School, years: [AcademicYear]) -> [String] {
    [DataFolder.rosterPath(school.id)]
      + years.flatMap { y in
        school.classes(in: y).map { DataFolder.classPath(school: school.id, year: y, classID: $0.id) }
      }
  }

  /// The part, when the entry is whole and every source is as it was. The records are read
  /// only when `wanted` says so of the school's classes.
  static func read(
    _ cache: DerivedCache, _ folder: DataFolder, school: String, year: AcademicYear, history: Int,
    wanted: ([ClassInfo]) -> Bool
  ) -> Part? {
    guard var r = cache.readFresh(name(school, year, history: history), format: format, folder: folder) else {
      return nil
    }
    guard let classes = PupilRecordCoding.readClasses(&r, school: school) else { return nil }
    guard wanted(classes) else { return Part(records: [], classes: classes) }
    guard let records = PupilRecordCoding.read(&r, school: school), r.atEnd else { return nil }
    return Part(records: records, classes: classes)
  }

  /// Keeps a part read from documents stamped `stamps` before they were read, unless one of
  /// them changed too recently to be told from a later change (`SourceStamp.isSettled`).
  static func write(
    _ cache: DerivedCache, school: String, year: AcademicYear, history: Int, stamps: [(String, SourceStamp)],
    part: Part
  ) {
    cache.writeStamped(name(school, year, history: history), format: format, stamps: stamps) { w in
      PupilRecordCoding.write(part.classes, to: &w)
      PupilRecordCoding.write(part.records, to: &w)
    }
  }

  /// Entries of schools not on this device any more (or no longer in the trust) are deleted.
  static func prune(_ cache: DerivedCache, keeping schools: Set<String>) {
    for entry in cache.names() {
      let parts = entry.split(separator: ".")
      guard parts.count == 4 || parts.count == 3, !schools.contains(String(parts[1])) else { continue }
      cache.remove(entry)
    }
  }
}
