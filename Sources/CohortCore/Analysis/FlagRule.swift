/// A reason to look at a pupil, in words.
public struct PupilFlag: Sendable, Codable, Hashable {
  public let rule: String
  public let subject: String?
  public let reason: String
  public init(rule: String, subject: String?, reason: String) {
    self.rule = rule
    self.subject = subject
    self.reason = reason
  }
}

/// What a rule may look at besides the pupil.
public struct FlagContext: Sendable {
  public let scheme: CodeScheme
  public let subjects: [Subject]
  public let tests: [TestDefinition]
  /// The half-term being looked at.
  public let at: HalfTermRef
  /// Common-band steps apart for a judgement and a score to disagree.
  public let steps: Int
  /// Thresholds from data plugins, by rule id and name.
  public let settings: [String: [String: Double]]

  public init(
    scheme: CodeScheme, subjects: [Subject], tests: [TestDefinition], at: HalfTermRef, steps: Int,
    settings: [String: [String: Double]] = [:]
  ) {
    self.scheme = scheme
    self.subjects = subjects
    self.tests = tests
    self.at = at
    self.steps = steps
    self.settings = settings
  }

  public func setting(_ rule: String, _ name: String) -> Double? { settings[rule]?[name] }
}

/// The flag-rule extension point: pupil + data -> flags with reasons. Each rule has its own
/// id, so a trust can switch rules off one by one (trust.json `disabledPlugins`).
public protocol FlagRule: Sendable {
  /// e.g. "flag.falling-behind".
  var id: String { get }
  var title: String { get }
  func flags(for pupil: PupilRecord, in context: FlagContext) -> [PupilFlag]
}

/// What flagging a trust's pupils needs from its plugins: its tests, the active rules in
/// their order of concern, and the rules' thresholds.
public struct Flagging: Sendable {
  public let tests: [TestDefinition]
  public let rules: [FlagRule]
  public let settings: [String: [String: Double]]

  public init(tests: [TestDefinition], rules: [FlagRule], settings: [String: [String: Double]]) {
    self.tests = tests
    self.rules = rules
    self.settings = settings
  }
}
