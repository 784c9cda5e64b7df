import CohortCore
import CohortStore

/// A plugin the registry found, where from, and what became of it.
public struct LoadedPlugin: Sendable {
  public enum State: Sendable, Equatable {
    case active
    /// Switched off for this trust (trust.json).
    case disabled
    /// Could not be used: the reason says why (API version, a missing dependency, bad content).
    case refused(String)
    /// Another plugin with the same id in a folder of higher precedence won.
    case shadowed(by: String)
  }
  public let manifest: PluginManifest
  public let source: PluginFolders.Source
  /// The file it came from; "(built in)" for plugins compiled into Cohort.
  public let path: String
  public internal(set) var state: State
}

/// A plugin file that did not load at all: its path and why. The rest still load.
public struct PluginProblem: Sendable, Hashable, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "\(path): \(reason)" }
}

/// Every extension the running Cohort knows. The shells ask it for "all code schemes", "the
/// exporter for csv judgements"... and never name a feature themselves.
public final class PluginRegistry: Sendable {
  public let plugins: [LoadedPlugin]
  public let problems: [PluginProblem]
  public let codeSchemes: [CodeScheme]
  public let exporters: [Exporter]
  public let tests: [TestDefinition]
  public let importers: [Importer]
  /// Active flag rules (a rule whose id the trust switched off is left out).
  public let flagRules: [FlagRule]
  /// Trust or user thresholds for the flag rules (data plugins providing flag-rule).
  public let flagSettings: [String: [String: Double]]
  public let scoreTables: [ScoreTable]
  /// Every active plugin's statutory assessments in one table, highest precedence first.
  public let statutoryTable: StatutoryTable
  /// Every active plugin's national figures laid over each other: the built-in ones, then the
  /// user's, then the trust's, and within a folder files later in name order, each replacing
  /// the figure for the same measure and year (a trust corrects a figure with its own file).
  public let nationalFigures: NationalFigures
  public let reports: [Report]
  public let folderCheckers: [FolderChecker]
  /// In the order registered (the built-in ones first).
  public let chartKinds: [ChartKind]
  /// The window's pages, in switcher order.
  public let pages: [PageContribution]
  /// Which plugin gave each code scheme and each test (by their ids): what switching a plugin
  /// off would take away.
  public let schemePlugin: [String: String]
  public let testPlugin: [String: String]

  init(plugins: [LoadedPlugin], problems: [PluginProblem], registrar: PluginRegistrar, disabled: Set<String> = []) {
    self.plugins = plugins
    self.problems = problems + registrar.problems.map { PluginProblem(path: "(registration)", reason: $0) }
    self.codeSchemes = registrar.codeSchemes.map(\.1)
    self.exporters = registrar.exporters.map(\.1)
    self.tests = registrar.tests.map(\.1)
    self.importers = registrar.importers.map(\.1)
    self.flagRules = registrar.flagRules.map(\.1).filter { !disabled.contains($0.id) }
    self.flagSettings = registrar.flagSettings
    self.scoreTables = registrar.scoreTables.map(\.1)
    self.statutoryTable = registrar.statutoryTables.map(\.1).reversed().reduce(StatutoryTable()) { $0.adding($1) }
    self.reports = registrar.reports.map(\.1)
    self.folderCheckers = registrar.folderCheckers.map(\.1)
    self.chartKinds = registrar.chartKinds.map(\.1)
    self.pages = registrar.pages.map(\.1).sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    let rank: [PluginFolders.Source: Int] = [.builtIn: 0, .user: 1, .trust: 2]
    let from = Dictionary(
      plugins.filter { $0.state == .active }.map { ($0.manifest.id, (rank[$0.source] ?? 0, $0.path)) },
      uniquingKeysWith: { a, _ in a })
    self.nationalFigures = registrar.nationalFigures
      .sorted { a, b in (from[a.0] ?? (0, "")) < (from[b.0] ?? (0, "")) }
      .reduce(NationalFigures()) { $0.overlaid(with: $1.1) }
    self.schemePlugin = Dictionary(registrar.codeSchemes.map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.testPlugin = Dictionary(registrar.tests.map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public func report(_ id: String) throws -> Report {
    if let r = reports.first(where: { $0.id == id.lowercased() }) { return r }
    throw InputError("no report '\(id)': available are \(reports.map(\.id).sorted().joined(separator: ", "))")
  }

  public func importer(kind: String) throws -> Importer {
    if let i = importers.first(where: { $0.kind == kind.lowercased() }) { return i }
    throw InputError(
      "no importer for '\(kind)': available are \(importers.map(\.kind).sorted().joined(separator: ", "))")
  }

  public func test(id: String) -> TestDefinition? { tests.first { $0.id == id.lowercased() } }

  public func test(_ id: String) throws -> TestDefinition {
    if let t = test(id: id) { return t }
    throw InputError("unknown test '\(id)': expected one of \(tests.map(\.id).joined(separator: ", "))")
  }

  /// The trust's tests (all active ones when the trust names none).
  public func tests(for trust: Trust) -> [TestDefinition] {
    guard let chosen = trust.tests else { return tests }
    return chosen.compactMap { test(id: $0) }
  }

  /// A test's tables by level, term and edition (a lookup picks the pupil's level's).
  public func scoreTables(for test: String) -> ScoreTables { ScoreTables(scoreTables.filter { $0.test == test }) }

  public func codeScheme(id: String) -> CodeScheme? { codeSchemes.first { $0.id == id } }

  /// The trust's chosen scheme, or an error that says which ids exist.
  public func codeScheme(for trust: Trust) throws -> CodeScheme {
    if let s = codeScheme(id: trust.codeScheme) { return s }
    let known = codeSchemes.map(\.id).joined(separator: ", ")
    throw InputError(
      "trust.json names code scheme '\(trust.codeScheme)', which no active plugin provides (known: \(known.isEmpty ? "none" : known))"
    )
  }

  public func exporter(format: String, what: String) throws -> Exporter {
    if let e = exporters.first(where: { $0.format == format.lowercased() && $0.what == what.lowercased() }) { return e }
    let known = exporters.map { "\($0.format) --what \($0.what)" }.sorted().joined(separator: ", ")
    throw InputError("no exporter for \(format) --what \(what): available are \(known)")
  }

  /// Loads every plugin: data plugins from the standard folders, compiled ones from the
  /// user's folder and `builtIns`. Precedence is trust folder, then user folder, then built in.
  public static func load(dataFolder: String?, builtIns: [CompiledPlugin], disabled: Set<String> = []) -> PluginRegistry
  {
    load(folders: PluginFolders.standard(dataFolder: dataFolder), builtIns: builtIns, disabled: disabled)
  }

  public static func load(
    folders: [(PluginFolders.Source, String)], builtIns: [CompiledPlugin] = [], disabled: Set<String> = []
  ) -> PluginRegistry {
    var resolver = PluginResolver()
    for (source, folder) in folders {
      resolver.addDataPlugins(source: source, folder: folder)
      if source == .user {
        let (compiled, problems) = SharedLibraryPlugins.load(folder: folder)
        resolver.problems += problems
        for (path, plugin) in compiled {
          resolver.add(plugin.manifest, source: .user, path: path, body: .compiled(plugin))
        }
      }
    }
    for plugin in builtIns {
      resolver.add(plugin.manifest, source: .builtIn, path: "(built in)", body: .compiled(plugin))
    }
    return resolver.resolve(disabled: disabled)
  }
}
