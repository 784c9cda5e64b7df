import CohortCharts
import CohortCore
import CohortStore
import Foundation

/// The report extension point: a scope and a half-term -> a report document of sections
/// (headings, text, tables, charts), which one renderer draws on screen, to PDF and to print.
public protocol Report: Sendable {
  /// Typed after `cohort report`: "class-pack", "school-summary", "trust-overview".
  var id: String { get }
  var title: String { get }
  /// Which scopes it accepts: "class", "school", "trust".
  var scopeKinds: [String] { get }
  func make(_ request: ReportRequest) throws -> ReportDocument
}

extension PluginRegistry {
  /// The report that answers a subject access request (scope `pupils:ID`, one pupil): the
  /// pupil page and `cohort pupil export` ask for it by this id.
  public static let pupilDataReport = "pupil-data"
}

public struct ReportRequest: Sendable {
  public let folder: DataFolder
  public let trust: Trust
  public let registry: PluginRegistry
  public let scheme: CodeScheme
  public let scope: AnalysisScope
  public let when: HalfTermRef
  /// Told of each part done; throws `CancellationError` once cancelled.
  public let progress: WorkProgress

  public init(
    folder: DataFolder, trust: Trust, registry: PluginRegistry, scheme: CodeScheme, scope: AnalysisScope,
    when: HalfTermRef, progress: WorkProgress = WorkProgress()
  ) {
    self.folder = folder
    self.trust = trust
    self.registry = registry
    self.scheme = scheme
    self.scope = scope
    self.when = when
    self.progress = progress
  }
}

/// Progress of long work on another thread, shared with whoever shows it; cancelling makes the
/// next `step` throw, so the work stops at its next checkpoint.
/// `@unchecked Sendable`: `lock` guards `done`, `total` and `cancelled`.
public final class WorkProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private var total = 1
  private var cancelled = false
  private let onChange: @Sendable (Int, Int) -> Void

  public init(onChange: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) { self.onChange = onChange }

  public func cancel() { lock.withLock { cancelled = true } }
  public var isCancelled: Bool { lock.withLock { cancelled } }
  public var fraction: Double { lock.withLock { Double(done) / Double(max(1, total)) } }

  public func start(total n: Int) throws {
    lock.withLock {
      done = 0
      total = max(1, n)
    }
    try step(0)
  }

  /// Adds `n` parts done.
  public func step(_ n: Int = 1) throws {
    let (d, t, stop) = lock.withLock {
      done += n
      return (done, total, cancelled)
    }
    if stop { throw CancellationError() }
    onChange(d, t)
  }
}
