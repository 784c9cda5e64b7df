/// DfE's statutory assessments as data (`resources/plugins/statutory/dfe.json`, a data plugin
/// that names its sources): which assessment a CTF result is, by stage, subject, method and
/// component (never by subject alone: DfE's MTC is `KS2 MAT TT MTC`, not the KS2 maths test),
/// what its result can be and what DfE's non-numeric codes mean.
public struct StatutoryTable: Codable, Hashable, Sendable {
  public var source: String
  public var assessments: [StatutoryAssessment]

  public init(source: String = "", assessments: [StatutoryAssessment] = []) {
    self.source = source
    self.assessments = assessments
  }

  /// The first assessment (in table order) whose patterns take the result; nil when none does.
  public func assessment(for r: StatutoryResult) -> StatutoryAssessment? {
    let key = StatutoryAssessment.Pattern.Key(r)
    return assessments.first { a in a.match.contains { $0.takes(key) } }
  }

  /// A trust's or user's table first (it may correct or add assessments), then this one.
  public func adding(_ other: StatutoryTable) -> StatutoryTable {
    let sources = [other.source, source].filter { !$0.isEmpty }
    return StatutoryTable(source: sources.joined(separator: "; "), assessments: other.assessments + assessments)
  }

  /// Problems that would make results misread: an assessment without patterns or a result
  /// rule, a score range upside down, one code twice.
  public func problems() -> [String] {
    var out: [String] = []
    for a in assessments {
      if a.match.isEmpty { out.append("\(a.id): no stage/subject/method to match") }
      if a.score == nil && (a.outcomes ?? []).isEmpty { out.append("\(a.id): neither a score nor outcomes") }
      if let s = a.score, s.min > s.max { out.append("\(a.id): score range \(s.min)-\(s.max) is upside down") }
      let all = (a.outcomes ?? []).map(\.code) + a.codes.map(\.code)
      if Set(all.map { $0.uppercased() }).count != all.count { out.append("\(a.id): a result code is listed twice") }
    }
    if Set(assessments.map(\.id)).count != assessments.count { out.append("two assessments share an id") }
    return out
  }
}

/// One statutory assessment: how a CTF identifies it, and what its results mean.
public struct StatutoryAssessment: Codable, Hashable, Sendable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case eyfs, phonics, mtc, ks1
    case ks2Test = "ks2-test"
    case ks2TA = "ks2-ta"
  }

  /// Stages, subjects and methods a result may have (any of each); `components` nil takes any
  /// component, "" stands for none given.
  public struct Pattern: Codable, Hashable, Sendable {
    public var stages: [String]
    public var subjects: [String]
    public var methods: [String]
    public var components: [String]?

    struct Key {
      let stage: String
      let subject: String
      let method: String
      let component: String
      init(_ r: StatutoryResult) {
        (stage, subject, method) = (r.stage.uppercased(), r.subject.uppercased(), r.method.uppercased())
        component = (r.component ?? "").trimmingWhitespace.uppercased()
      }
    }

    func takes(_ k: Key) -> Bool {
      stages.contains { $0.uppercased() == k.stage } && subjects.contains { $0.uppercased() == k.subject }
        && methods.contains { $0.uppercased() == k.method }
        && (components.map { $0.contains { $0.uppercased() == k.component } } ?? true)
    }
  }

  /// A numeric result: a scaled score (KS2: 80-120, 100 the expected standard, 110 the high
  /// score) or a mark (phonics: of 40, the threshold published each year).
  public struct Score: Codable, Hashable, Sendable {
    public var min: Int
    public var max: Int
    /// "scaled score" or "mark".
    public var kind: String
    public var expected: Int?
    public var high: Int?
    /// The phonics threshold by the year of the check, where DfE published one other than `expected`.
    public var thresholds: [String: Int]?
  }

  /// A result that is a code: an outcome (EXS, GDS, Wa) or one of DfE's other codes (A absent).
  public struct ResultCode: Codable, Hashable, Sendable {
    public var code: String
    public var meaning: String
    public var band: CommonBand?
  }

  public var id: String
  public var kind: Kind
  public var name: String
  /// The year group that sits it (phonics: Y1, with the re-check in `retakeYearGroup`).
  public var yearGroup: Int?
  public var retakeYearGroup: Int?
  public var match: [Pattern]
  public var score: Score?
  public var outcomes: [ResultCode]?
  /// DfE's codes for a pupil who has no score or outcome (absent, just arrived...).
  public var codes: [ResultCode]
  /// Where the coding comes from, when not the table's own source.
  public var source: String?
}
