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
  /// The band of each code as the scheme spells it. `scheme.band(of:)` trims and compares
  /// case-insensitively, which cost more than the rest of a trust-wide count together.
  let bandOfCode: [String: CommonBand?]

  public init(records: [PupilRecord], scheme: CodeScheme) {
    self.records = records
    self.scheme = scheme
    // Asked of the scheme itself, so that the answer is the same as before by construction.
    self.bandOfCode = Dictionary(scheme.codes.map { ($0.id, scheme.band(of: $0.id)) }, uniquingKeysWith: { a, _ in a })
  }

  func band(of code: String) -> CommonBand? {
    if let known = bandOfCode[code] { return known }
    return scheme.band(of: code)
  }

  /// Prior attainment for a subject: the band of the first judgement of the year.
  func prior(_ subject: String, _ year: AcademicYear) -> (PupilRecord) -> CommonBand? {
    { r in r.code(subject, at: HalfTermRef(year, .autumn1)).flatMap { band(of: $0) } }
  }

  public func pupils(in scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [PupilRecord] {
    chosen(scope, group: group, subject: subject, year: year).map { records[$0] }
  }

  /// Indices of the records in the scope and group (records are large: counting walks
  /// indices rather than copying them).
  func chosen(_ scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [Int] {
    if case .trust = scope, group == .everyone { return Array(records.indices) }
    let prior = prior(subject, year)
    return records.indices.filter { scope.contains(records[$0]) && group.contains(records[$0], prior: prior) }
  }

  public func bands(_ scope: AnalysisScope, group: PupilGroup = .everyone, subject: String, at when: HalfTermRef)
    -> BandSummary
  {
    summarise(chosen(scope, group: group, subject: subject, year: when.year), subject: subject, at: when)
  }

  func summarise(_ pupils: [Int], subject: String, at when: HalfTermRef) -> BandSummary {
    // A scheme has a handful of codes: count each spelling in a short list, then look its
    // band up once (hashing every pupil's code three times was most of a trust-wide count).
    var seen: [(code: String, count: Int)] = []
    var empty = 0
    records.withUnsafeBufferPointer { records in
      for i in pupils {
        // The field, not `code(_:at:)`: a method call here copied the whole record.
        guard let code = records[i].codes[when]?[subject] else {
          empty += 1
          continue
        }
        if let k = seen.firstIndex(where: { $0.code == code }) { seen[k].count += 1 } else { seen.append((code, 1)) }
      }
    }
    var s = BandSummary()
    s.n = pupils.count
    s.empty = empty
    for (code, count) in seen {
      s.codes[code, default: 0] += count
      if let band = band(of: code) {
        s.assessed += count
        s.bands[band.rawValue, default: 0] += count
      } else {
        s.notAssessed += count
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
    let chosen = chosen(scope, group: group, subject: subject, year: when.year)
    return Dictionary(grouping: chosen, by: { key(records[$0]) })
      .map { ($0.key, summarise($0.value, subject: subject, at: when)) }
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
    for i in chosen(scope, group: group, subject: subject, year: to.year) {
      let a = records[i].code(subject, at: from).flatMap { band(of: $0) }?.rawValue ?? "none"
      let b = records[i].code(subject, at: to).flatMap { band(of: $0) }?.rawValue ?? "none"
      m.cells[a, default: [:]][b, default: []].append(records[i].pupil.id)
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
