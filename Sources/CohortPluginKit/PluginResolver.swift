import CohortCore
import CohortStore

/// Decides which plugins run: first of each id wins, then API versions, the trust's
/// switches and dependencies; then registers the survivors in dependency order.
struct PluginResolver {
  enum Body {
    case data(DataPluginFile)
    case compiled(CompiledPlugin)
  }
  struct Candidate {
    var loaded: LoadedPlugin
    var body: Body
  }

  var candidates: [Candidate] = []
  var problems: [PluginProblem] = []

  mutating func add(_ manifest: PluginManifest, source: PluginFolders.Source, path: String, body: Body) {
    var state = LoadedPlugin.State.active
    if let winner = candidates.first(where: { $0.loaded.manifest.id == manifest.id }),
      !isShadowed(winner.loaded)
    {
      state = .shadowed(by: winner.loaded.path)
    }
    candidates.append(
      Candidate(loaded: LoadedPlugin(manifest: manifest, source: source, path: path, state: state), body: body))
  }

  private func isShadowed(_ p: LoadedPlugin) -> Bool {
    if case .shadowed = p.state { return true }
    return false
  }

  mutating func addDataPlugins(source: PluginFolders.Source, folder: String) {
    for path in Documents.jsonFiles(under: folder) {
      do {
        let file = try Documents.read(DataPluginFile.self, at: path)
        add(file.manifest, source: source, path: path, body: .data(file))
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

  mutating func resolve(disabled: Set<String>) -> PluginRegistry {
    for i in candidates.indices where candidates[i].loaded.state == .active {
      let m = candidates[i].loaded.manifest
      if let api = m.api, api > PluginAPI.version {
        candidates[i].loaded.state = .refused("written for plugin API \(api); this Cohort offers \(PluginAPI.version)")
      } else if let reason = contentProblem(candidates[i].body, m) {
        candidates[i].loaded.state = .refused(reason)
      } else if disabled.contains(m.id) {
        candidates[i].loaded.state = .disabled
      }
    }
    refuseMissingDependencies()
    let registrar = PluginRegistrar()
    for i in dependencyOrder() {
      let c = candidates[i]
      registrar.registering(c.loaded.manifest) {
        switch c.body {
        case .compiled(let plugin): plugin.register(registrar)
        case .data(let file):
          if let s = file.codeScheme { registrar.add(codeScheme: s) }
          if let t = file.standardisedTest { registrar.add(test: t) }
          if let t = file.scoreTable { registrar.add(scoreTable: t) }
          if let t = file.statutoryTable { registrar.add(statutoryTable: t) }
          if let f = file.flagSettings { registrar.add(flagSettings: f) }
        }
      }
    }
    return PluginRegistry(
      plugins: candidates.map(\.loaded), problems: problems, registrar: registrar, disabled: disabled)
  }

  /// Data plugins are checked before they run: a scheme that would confuse reports is refused.
  func contentProblem(_ body: Body, _ m: PluginManifest) -> String? {
    guard case .data(let file) = body else { return nil }
    if m.provides.contains(.codeScheme) {
      guard let scheme = file.codeScheme else { return "provides code-scheme but has no \"codeScheme\"" }
      let issues = scheme.problems()
      if !issues.isEmpty { return issues.joined(separator: "; ") }
    }
    if m.provides.contains(.standardisedTest) {
      guard let test = file.standardisedTest else {
        return "provides standardised-test but has no \"standardisedTest\""
      }
      let issues = test.problems()
      if !issues.isEmpty { return issues.joined(separator: "; ") }
    }
    if m.provides.contains(.statutoryKind) {
      guard let table = file.statutoryTable else { return "provides statutory-kind but has no \"statutoryTable\"" }
      let issues = table.problems()
      if !issues.isEmpty { return issues.joined(separator: "; ") }
    }
    if m.provides.contains(.scoreTable) {
      guard let table = file.scoreTable else { return "provides score-table but has no \"scoreTable\"" }
      let issues = table.problems()
      if !issues.isEmpty { return issues.joined(separator: "; ") }
    }
    return nil
  }

  /// A plugin whose dependency is not active is refused, and so on down the chain.
  mutating func refuseMissingDependencies() {
    var changed = true
    while changed {
      changed = false
      let active = Set(candidates.filter { $0.loaded.state == .active }.map(\.loaded.manifest.id))
      for i in candidates.indices where candidates[i].loaded.state == .active {
        let missing = (candidates[i].loaded.manifest.depends ?? []).filter { !active.contains($0) }
        if !missing.isEmpty {
          candidates[i].loaded.state = .refused("needs \(missing.joined(separator: ", ")), which is not active")
          changed = true
        }
      }
    }
  }

  /// Active candidates, each after the plugins it depends on; a cycle is refused.
  mutating func dependencyOrder() -> [Int] {
    var order: [Int] = []
    var placed = Set<String>()
    var pending = candidates.indices.filter { candidates[$0].loaded.state == .active }
    while !pending.isEmpty {
      let ready = pending.filter { (candidates[$0].loaded.manifest.depends ?? []).allSatisfy(placed.contains) }
      if ready.isEmpty {
        for i in pending { candidates[i].loaded.state = .refused("dependency cycle") }
        break
      }
      for i in ready {
        order.append(i)
        placed.insert(candidates[i].loaded.manifest.id)
      }
      pending.removeAll { ready.contains($0) }
    }
    return order
  }
}
