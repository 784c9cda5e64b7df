import CohortCharts
import CohortCore
import CohortStore
import Testing

@testable import CohortPluginKit

/// A compiled plugin that adds one of each newer extension: a page, a chart kind, a menu
/// action and a folder check.
private struct Everything: CompiledPlugin {
  var provides: [ExtensionPoint] = [.page, .chartKind, .action, .folderCheck]
  var manifest: PluginManifest {
    PluginManifest(id: "test.everything", name: "Everything", version: "1.0.0", provides: provides)
  }

  struct Chart: ChartKind {
    let id = "dots"
    let summary = "dots"
    func make(_ r: ChartRequest) throws -> ChartSpec { throw InputError("not drawn in this test") }
  }
  struct Action: MenuAction {
    let id = "action.hello"
    let title = "Say hello"
    let place = MenuPlace.header
    func run(_ r: ActionRequest) throws -> String { "hello" }
  }
  struct Check: FolderChecker {
    let id = "check.one-note"
    func check(_ folder: DataFolder, registry: PluginRegistry) -> FolderCheckReport {
      var report = FolderCheckReport()
      report.documents = 2
      report.findings = [.init(severity: .warning, path: "trust.json", message: "a note")]
      return report
    }
  }

  func register(_ r: PluginRegistrar) {
    r.add(page: PageContribution(id: "page.late", title: "Late", description: "", order: 9))
    r.add(page: PageContribution(id: "page.early", title: "Early", description: "", order: 1, key: 1))
    r.add(chartKind: Chart())
    r.add(action: Action())
    r.add(folderCheck: Check())
    r.add(folderCheck: Check())
  }
}

@Suite struct ContributionTests {
  @Test func pagesChartsActionsAndChecksComeFromThePluginsThatAddThem() throws {
    let registry = PluginRegistry.load(folders: [], builtIns: [Everything()])
    #expect(registry.problems.isEmpty, "\(registry.problems)")
    #expect(registry.pages.map(\.id) == ["page.early", "page.late"])
    #expect(registry.pages.first?.key == 1)
    #expect(try registry.chartKind("DOTS").id == "dots")
    #expect(throws: InputError.self) { try registry.chartKind("pie") }
    #expect(registry.actions(in: .header).map(\.id) == ["action.hello"])
    #expect(registry.actions(in: .mainMenu).isEmpty)
    // Two checkers' reports are added together.
    let report = registry.checkFolder(DataFolder(root: "/nonexistent", author: Author(by: "t", device: "d")))
    #expect(report.documents == 4 && report.warnings.count == 2 && report.ok)
  }

  @Test func aPluginAddsOnlyWhatItsManifestProvides() {
    let registry = PluginRegistry.load(folders: [], builtIns: [Everything(provides: [.page])])
    #expect(registry.pages.count == 2)
    #expect(registry.chartKinds.isEmpty && registry.actions.isEmpty && registry.folderCheckers.isEmpty)
    let said = registry.problems.map(\.reason)
    #expect(said.contains("test.everything added chart kind dots but its manifest does not provide chart-kind"))
    #expect(said.contains("test.everything added action action.hello but its manifest does not provide action"))
  }
}
