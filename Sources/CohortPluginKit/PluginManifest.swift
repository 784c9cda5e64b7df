import CohortCore

/// The extension points a plugin can fill. Raw values appear in manifests and listings.
public enum ExtensionPoint: String, Codable, Sendable, CaseIterable {
  case codeScheme = "code-scheme"
  case standardisedTest = "standardised-test"
  case scoreTable = "score-table"
  /// DfE's statutory assessments by stage, subject, method and component (a `StatutoryTable`).
  case statutoryKind = "statutory-kind"
  /// DfE's national figures for the statutory measures, each with its year and publication.
  case nationalFigures = "national-figures"
  case flagRule = "flag-rule"
  case importer
  case exporter
  case report
  /// Reads a data folder and says what is wrong (`cohort check`).
  case folderCheck = "folder-check"
  /// A chart drawn from a scope's analysis (`cohort chart`).
  case chartKind = "chart-kind"
  /// A page of the desktop window (`PageContribution`; CohortUI draws it).
  case page
}

/// What every plugin declares about itself.
public struct PluginManifest: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var version: String
  public var description: String?
  public var provides: [ExtensionPoint]
  /// Ids of plugins that must be active first.
  public var depends: [String]?
  /// The plugin API version the plugin was written for.
  public var api: Int?

  public init(
    id: String, name: String, version: String, description: String? = nil, provides: [ExtensionPoint],
    depends: [String]? = nil, api: Int? = PluginAPI.version
  ) {
    self.id = id
    self.name = name
    self.version = version
    self.description = description
    self.provides = provides
    self.depends = depends
    self.api = api
  }
}

/// The plugin API this build offers. A plugin written for a newer one is refused; bump this
/// when a protocol in this module changes incompatibly.
public enum PluginAPI {
  public static let version = 1
}

/// A JSON data plugin file: a manifest and the content for what it provides.
struct DataPluginFile: Decodable {
  var format: Int
  var manifest: PluginManifest
  var codeScheme: CodeScheme?
  var standardisedTest: TestDefinition?
  var scoreTable: ScoreTable?
  var statutoryTable: StatutoryTable?
  var nationalFigures: NationalFigures?
  /// Thresholds for flag rules, by rule id: {"flag.score-dropped": {"points": 10}}.
  var flagSettings: [String: [String: Double]]?
}
