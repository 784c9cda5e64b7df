import CohortCore
import CohortTestSupport
import Foundation
import Testing

@testable import CohortPluginKit

@Suite struct PluginRegistryTests {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-plugins-\(UUID().uuidString)")
    .path

  func write(_ relative: String, _ text: String) throws {
    let url = URL(fileURLWithPath: scratch + "/" + relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func scheme(id: String, plugin: String, name: String, api: Int = 1, codes: String? = nil) -> String {
    let list =
      codes
      ?? ##"[{"band":"below","colour":"#FF0000","id":"L","key":"l","kind":"assessed","label":"Low"},{"band":"at","colour":"#00FF00","id":"H","key":"h","kind":"assessed","label":"High"}]"##
    return """
      {"format":1,"manifest":{"api":\(api),"id":"\(plugin)","name":"\(name)","provides":["code-scheme"],"version":"1.0"},
       "codeScheme":{"id":"\(id)","name":"\(name)","codes":\(list)}}
      """
  }

  @Test func builtInSchemesLoad() throws {
    let registry = PluginRegistry.load(dataFolder: nil, builtIns: [])
    #expect(registry.problems.isEmpty, "\(registry.problems)")
    let ids = Set(registry.codeSchemes.map(\.id))
    #expect(ids.isSuperset(of: ["ygp", "below-above", "wts-exs-gds"]))
    let ygp = try #require(registry.codeScheme(id: "ygp"))
    #expect(ygp.codes.prefix(3).map(\.id) == ["Y", "G", "P"])
    #expect(ygp.codes.prefix(3).map(\.key) == ["y", "g", "p"])
    #expect(ygp.codes.contains { $0.kind == .notAssessed && $0.band == nil })
    #expect(ygp.codes.contains { $0.kind == .outOfYear })
    for s in registry.codeSchemes { #expect(s.problems().isEmpty, "\(s.id): \(s.problems())") }
    let ba = try #require(registry.codeScheme(id: "below-above"))
    #expect(ba.codes.map(\.label).contains("Significantly below"))
    #expect(ba.codes.map(\.label).contains("Significantly above"))
  }

  @Test func theTrustFolderOverridesTheUserFolderWhichOverridesBuiltIns() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try write("trust/plugins/a.json", scheme(id: "mine", plugin: "scheme.mine", name: "Trust version"))
    try write("user/b.json", scheme(id: "mine", plugin: "scheme.mine", name: "User version"))
    try write("user/c.json", scheme(id: "ygp", plugin: "scheme.ygp", name: "User YGP"))
    let builtIn = try #require(PluginFolders.resourcesFolder())
    let registry = PluginRegistry.load(folders: [
      (.trust, scratch + "/trust/plugins"), (.user, scratch + "/user"), (.builtIn, builtIn + "/plugins"),
    ])
    #expect(registry.codeScheme(id: "mine")?.name == "Trust version")
    #expect(registry.codeScheme(id: "ygp")?.name == "User YGP")
    #expect(registry.plugins.first { $0.manifest.id == "scheme.mine" }?.source == .trust)
    #expect(registry.codeScheme(id: "wts-exs-gds") != nil)
  }

  @Test func aBrokenPluginIsReportedAndTheRestLoad() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try write("p/good.json", scheme(id: "good", plugin: "scheme.good", name: "Good"))
    try write("p/bad-json.json", "{\"format\":1,")
    try write("p/future.json", scheme(id: "future", plugin: "scheme.future", name: "Future", api: 99))
    try write(
      "p/dup-keys.json",
      scheme(
        id: "dup", plugin: "scheme.dup", name: "Dup",
        codes:
          ##"[{"band":"below","colour":"#FF0000","id":"A","key":"a","kind":"assessed","label":"A"},{"band":"at","colour":"#00FF00","id":"B","key":"a","kind":"assessed","label":"B"}]"##
      ))
    let registry = PluginRegistry.load(folders: [(.trust, scratch + "/p")])
    #expect(registry.codeSchemes.map(\.id) == ["good"])
    // A file that is not a plugin at all is a problem; a plugin that cannot run is refused.
    #expect(registry.problems.count == 1)
    #expect(
      registry.problems[0].path.hasSuffix("bad-json.json") && registry.problems[0].reason.contains("not valid JSON"))
    func state(_ id: String) -> String {
      guard case .refused(let why) = registry.plugins.first(where: { $0.manifest.id == id })?.state else { return "" }
      return why
    }
    #expect(state("scheme.future").contains("plugin API 99"))
    #expect(state("scheme.dup").contains("used twice"))
  }

  @Test func anUnknownSchemeNamesTheKnownOnes() throws {
    let registry = PluginRegistry.load(dataFolder: nil, builtIns: [])
    var trust = Trust(id: "t", name: "T")
    trust.codeScheme = "rainbow"
    let e = try #require(throws: InputError.self) { try registry.codeScheme(for: trust) }
    #expect(e.message.contains("rainbow") && e.message.contains("ygp"))
  }
}

@Suite struct SchemeFixtureTests {
  /// The tests' YGP is the one Cohort ships: a change to either shows here, not as drift.
  @Test func theTestsYGPIsTheShippedOne() throws {
    let shipped = try #require(PluginRegistry.load(dataFolder: nil, builtIns: []).codeScheme(id: "ygp"))
    #expect(shipped == Schemes.ygp)
  }
}
