import CohortCore
import CohortStore
import Foundation

/// The exporter extension point: data -> a file. `cohort export FORMAT --what WHAT` and the
/// app's export menu find exporters by format and subject, never by name.
public protocol Exporter: Sendable {
  /// Unique among exporters, e.g. "csv.judgements".
  var id: String { get }
  /// The format word people type: "csv", "xlsx".
  var format: String { get }
  /// What is exported: "judgements", "pupils".
  var what: String { get }
  var title: String { get }
  func export(_ request: ExportRequest) throws -> Data
}

/// An exporter whose file leaves the trust (a CTF for another school): before it writes, it
/// says what the file will hold, in lines for a person.
public protocol PreviewingExporter: Exporter {
  func preview(_ request: ExportRequest) throws -> [String]
}

/// Everything an exporter may read.
public struct ExportRequest: Sendable {
  public let folder: DataFolder
  public let scheme: CodeScheme
  /// The academic year asked for, if any.
  public let year: AcademicYear?
  /// The standardised tests the registry knows.
  public let tests: [TestDefinition]
  /// What the person chose beyond the year, e.g. "school" for a CTF.
  public let options: [String: String]
  /// DfE's statutory assessments (the registry's), to read statutory results.
  public let statutory: StatutoryTable
  /// When the export is made (a CTF's date and version).
  public let now: Date

  public init(
    folder: DataFolder, scheme: CodeScheme, year: AcademicYear?, tests: [TestDefinition] = [],
    options: [String: String] = [:], statutory: StatutoryTable = StatutoryTable(), now: Date = Date()
  ) {
    self.statutory = statutory
    self.now = now
    self.folder = folder
    self.scheme = scheme
    self.year = year
    self.tests = tests
    self.options = options
  }
}
