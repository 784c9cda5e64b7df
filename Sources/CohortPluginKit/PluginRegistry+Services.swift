import CohortCore
import CohortServices
import CohortStore

extension PluginRegistry {
  /// The trust's tests, the active flag rules (most concerning first) and their thresholds.
  public func flagging(for trust: Trust) -> Flagging {
    Flagging(tests: tests(for: trust), rules: flagRules, settings: flagSettings)
  }
}

// The services take the plugins' parts; these take them from a registry.

extension MeetingAgenda {
  public static func build(
    _ data: SchoolYearData, classID: String, halfTerm: HalfTerm, trust: Trust, registry: PluginRegistry,
    scheme: CodeScheme
  ) throws -> MeetingAgenda {
    try build(
      data, classID: classID, halfTerm: halfTerm, trust: trust, scheme: scheme,
      flagging: registry.flagging(for: trust))
  }
}

extension StatutorySummary {
  public static func load(
    _ folder: DataFolder, trust: Trust, registry: PluginRegistry, scope: AnalysisScope, year: AcademicYear
  ) throws -> StatutorySummary {
    try load(
      folder, trust: trust, table: registry.statutoryTable, national: registry.nationalFigures, scope: scope,
      year: year)
  }

  public static func latest(
    _ folder: DataFolder, trust: Trust, registry: PluginRegistry, scope: AnalysisScope, upTo year: AcademicYear
  ) throws -> StatutorySummary {
    try latest(
      folder, trust: trust, table: registry.statutoryTable, national: registry.nationalFigures, scope: scope,
      upTo: year)
  }
}
