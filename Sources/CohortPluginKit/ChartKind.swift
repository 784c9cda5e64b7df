import CohortCharts
import CohortCore

/// The chart-kind extension point: a scope and the year's analysis -> a `ChartSpec`, drawn by
/// the one renderer to screen, PNG, SVG or PDF (`cohort chart KIND`).
public protocol ChartKind: Sendable {
  /// Typed after `cohort chart`: "bands", "gaps".
  var id: String { get }
  /// One line for `cohort chart --help`.
  var summary: String { get }
  /// Years before the one asked about whose codes the chart reads (over time: 1).
  var yearsBack: Int { get }
  func make(_ request: ChartRequest) throws -> ChartSpec
}

extension ChartKind {
  public var yearsBack: Int { 0 }
}

/// What a chart is drawn from.
public struct ChartRequest: Sendable {
  public let analysis: Analysis
  public let names: ScopeNames
  public let trust: Trust
  public let registry: PluginRegistry
  public let scope: AnalysisScope
  public let group: PupilGroup
  /// The subject asked for, or the trust's first.
  public let subject: Subject
  /// The half-term shown, and the one transitions start from.
  public let when: HalfTermRef
  public let from: HalfTermRef
  /// The test asked for, if any (score charts default to the subject's first).
  public let test: TestDefinition?

  public init(
    analysis: Analysis, names: ScopeNames, trust: Trust, registry: PluginRegistry, scope: AnalysisScope,
    group: PupilGroup, subject: Subject, when: HalfTermRef, from: HalfTermRef, test: TestDefinition?
  ) {
    self.analysis = analysis
    self.names = names
    self.trust = trust
    self.registry = registry
    self.scope = scope
    self.group = group
    self.subject = subject
    self.when = when
    self.from = from
    self.test = test
  }

  /// The scope's name for titles ("Oakfield Primary", "Year 3 at Oakfield").
  public var scopeName: String { names.name(of: scope) }

  /// The test asked for, or the subject's first of the trust's tests.
  public func chosenTest() throws -> TestDefinition {
    if let test { return test }
    if let t = registry.tests(for: trust).first(where: { $0.subject == subject.id }) { return t }
    throw InputError("no test for \(subject.name): give --test")
  }
}

extension PluginRegistry {
  public func chartKind(_ id: String) throws -> ChartKind {
    if let k = chartKinds.first(where: { $0.id == id.lowercased() }) { return k }
    throw InputError("unknown chart '\(id)': available are \(chartKinds.map(\.id).joined(separator: ", "))")
  }
}
