import CohortCore
import CohortStore
import Foundation

/// The importer extension point: a file -> a preview of what will change and every row that
/// will not import and why -> applied all or nothing (`DataFolder.saveAll`).
public protocol Importer: Sendable {
  /// Unique among importers, e.g. "scores.csv".
  var id: String { get }
  /// The word people type after `cohort import`: "scores", "ctf".
  var kind: String { get }
  var title: String { get }
  /// What the window's import buttons offer it for, and the file endings it reads: the window
  /// picks the importer by these, never by its kind's name.
  var reads: ImportSubject { get }
  var fileEndings: [String] { get }
  /// The file says which school it is from (a CTF's header), so none need be chosen.
  var namesItsSchool: Bool { get }
  func preview(_ request: ImportRequest) throws -> ImportPreview
}

/// What a file brings in, as the window's buttons say it ("Import pupils", "Import scores").
public enum ImportSubject: String, Sendable {
  case pupils, scores, statutory, other
}

extension Importer {
  public var reads: ImportSubject { .other }
  public var fileEndings: [String] { [] }
  public var namesItsSchool: Bool { false }
}

extension PluginRegistry {
  /// The importer of that subject that reads a file of this name ("pupils" and "riverside.xml":
  /// the CTF importer), or an error saying which files it takes.
  public func importer(for subject: ImportSubject, file: String) throws -> Importer {
    let candidates = importers.filter { $0.reads == subject }
    let name = file.lowercased()
    if let i = candidates.first(where: { $0.fileEndings.contains { name.hasSuffix("." + $0) } }) { return i }
    let endings = Set(candidates.flatMap(\.fileEndings)).sorted().map { "." + $0 }
    guard !endings.isEmpty else { throw InputError("no plugin in use imports \(subject.rawValue)") }
    throw InputError(
      "\((file as NSString).lastPathComponent) is not a file Cohort reads \(subject.rawValue) from: "
        + "choose a \(endings.joined(separator: " or ")) file")
  }
}

/// Everything an importer may use.
public struct ImportRequest: Sendable {
  public let folder: DataFolder
  public let trust: Trust
  public let registry: PluginRegistry
  public let data: Data
  /// The file's name, for messages.
  public let fileName: String
  /// What the person chose: "test", "year", "term", "date", "school"...
  public let options: [String: String]
  /// Called now and then with (done, total) by importers of long files, for a progress line.
  public let progress: (@Sendable (Int, Int) -> Void)?

  public init(
    folder: DataFolder, trust: Trust, registry: PluginRegistry, data: Data, fileName: String, options: [String: String],
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) {
    self.folder = folder
    self.trust = trust
    self.registry = registry
    self.data = data
    self.fileName = fileName
    self.options = options
    self.progress = progress
  }

  public func option(_ name: String) throws -> String {
    guard let v = options[name], !v.isEmpty else { throw InputError("this import needs --\(name)") }
    return v
  }
}

/// What an import would do, before anything is written.
public struct ImportPreview: Sendable {
  public struct Rejected: Sendable, Hashable {
    public let line: Int
    public let reason: String
    public init(line: Int, reason: String) {
      self.line = line
      self.reason = reason
    }
  }

  /// One line per change, e.g. "line 4: Amira Khan: 98 -> 104".
  public var changes: [String] = []
  public var unchanged = 0
  public var rejected: [Rejected] = []
  /// Things worth knowing that are not errors (an encoding assumed, a column ignored).
  public var notes: [String] = []
  /// The documents to save (already holding the changes).
  public var documents: [ClassYear] = []
  /// Age-standardisation tables to add to the trust's plugin folder.
  public var tables: [ScoreTable] = []
  /// Whole documents (rosters, schools, statutory results) saved in the same all-or-nothing
  /// write as `documents`.
  public var others: [DocumentWrite] = []
  /// Choices the person may make and preview again with, e.g. marking leavers: the app shows
  /// each as a check box (the command line has a flag for each).
  public var offers: [Offer] = []

  public struct Offer: Sendable, Hashable {
    /// The option to set, and its value when chosen.
    public let option: String
    public let value: String
    public let label: String
    public init(option: String, value: String, label: String) {
      self.option = option
      self.value = value
      self.label = label
    }
  }

  public init() {}

  public var isEmpty: Bool { changes.isEmpty && tables.isEmpty && others.isEmpty }

  /// Writes the import: every class document together (all or nothing), then any tables as
  /// data plugins in the trust's `plugins/tables/`.
  public func apply(to folder: DataFolder) throws {
    try folder.saveAll(documents, with: others)
    for t in tables {
      // One file per test, level, term and edition: a level's table never replaces another's.
      let key = [t.level.map { "y\($0)" }, t.term?.rawValue, slug(t.edition)].compactMap { $0 }
      let file = ScoreTablePluginFile(
        format: 1,
        manifest: PluginManifest(
          id: "table.\(t.test).\(key.joined(separator: "."))", name: "\(t.name) age-standardisation table",
          version: t.edition,
          description: "Imported from the publisher's table.", provides: [.scoreTable]),
        scoreTable: t)
      try folder.write(
        file, at: "plugins/tables/\(([t.test] + key).joined(separator: "-")).json", event: "imported table \(t.name)")
    }
  }
}

/// A score table written as a data plugin.
struct ScoreTablePluginFile: VersionedDocument {
  var format: Int
  var manifest: PluginManifest
  var scoreTable: ScoreTable
}
