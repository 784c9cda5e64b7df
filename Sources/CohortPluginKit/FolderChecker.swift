import CohortStore

/// The folder-check extension point: reads a data folder and says what is wrong, in words that
/// name the file, the pupil and the field. A checker never changes anything.
public protocol FolderChecker: Sendable {
  var id: String { get }
  func check(_ folder: DataFolder, registry: PluginRegistry) -> FolderCheckReport
}

/// What the checkers found, and how much they read.
public struct FolderCheckReport: Sendable {
  public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }
    public let severity: Severity
    public let path: String
    public let message: String
    public var description: String { "\(severity): \(path): \(message)" }
    public init(severity: Severity, path: String, message: String) {
      self.severity = severity
      self.path = path
      self.message = message
    }
  }

  public var findings: [Finding] = []
  public var documents = 0
  public var pupils = 0
  public var judgements = 0
  public var scores = 0
  public var errors: [Finding] { findings.filter { $0.severity == .error } }
  public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
  public var notes: [Finding] { findings.filter { $0.severity == .note } }
  public var ok: Bool { errors.isEmpty }

  public init() {}

  /// Another checker's findings and counts added to these.
  public func adding(_ other: FolderCheckReport) -> FolderCheckReport {
    var sum = self
    sum.findings += other.findings
    sum.documents += other.documents
    sum.pupils += other.pupils
    sum.judgements += other.judgements
    sum.scores += other.scores
    return sum
  }
}

extension PluginRegistry {
  /// Every active checker's report on `folder`, in the registry's order.
  public func checkFolder(_ folder: DataFolder) -> FolderCheckReport {
    folderCheckers.reduce(FolderCheckReport()) { $0.adding($1.check(folder, registry: self)) }
  }
}
