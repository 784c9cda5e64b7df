import CohortCore

/// The extension points a plugin can fill. Raw values appear in manifests.
public enum ExtensionPoint: String, Codable, Sendable, CaseIterable {
  case codeScheme = "code-scheme"
}

/// What every plugin declares about itself.
public struct PluginManifest: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var version: String
  public var description: String?
  public var provides: [ExtensionPoint]
  public var depends: [String]?
  /// The plugin API version the plugin was written for.
  public var api: Int?
}

/// The plugin API this build offers.
public enum PluginAPI {
  public static let version = 1
}

/// A JSON data plugin file: a manifest and the content for what it provides.
struct DataPluginFile: Decodable {
  var format: Int
  var manifest: PluginManifest
  var codeScheme: CohortCore.CodeScheme?
}
