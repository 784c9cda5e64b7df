import CohortCore
import CohortStore

/// The action extension point: an item of the window's main menu, or a button in its header
/// bar, that works on the open data folder and says in one line what it did.
public protocol MenuAction: Sendable {
  /// "action.check-folder".
  var id: String { get }
  /// The menu item's words: "Check the data folder".
  var title: String { get }
  var place: MenuPlace { get }
  func run(_ request: ActionRequest) throws -> String
}

public enum MenuPlace: String, Sendable, CaseIterable {
  case mainMenu = "main-menu"
  case header
}

/// What an action works on: the folder, and where the window is.
public struct ActionRequest: Sendable {
  public let folder: DataFolder
  public let trust: Trust
  public let registry: PluginRegistry
  public let scope: AnalysisScope
  public let when: HalfTermRef

  public init(folder: DataFolder, trust: Trust, registry: PluginRegistry, scope: AnalysisScope, when: HalfTermRef) {
    self.folder = folder
    self.trust = trust
    self.registry = registry
    self.scope = scope
    self.when = when
  }
}

extension PluginRegistry {
  /// The actions for one place (the main menu, the header bar), in the order registered.
  public func actions(in place: MenuPlace) -> [MenuAction] { actions.filter { $0.place == place } }
}
