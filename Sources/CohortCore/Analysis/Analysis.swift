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
  /// Shared by copies: keep one `Analysis` per load of records and every view after the
  /// first counts from columns already built.
  let columns = RecordColumns()

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

  public func pupils(in scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [PupilRecord] {
    indices(in: scope, group: group, subject: subject, year: year).map { records[$0] }
  }

  /// Positions in `records` of the pupils in the scope and group (records are large:
  /// counting walks positions rather than copying them). Prior attainment, for the prior
  /// groups, is the band of the subject's first judgement of the year.
  public func indices(in scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [Int] {
    columns.chosen(chosenKey(scope, group, subject, year, current: false)) {
      findIndices(in: scope, group: group, subject: subject, year: year)
    }
  }

  /// The same, without pupils who have left their class (a leaver is neither chased nor flagged).
  public func current(in scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [Int] {
    columns.chosen(chosenKey(scope, group, subject, year, current: true)) {
      indices(in: scope, group: group, subject: subject, year: year).filter { records[$0].pupil.leftOn == nil }
    }
  }

  /// Anything worked out once per load of records, under a key of the caller's own type.
  public func memo<K: Hashable & Sendable, V: Sendable>(_ key: K, _ compute: () -> V) -> V {
    columns.memo(key, compute)
  }

  private func chosenKey(
    _ scope: AnalysisScope, _ group: PupilGroup, _ subject: String, _ year: AcademicYear, current: Bool
  )
    -> RecordColumns.ChosenKey
  {
    let prior = group.needsPrior
    return .init(scope: scope, group: group, subject: prior ? subject : "", year: prior ? year : nil, current: current)
  }

  private func findIndices(in scope: AnalysisScope, group: PupilGroup, subject: String, year: AcademicYear) -> [Int] {
    let inScope = scopeTest(scope)
    if group == .everyone { return records.indices.filter(inScope) }
    let traits = columns.traits(records)
    let (with, without) = (group.withBits, group.withoutBits)
    var priorBits: [UInt32] = []
    if group.needsPrior {
      let first = columns.codes(records, subject: subject, at: HalfTermRef(year, .autumn1))
      let bitOfName = first.names.map { name in
        PupilGroup.Trait.allCases.first { $0.priorBand != nil && $0.priorBand == band(of: name) }?.bit ?? 0
      }
      priorBits = first.ordinals.map { bitOfName[Int($0)] }
    }
    return records.indices.filter { i in
      let bits = traits[i] | (priorBits.isEmpty ? 0 : priorBits[i])
      return bits & with == with && bits & without == 0 && inScope(i)
    }
  }

  /// Whether the record at a position is in the scope, from the key columns.
  func scopeTest(_ scope: AnalysisScope) -> (Int) -> Bool {
    func matching(_ key: RecordKey, _ value: String) -> (Int) -> Bool {
      let column = columns.key(records, key)
      guard let o = column.names.firstIndex(of: value).map(UInt32.init) else { return { _ in false } }
      return { column.ordinals[$0] == o }
    }
    switch scope {
    case .trust: return { _ in true }
    case .school(let s): return matching(.school, s)
    case .yearGroup(let s, let g):
      let inYear = matching(.yearGroup, String(g.number))
      guard let s else { return inYear }
      let inSchool = matching(.school, s)
      return { inYear($0) && inSchool($0) }
    case .schoolClass(let c): return matching(.schoolClass, c)
    case .pupils(let ids):
      let wanted = Set(ids)
      return { wanted.contains(records[$0].pupil.id) }
    }
  }

  public func bands(_ scope: AnalysisScope, group: PupilGroup = .everyone, subject: String, at when: HalfTermRef)
    -> BandSummary
  {
    summarise(indices(in: scope, group: group, subject: subject, year: when.year), subject: subject, at: when)
  }

  func summarise(_ pupils: [Int], subject: String, at when: HalfTermRef) -> BandSummary {
    let column = columns.codes(records, subject: subject, at: when)
    var counts = [Int](repeating: 0, count: column.names.count)
    column.ordinals.withUnsafeBufferPointer { codes in
      for i in pupils { counts[Int(codes[i])] += 1 }
    }
    return summary(counts[...], names: column.names)
  }

  /// A band summary from counts per code ordinal (0: no code).
  func summary(_ counts: ArraySlice<Int>, names: [String]) -> BandSummary {
    var s = BandSummary()
    for (k, count) in zip(names.indices, counts) where count > 0 {
      s.n += count
      guard k > 0 else {
        s.empty = count
        continue
      }
      s.codes[names[k], default: 0] += count
      if let band = band(of: names[k]) {
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

  /// Band summaries for each school, class or year group under a scope: the drill-down,
  /// sorted by the key's value.
  public func breakdown(
    _ scope: AnalysisScope, by key: RecordKey, group: PupilGroup = .everyone, subject: String, at when: HalfTermRef
  )
    -> [(String, BandSummary)]
  {
    let chosen = indices(in: scope, group: group, subject: subject, year: when.year)
    let keys = columns.key(records, key)
    let codes = columns.codes(records, subject: subject, at: when)
    let width = codes.names.count
    // One pass: counts[key * width + code].
    var counts = [Int](repeating: 0, count: keys.names.count * width)
    keys.ordinals.withUnsafeBufferPointer { k in
      codes.ordinals.withUnsafeBufferPointer { c in
        for i in chosen { counts[Int(k[i]) * width + Int(c[i])] += 1 }
      }
    }
    return keys.names.indices.compactMap { k -> (String, BandSummary)? in
      let row = counts[(k * width)..<((k + 1) * width)]
      return row.contains { $0 > 0 } ? (keys.names[k], summary(row, names: codes.names)) : nil
    }
    .sorted { $0.0 < $1.0 }
  }

  /// The values of a key among some records (the schools of a scope), in the order first met.
  public func distinct(_ key: RecordKey, in indices: [Int]) -> [String] {
    let column = columns.key(records, key)
    var seen = [Bool](repeating: false, count: column.names.count)
    var out: [String] = []
    for i in indices where !seen[Int(column.ordinals[i])] {
      seen[Int(column.ordinals[i])] = true
      out.append(column.names[Int(column.ordinals[i])])
    }
    return out
  }

  public func scores(_ scope: AnalysisScope, group: PupilGroup = .everyone, test: TestDefinition, at when: TermRef)
    -> ScoreSummary
  {
    let values = indices(in: scope, group: group, subject: test.subject, year: when.year).compactMap {
      records[$0].scores[test.id, at: when]
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
    // A matrix is usually of one year group: looked up for its pupils only, no columns built.
    records.withUnsafeBufferPointer { r in
      for i in indices(in: scope, group: group, subject: subject, year: to.year) {
        let a = r[i].codes[subject, at: from].flatMap { band(of: $0) }?.rawValue ?? "none"
        let b = r[i].codes[subject, at: to].flatMap { band(of: $0) }?.rawValue ?? "none"
        m.cells[a, default: [:]][b, default: []].append(r[i].pupil.id)
      }
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
