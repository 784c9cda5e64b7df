/// The page extension point, as the registry holds it: which pages of the desktop window a
/// plugin adds, where in the switcher, and on which key. The app maps each id to the view
/// that draws it (CohortUI's one built-ins file); a page no view draws is not shown.
public struct PageContribution: Sendable, Hashable {
  /// "page.judgements".
  public let id: String
  public let title: String
  public let description: String
  /// Switcher order: lower first.
  public let order: Int
  /// The digit of its Alt+digit shortcut, if it has one.
  public let key: Int?

  public init(id: String, title: String, description: String, order: Int, key: Int? = nil) {
    self.id = id
    self.title = title
    self.description = description
    self.order = order
    self.key = key
  }
}
