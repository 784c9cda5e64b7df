import CohortCore
import Foundation
import Testing

@testable import CohortPluginKit

/// A compiled plugin for tests: records when it registers.
final class Recorder: @unchecked Sendable {
  var order: [String] = []
}

struct TestPlugin: CompiledPlugin {
  let manifest: PluginManifest
  let recorder: Recorder
  var exporterID: String?

  init(
    _ id: String, depends: [String] = [], api: Int = 1, provides: [ExtensionPoint] = [.exporter],
    exporter: String? = nil, recorder: Recorder
  ) {
    manifest = PluginManifest(id: id, name: id, version: "1.0", provides: provides, depends: depends, api: api)
    self.recorder = recorder
    exporterID = exporter
  }

  func register(_ registrar: PluginRegistrar) {
    recorder.order.append(manifest.id)
    if let exporterID { registrar.add(exporter: NullExporter(id: exporterID)) }
  }
}

struct NullExporter: Exporter {
  let id: String
  var format: String { String(id.split(separator: ".")[0]) }
  var what: String { String(id.split(separator: ".")[1]) }
  var title: String { id }
  func export(_ request: ExportRequest) throws -> Data { Data(id.utf8) }
}

@Suite struct ResolutionTests {
  func load(_ plugins: [CompiledPlugin], disabled: Set<String> = []) -> PluginRegistry {
    PluginRegistry.load(folders: [], builtIns: plugins, disabled: disabled)
  }

  func state(_ r: PluginRegistry, _ id: String) -> LoadedPlugin.State? {
    r.plugins.first { $0.manifest.id == id }?.state
  }

  @Test func dependenciesRegisterFirst() {
    let rec = Recorder()
    let r = load([
      TestPlugin("c", depends: ["b"], recorder: rec), TestPlugin("b", depends: ["a"], recorder: rec),
      TestPlugin("a", recorder: rec),
    ])
    #expect(rec.order == ["a", "b", "c"])
    #expect(r.plugins.allSatisfy { $0.state == .active })
  }

  @Test func aMissingDependencyRefusesThePluginAndThoseThatNeedIt() {
    let rec = Recorder()
    let r = load([TestPlugin("b", depends: ["gone"], recorder: rec), TestPlugin("c", depends: ["b"], recorder: rec)])
    #expect(rec.order.isEmpty)
    #expect(state(r, "b") == .refused("needs gone, which is not active"))
    #expect(state(r, "c") == .refused("needs b, which is not active"))
  }

  @Test func aCycleIsRefusedNotAHang() {
    let rec = Recorder()
    let r = load([TestPlugin("x", depends: ["y"], recorder: rec), TestPlugin("y", depends: ["x"], recorder: rec)])
    #expect(state(r, "x") == .refused("dependency cycle"))
    #expect(rec.order.isEmpty)
  }

  @Test func aNewerAPIIsRefusedWithAClearMessage() {
    let rec = Recorder()
    let r = load([TestPlugin("future", api: PluginAPI.version + 1, recorder: rec)])
    guard case .refused(let why) = state(r, "future") else {
      Issue.record("expected a refusal")
      return
    }
    #expect(why.contains("plugin API \(PluginAPI.version + 1)"))
    #expect(rec.order.isEmpty)
  }

  @Test func disabledPluginsDoNotRegisterAndTheirDependantsAreRefused() throws {
    let rec = Recorder()
    let r = load(
      [TestPlugin("base", exporter: "csv.base", recorder: rec), TestPlugin("extra", depends: ["base"], recorder: rec)],
      disabled: ["base"])
    #expect(state(r, "base") == .disabled)
    #expect(state(r, "extra") == .refused("needs base, which is not active"))
    #expect(throws: InputError.self) { try r.exporter(format: "csv", what: "base") }
    let on = load([TestPlugin("base", exporter: "csv.base", recorder: rec)])
    #expect(try on.exporter(format: "CSV", what: "base").id == "csv.base")
  }

  @Test func theFirstPluginWithAnIDWinsAndTheRestAreShadowed() {
    let rec = Recorder()
    let r = load([
      TestPlugin("same", exporter: "csv.one", recorder: rec), TestPlugin("same", exporter: "csv.two", recorder: rec),
    ])
    #expect(r.exporters.map(\.id) == ["csv.one"])
    #expect(r.plugins.filter { if case .shadowed = $0.state { true } else { false } }.count == 1)
  }

  @Test func aPluginAddsOnlyWhatItsManifestProvides() {
    let rec = Recorder()
    let r = load([TestPlugin("sneaky", provides: [.report], exporter: "csv.sneaky", recorder: rec)])
    #expect(r.exporters.isEmpty)
    #expect(r.problems.contains { $0.reason.contains("does not provide exporter") })
  }

  @Test func aLibraryThatIsNotAPluginIsReported() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-so-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data("not an ELF file".utf8).write(to: URL(fileURLWithPath: dir + "/libbroken.so"))
    let r = PluginRegistry.load(folders: [(.user, dir)])
    #expect(r.problems.count == 1)
    #expect(r.problems[0].path.hasSuffix("libbroken.so") && r.problems[0].reason.contains("could not load"))
  }
}
