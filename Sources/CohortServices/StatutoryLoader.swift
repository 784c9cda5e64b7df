import CohortCore
import CohortStore

extension StatutorySummary {
  /// The statutory results of a year for the trust (every school on this device, and all of
  /// them together) or one school, read through DfE's `table`, beside the `national` figures.
  public static func load(
    _ folder: DataFolder, trust: Trust, table: StatutoryTable, national: NationalFigures, scope: AnalysisScope,
    year: AcademicYear
  ) throws -> StatutorySummary {
    summary(
      try pupils(folder, trust: trust, scope: scope), trust: trust, table: table, national: national, scope: scope,
      year: year)
  }

  /// Each school's pupils counted on a core of its own, then the rows.
  static func summary(
    _ pupils: [[StatutoryPupil]], trust: Trust, table: StatutoryTable, national: NationalFigures,
    scope: AnalysisScope, year: AcademicYear
  ) -> StatutorySummary {
    let counts = Parallel.map(pupils.count) { StatutoryCounts(pupils[$0], table: table, year: year) }
    return build(
      StatutoryCounts(joining: counts), year: year, names: ScopeNames(trust: trust, classes: []),
      together: scope == .trust, minimum: trust.minimumGroupSize, national: national)
  }

  /// The pupils with results in the scope (the trust's or one school's) by school, schools on
  /// every core.
  static func pupils(_ folder: DataFolder, trust: Trust, scope: AnalysisScope) throws -> [[StatutoryPupil]] {
    let schools: [String]
    switch scope {
    case .trust: schools = folder.presentSchools(of: trust).map(\.id)
    case .school(let s):
      guard trust.school(s) != nil else { throw trust.unknownSchool(s) }
      schools = [s]
    default: throw InputError("statutory results are by school: use --scope trust or school:ID")
    }
    let cache = DerivedCache(for: folder)
    return try Parallel.map(schools.count) { try pupils(folder, school: schools[$0], cache: cache) }
  }

  /// A school's pupils with their statutory results (none when nothing has been imported),
  /// from the derived cache while its statutory.json and roster are as they were.
  public static func pupils(_ folder: DataFolder, school: String, cache: DerivedCache? = nil) throws
    -> [StatutoryPupil]
  {
    guard let cache = cache.flatMap({ DerivedCache.chosen($0, for: folder) }) else {
      return try read(folder, school: school)
    }
    if let hit = StatutoryCacheEntry.read(cache, folder, school: school) { return hit }
    let stamps = [DataFolder.statutoryPath(school), DataFolder.rosterPath(school)].map { ($0, folder.sourceStamp($0)) }
    let pupils = try read(folder, school: school)
    StatutoryCacheEntry.write(cache, school: school, stamps: stamps, pupils: pupils)
    return pupils
  }

  static func read(_ folder: DataFolder, school: String) throws -> [StatutoryPupil] {
    guard let results = try folder.loadStatutory(school) else { return [] }
    // Only the pupils with results are read from the roster (a quarter of it), by id once.
    let wanted = try folder.loadRoster(school, only: Set(results.pupils.keys)).pupils
    let roster = Dictionary(wanted.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return results.pupils.keys.sorted().compactMap { id in
      roster[id].map { StatutoryPupil(pupil: $0, school: school, results: results.pupils[id] ?? []) }
    }
  }
}

extension StatutorySummary {
  /// The year's results, or the year before's when none of this year's are in yet (KS2
  /// results arrive in July: an autumn report shows last summer's).
  public static func latest(
    _ folder: DataFolder, trust: Trust, table: StatutoryTable, national: NationalFigures, scope: AnalysisScope,
    upTo year: AcademicYear
  ) throws -> StatutorySummary {
    // Read once for both years.
    let pupils = try pupils(folder, trust: trust, scope: scope)
    func summary(_ y: AcademicYear) -> StatutorySummary {
      Self.summary(pupils, trust: trust, table: table, national: national, scope: scope, year: y)
    }
    // Without a single result of the year (an autumn), straight to the year before.
    if pupils.contains(where: { $0.contains { $0.results.contains { $0.academicYear == year } } }) {
      let now = summary(year)
      if now.rows.contains(where: { !$0.figures.isEmpty }) { return now }
    }
    return summary(year.previous)
  }
}
