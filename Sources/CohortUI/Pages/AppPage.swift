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
  var isShown: Bool { gtk_widget_get_mapped(widget) != 0 }
}

/// The app's page extension point: a page plugin's manifest, title, and constructor.
public struct PageKind: Sendable {
  public let manifest: PluginManifest
  public let title: String
  public let make: @MainActor (PageHost) -> AppPage
  /// The stack name.
  public var id: String { manifest.id }

  public init(id: String, title: String, description: String, make: @escaping @MainActor (PageHost) -> AppPage) {
    manifest = PluginManifest(
      id: "page.\(id)", name: "\(title) page", version: "1.0.0", description: description, provides: [.page])
    self.title = title
    self.make = make
  }
}
