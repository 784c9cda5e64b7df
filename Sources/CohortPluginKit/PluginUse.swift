import CohortCore
import CohortStore

/// What a trust's data uses of a plugin, so that switching it off never makes the trust
/// unopenable: the code scheme its judgements are in, the tests its scores are of.
public enum PluginUse {
  /// Why the plugin cannot be switched off, in words (empty when it can).
  public static func reasons(_ id: String, folder: DataFolder, trust: Trust, registry: PluginRegistry) throws
    -> [String]
  {
    var out: [String] = []
    if registry.schemePlugin[trust.codeScheme] == id {
      let scheme = registry.codeScheme(id: trust.codeScheme)?.name ?? trust.codeScheme
      let n = try count(folder, trust) { doc in doc.judgements.reduce(0) { $0 + $1.codes.compactMap { $0 }.count } }
      out.append("it gives the trust's code scheme, \(scheme)\(n > 0 ? ", which \(plural(n, "judgement")) use" : "")")
    }
    let tests = Set(registry.testPlugin.filter { $0.value == id }.map(\.key))
    if !tests.isEmpty {
      let n = try count(folder, trust) { doc in doc.scores.filter { tests.contains($0.test) }.count }
      if n > 0 { out.append("\(plural(n, "score")) are of its tests") }
    }
    return out
  }

  static func count(_ folder: DataFolder, _ trust: Trust, _ each: (ClassYearColumns) -> Int) throws -> Int {
    var n = 0
    for school in try folder.loadSchools(of: trust) {
      for year in school.years {
        for c in school.classes(in: year) {
          n += each(try folder.loadClassColumns(school: school.id, classID: c.id, year: year))
        }
      }
    }
    return n
  }
}
