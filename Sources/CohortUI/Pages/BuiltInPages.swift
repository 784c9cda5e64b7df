import CohortPluginKit
import CohortPlugins

// The one file of the app that names what is built in: the compiled plugins (through
// `BuiltInPlugins`) and the views of the pages they contribute. Everything else asks the
// registry.

typealias BuiltInPlugins = CohortPlugins.BuiltInPlugins

@MainActor
enum BuiltInPages {
  /// The views that draw the built-in pages, by the id of the page they draw.
  static let views: [String: @MainActor (PageHost) -> AppPage] = Dictionary(
    uniqueKeysWithValues: [
      JudgementsPage.kind, ScoresPage.kind, SideBySidePage.kind, AnalysisPage.kind, MeetingsPage.kind, PupilPage.kind,
    ].map { ($0.id, $0.make) })

  /// The pages the registry's plugins contribute that a view here draws, in switcher order.
  static func kinds(for registry: PluginRegistry) -> [PageKind] {
    registry.pages.compactMap { page in views[page.id].map { PageKind(page, make: $0) } }
  }

  /// The built-in registry's pages (the window should ask `kinds(for: context.registry)`, so
  /// that a trust's switched-off page plugin is left out).
  static var all: [PageKind] { kinds(for: BuiltInPlugins.registry()) }
}
