/// Counts behind every chart and table: pure, over `PupilRecord`s, always with n.
public struct BandSummary: Sendable, Codable, Equatable {
  /// Pupils in the scope and group.
  public var n = 0
  /// Pupils with a code that has a band (the denominator of every percentage).
  public var assessed = 0
  public var codes: [String: Int] = [:]
  public var bands: [String: Int] = [:]
  /// "Not assessed" codes, and cells not yet entered.
  public var notAssessed = 0
  public var empty = 0

  public func percent(_ band: CommonBand) -> Double {
    assessed == 0 ? 0 : 100 * Double(bands[band.rawValue, default: 0]) / Double(assessed)
  }
  /// Percentage at or above the expected band.
  public var atOrAbove: Double { percent(.at) + percent(.above) }
}

public struct Gap: Sendable, Codable, Equatable {
  public var group: String
  public var groupSummary: BandSummary
  public var rest: String
  public var restSummary: BandSummary
  /// Percentage points at or above: group minus rest (negative: the group is behind).
  public var points: Double { groupSummary.atOrAbove - restSummary.atOrAbove }
}

public struct ScoreSummary: Sendable, Codable, Equatable {
  public var n = 0
  public var mean: Double?
  public var median: Double?
  /// Pupils per band label of the test, low to high.
  public var bands: [String: Int] = [:]
}

/// Pupils moving between bands from one half-term to another; "none" for no banded code.
public struct TransitionMatrix: Sendable, Codable, Equatable {
  public static let rows = ["none"] + CommonBand.allCases.map(\.rawValue)
  public var from: String
  public var to: String
  /// cells[from band][to band] = pupil ids.
  public var cells: [String: [String: [String]]] = [:]

  public func count(_ from: String, _ to: String) -> Int { cells[from]?[to]?.count ?? 0 }
  public var total: Int { cells.values.flatMap(\.values).map(\.count).reduce(0, +) }
}

public struct Analysis: Sendable {
  public let records: [PupilRecord]
  public let scheme: CodeScheme

  public init(records: [PupilRecord], scheme: CodeScheme) {
    self.records = records
    self.scheme = scheme
  }

  /// Prior attainment for a subject: the band of the first judgement of the year.
  func prior(_ subject: String, _ year: AcademicYear) -> (PupilRecord) -> CommonBand? {
    { r in r.code(subject, at: HalfTermRef(year, .autumn1)).flatMap { scheme.band(of: $0) } }
  }

  public func pupils(in scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [PupilRecord] {
    let prior = prior(subject, year)
    return records.filter { scope.contains($0) && group.contains($0, prior: prior) }
  }

  public func bands(_ scope: AnalysisScope, group: PupilGroup = .everyone, subject: String, at when: HalfTermRef)
    -> BandSummary
  {
    summarise(pupils(in: scope, group: group, subject: subject, year: when.year), subject: subject, at: when)
  }

  func summarise(_ pupils: [PupilRecord], subject: String, at when: HalfTermRef) -> BandSummary {
    var s = BandSummary()
    for r in pupils {
      s.n += 1
      guard let code = r.code(subject, at: when) else {
        s.empty += 1
        continue
      }
      s.codes[code, default: 0] += 1
      if let band = scheme.band(of: code) {
        s.assessed += 1
        s.bands[band.rawValue, default: 0] += 1
      } else {
        s.notAssessed += 1
      }
    }
    return s
  }

  /// The group against the rest of the scope, both with their n.
  public func gap(_ scope: AnalysisScope, group: PupilGroup, subject: String, at when: HalfTermRef) -> Gap? {
    guard let rest = group.rest else { return nil }
    return Gap(
      group: group.description, groupSummary: bands(scope, group: group, subject: subject, at: when),
      rest: rest.description, restSummary: bands(scope, group: rest, subject: subject, at: when))
  }

  /// Band summaries for each school, class or year group under a scope: the drill-down.
  public func breakdown(
    _ scope: AnalysisScope, by key: (PupilRecord) -> String, group: PupilGroup = .everyone, subject: String,
    at when: HalfTermRef
  )
    -> [(String, BandSummary)]
  {
    let chosen = pupils(in: scope, group: group, subject: subject, year: when.year)
    return Dictionary(grouping: chosen, by: key).map { ($0.key, summarise($0.value, subject: subject, at: when)) }
      .sorted { $0.0 < $1.0 }
  }

  public func scores(_ scope: AnalysisScope, group: PupilGroup = .everyone, test: TestDefinition, at when: TermRef)
    -> ScoreSummary
  {
    let values = pupils(in: scope, group: group, subject: test.subject, year: when.year).compactMap {
      $0.scores[test.id]?[when]
    }
    .sorted()
    var s = ScoreSummary(n: values.count)
    guard !values.isEmpty else { return s }
    s.mean = Double(values.reduce(0, +)) / Double(values.count)
    let mid = values.count / 2
    s.median = values.count % 2 == 1 ? Double(values[mid]) : Double(values[mid - 1] + values[mid]) / 2
    for v in values { s.bands[test.band(of: v)?.label ?? "out of range", default: 0] += 1 }
    return s
  }

  public func transitions(
    _ scope: AnalysisScope, group: PupilGroup = .everyone, subject: String, from: HalfTermRef, to: HalfTermRef
  )
    -> TransitionMatrix
  {
    var m = TransitionMatrix(from: from.description, to: to.description)
    for r in pupils(in: scope, group: group, subject: subject, year: to.year) {
      let a = r.code(subject, at: from).flatMap { scheme.band(of: $0) }?.rawValue ?? "none"
      let b = r.code(subject, at: to).flatMap { scheme.band(of: $0) }?.rawValue ?? "none"
      m.cells[a, default: [:]][b, default: []].append(r.pupil.id)
    }
    return m
  }

  /// Band summaries half-term by half-term: progress over time for a scope.
  public func progress(
    _ scope: AnalysisScope, group: PupilGroup = .everyone, subject: String, over times: [HalfTermRef]
  )
    -> [(HalfTermRef, BandSummary)]
  {
    times.map { ($0, bands(scope, group: group, subject: subject, at: $0)) }
  }
}
