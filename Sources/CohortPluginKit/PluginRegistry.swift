import CohortCore
import CohortStore

/// A plugin that loaded, and where from.
public struct LoadedPlugin: Sendable, Hashable {
  public let manifest: PluginManifest
  public let source: PluginFolders.Source
  public let path: String
}

/// A plugin file that did not load: its path and why. The rest still load.
public struct PluginProblem: Sendable, Hashable, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "\(path): \(reason)" }
}

/// Every extension the running Cohort knows. The shells ask it for "all code schemes" and
/// never name a feature themselves.
public final class PluginRegistry: Sendable {
  public let plugins: [LoadedPlugin]
  public let problems: [PluginProblem]
  public let codeSchemes: [CodeScheme]

  init(plugins: [LoadedPlugin], problems: [PluginProblem], codeSchemes: [CodeScheme]) {
    self.plugins = plugins
    self.problems = problems
    self.codeSchemes = codeSchemes
  }

  public func codeScheme(id: String) -> CodeScheme? { codeSchemes.first { $0.id == id } }

  /// The trust's chosen scheme, or an error that says which ids exist.
  public func codeScheme(for trust: Trust) throws -> CodeScheme {
    if let s = codeScheme(id: trust.codeScheme) { return s }
    let known = codeSchemes.map(\.id).joined(separator: ", ")
    throw InputError(
      "trust.json names code scheme '\(trust.codeScheme)', which no plugin provides (known: \(known.isEmpty ? "none" : known))"
    )
  }

  /// Loads the data plugins of every folder, highest precedence first: the first plugin with
  /// a given id wins, later ones are shadowed. A broken file is reported and skipped.
  public static func load(dataFolder: String?) -> PluginRegistry {
    load(folders: PluginFolders.standard(dataFolder: dataFolder))
  }

  public static func load(folders: [(PluginFolders.Source, String)]) -> PluginRegistry {
    var plugins: [LoadedPlugin] = []
    var problems: [PluginProblem] = []
    var schemes: [CodeScheme] = []
    var seen = Set<String>()
    for (source, folder) in folders {
      for path in Documents.jsonFiles(under: folder) {
        do {
          let file = try Documents.read(DataPluginFile.self, at: path)
          let m = file.manifest
          if let api = m.api, api > PluginAPI.version {
            throw InputError("needs plugin API \(api); this Cohort offers \(PluginAPI.version)")
          }
          guard seen.insert(m.id).inserted else { continue }
          if m.provides.contains(.codeScheme) {
            guard let scheme = file.codeScheme else {
              throw InputError("provides code-scheme but has no \"codeScheme\"")
            }
            let issues = scheme.problems()
            if !issues.isEmpty { throw InputError(issues.joined(separator: "; ")) }
            schemes.append(scheme)
          }
          plugins.append(LoadedPlugin(manifest: m, source: source, path: path))
        } catch let e as StoreError {
          if case .unreadable(_, let reason) = e {
            problems.append(PluginProblem(path: path, reason: reason))
          } else {
            problems.append(PluginProblem(path: path, reason: e.description))
          }
        } catch {
          problems.append(PluginProblem(path: path, reason: "\(error)"))
        }
      }
    }
    return PluginRegistry(plugins: plugins, problems: problems, codeSchemes: schemes)
  }
}
