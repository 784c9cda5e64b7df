import CohortCore

/// A plugin in code: built in (listed in one file of CohortPlugins) or a shared library in
/// the user's plugin folder. It adds its extensions when the registry calls `register`.
public protocol CompiledPlugin: Sendable {
  var manifest: PluginManifest { get }
  func register(_ registrar: PluginRegistrar)
}

/// What a plugin's `register` may add to. The registry checks each addition against the
/// plugin's manifest (a plugin adds only what it says it provides).
public final class PluginRegistrar {
  var codeSchemes: [(String, CohortCore.CodeScheme)] = []
  var exporters: [(String, Exporter)] = []
  var tests: [(String, TestDefinition)] = []
  var importers: [(String, Importer)] = []
  var flagRules: [(String, FlagRule)] = []
  var flagSettings: [String: [String: Double]] = [:]
  var scoreTables: [(String, ScoreTable)] = []
  var statutoryTables: [(String, StatutoryTable)] = []
  var nationalFigures: [(String, NationalFigures)] = []
  var reports: [(String, Report)] = []
  var folderCheckers: [(String, FolderChecker)] = []
  var chartKinds: [(String, ChartKind)] = []
  var pages: [(String, PageContribution)] = []
  var problems: [String] = []
  private var current: PluginManifest?

  init() {}

  func registering(_ manifest: PluginManifest, _ body: () -> Void) {
    current = manifest
    body()
    current = nil
  }

  private func allowed(_ point: ExtensionPoint, _ what: String) -> String? {
    guard let m = current else { return nil }
    guard m.provides.contains(point) else {
      problems.append("\(m.id) added \(what) but its manifest does not provide \(point.rawValue)")
      return nil
    }
    return m.id
  }

  public func add(codeScheme: CohortCore.CodeScheme) {
    if let id = allowed(.codeScheme, "code scheme \(codeScheme.id)") { codeSchemes.append((id, codeScheme)) }
  }

  public func add(test: TestDefinition) {
    if let id = allowed(.standardisedTest, "test \(test.id)") { tests.append((id, test)) }
  }

  public func add(scoreTable: ScoreTable) {
    if let id = allowed(.scoreTable, "score table for \(scoreTable.test)") { scoreTables.append((id, scoreTable)) }
  }

  /// Statutory assessments; those registered first (highest precedence) are matched first.
  public func add(statutoryTable: StatutoryTable) {
    if let id = allowed(.statutoryKind, "statutory assessments") { statutoryTables.append((id, statutoryTable)) }
  }

  /// National figures; the registry lays them over each other (see `PluginRegistry.nationalFigures`).
  public func add(nationalFigures: NationalFigures) {
    if let id = allowed(.nationalFigures, "national figures") { self.nationalFigures.append((id, nationalFigures)) }
  }

  public func add(flagRule: FlagRule) {
    if let id = allowed(.flagRule, "flag rule \(flagRule.id)") { flagRules.append((id, flagRule)) }
  }

  /// Thresholds for flag rules; the plugin registered first (highest precedence) wins.
  public func add(flagSettings: [String: [String: Double]]) {
    guard allowed(.flagRule, "flag settings") != nil else { return }
    for (rule, values) in flagSettings {
      for (key, value) in values where self.flagSettings[rule]?[key] == nil {
        self.flagSettings[rule, default: [:]][key] = value
      }
    }
  }

  public func add(importer: Importer) {
    if let id = allowed(.importer, "importer \(importer.id)") { importers.append((id, importer)) }
  }

  public func add(report: Report) {
    if let id = allowed(.report, "report \(report.id)") { reports.append((id, report)) }
  }

  public func add(folderCheck: FolderChecker) {
    if let id = allowed(.folderCheck, "folder check \(folderCheck.id)") { folderCheckers.append((id, folderCheck)) }
  }

  public func add(chartKind: ChartKind) {
    if let id = allowed(.chartKind, "chart kind \(chartKind.id)") { chartKinds.append((id, chartKind)) }
  }

  public func add(page: PageContribution) {
    if let id = allowed(.page, "page \(page.id)") { pages.append((id, page)) }
  }

  public func add(exporter: Exporter) {
    if let id = allowed(.exporter, "exporter \(exporter.id)") { exporters.append((id, exporter)) }
  }
}
