import CGtk
import CohortCore
import CohortPluginKit

/// What every page can ask of the window.
@MainActor
public protocol PageHost: AnyObject {
  var context: AppContext { get }
  var scope: Scope { get }
  /// A short message in the status bar (a hint, or what just happened).
  func say(_ message: String)
  /// The save state shown in the status bar.
  func showSaveState(_ text: String, failed: Bool)
  func navigate(to level: Scope.Level)
  /// The pupil last chosen (a cell in a grid), for pages about one pupil.
  var selectedPupil: (school: String, id: String)? { get }
  func select(pupil id: String, school: String)
  /// Brings the page with this id (a `PageContribution`'s, e.g. "page.pupil") on screen.
  func show(page id: String)
}

/// A page of the window (Judgements, Scores, ...). The shell knows pages only through this.
@MainActor
public protocol AppPage: AnyObject {
  var widget: Widget { get }
  /// The scope or half-term changed.
  func show(_ scope: Scope)
  /// Saves what must be saved before the window closes; throws when that failed.
  func flush() throws
  /// The page has just been shown: put the keyboard focus where typing starts.
  func didAppear()
  /// Another pupil was chosen.
  func pupilSelected()
  /// The data under the page changed elsewhere (a pupil placed, a class renamed, an import):
  /// the next `show` reads it again even for the same scope.
  func dataChanged()
}

extension AppPage {
  public func didAppear() {}
  public func pupilSelected() {}
  public func dataChanged() {}
  /// Only the page on screen takes the keyboard focus.
  var isShown: Bool { UI.isShown(widget) }
}

/// A page of the window: what a plugin contributed (`PageContribution`: id, title, order, key)
/// and the view that draws it.
public struct PageKind: Sendable {
  public let manifest: PluginManifest
  public let title: String
  /// The digit of its Alt+digit shortcut.
  public let key: Int?
  public let make: @MainActor (PageHost) -> AppPage
  /// The stack name.
  public var id: String { manifest.id }

  /// A view for a page; its contribution comes from the registry (see `BuiltInPages`).
  public init(id: String, title: String, description: String, make: @escaping @MainActor (PageHost) -> AppPage) {
    self.init(PageContribution(id: "page.\(id)", title: title, description: description, order: 0), make: make)
  }

  public init(_ page: PageContribution, make: @escaping @MainActor (PageHost) -> AppPage) {
    manifest = PluginManifest(
      id: page.id, name: "\(page.title) page", version: "1.0.0", description: page.description, provides: [.page])
    title = page.title
    key = page.key
    self.make = make
  }
}
