import CohortCore
import CohortStore

extension SchoolYearData {
  /// Bump whenever what `openDues` makes of the documents changes.
  static let openActionsFormat = 1

  /// Open and overdue actions per school across a trust (the Meetings page for a trust), from
  /// the meetings alone, schools on every core.
  public static func openActions(
    _ folder: DataFolder, schools: [String], year: AcademicYear, now: HalfTermRef, cache: DerivedCache? = nil
  ) throws -> [OpenActionCount] {
    let cache = DerivedCache.chosen(cache, for: folder)
    return try Parallel.map(schools.count) { i in
      let dues = try openDues(folder, school: schools[i], year: year, cache: cache)
      return OpenActionCount(school: schools[i], open: dues.count, overdue: dues.filter { $0 < now }.count)
    }
  }

  /// When each of a school's open actions is due, from the derived cache while its
  /// school.json and this year's and last year's class documents are as they were (reading
  /// their meetings means stepping over every cell of 81 MB of classes for a trust).
  static func openDues(_ folder: DataFolder, school id: String, year: AcademicYear, cache: DerivedCache?) throws
    -> [HalfTermRef]
  {
    let name = "actions.\(id).\(year.startYear)"
    if let cache, var r = cache.readFresh(name, format: openActionsFormat, folder: folder), let n = r.count() {
      let dues = (0..<n).compactMap { _ in r.int().flatMap { Int32(exactly: $0) }.map(HalfTermRef.init(ordinal:)) }
      if dues.count == n, r.atEnd { return dues }
    }
    let schoolPath = DataFolder.schoolPath(id)
    let schoolStamp = folder.sourceStamp(schoolPath)
    let school = try folder.loadSchool(id)
    let classes = [year.previous, year].flatMap { y in school.classes(in: y).map { (y, $0.id) } }
    // Stamped only for a cache to keep: four thousand stats for nothing otherwise.
    let stamps =
      cache == nil
      ? []
      : [(schoolPath, schoolStamp)]
        + classes.map { DataFolder.classPath(school: id, year: $0.0, classID: $0.1) }.map {
          ($0, folder.sourceStamp($0))
        }
    let docs = try classes.map { try folder.loadMeetings(school: id, classID: $0.1, year: $0.0) }
    let dues = ActionTracker.track(docs).filter { $0.status == .open }.map(\.due)
    cache?.writeStamped(name, format: openActionsFormat, stamps: stamps) { w in
      w.unsigned(UInt64(dues.count))
      for d in dues { w.int(Int(d.ordinal)) }
    }
    return dues
  }
}
