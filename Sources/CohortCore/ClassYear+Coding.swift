/// On disk a class-year stores, per subject and half-term, three arrays aligned with
/// `pupils`: `codes` (null = empty), `by` (index into `authors`, -1 = never set) and `at`
/// (milliseconds, 0 = never set). A null code with a time is a cleared cell. Scores are laid
/// out the same way per test and term: `raw`, `standardised`, `date`, `age` (months), `by`, `at`.
extension ClassYear: VersionedDocument {
  struct Column: Codable {
    var codes: [String?]
    var by: [Int]
    var at: [Int64]

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      // Explicit nulls keep the arrays aligned with the pupil list.
      var codesC = c.nestedUnkeyedContainer(forKey: .codes)
      for code in codes {
        if let code { try codesC.encode(code) } else { try codesC.encodeNil() }
      }
      try c.encode(by, forKey: .by)
      try c.encode(at, forKey: .at)
    }
  }

  struct ScoreColumn: Codable {
    var raw: [Int?]
    var standardised: [Int?]
    var date: [SchoolDate?]
    var age: [Int?]
    var by: [Int]
    var at: [Int64]

    init(count n: Int) {
      raw = Array(repeating: nil, count: n)
      standardised = Array(repeating: nil, count: n)
      date = Array(repeating: nil, count: n)
      age = Array(repeating: nil, count: n)
      by = Array(repeating: -1, count: n)
      at = Array(repeating: 0, count: n)
    }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeAligned(raw, forKey: .raw)
      try c.encodeAligned(standardised, forKey: .standardised)
      try c.encodeAligned(date, forKey: .date)
      try c.encodeAligned(age, forKey: .age)
      try c.encode(by, forKey: .by)
      try c.encode(at, forKey: .at)
    }
  }

  enum CodingKeys: String, CodingKey {
    case format, school
    case classID = "class"
    case year, pupils, authors, judgements, scores, meetings, departed, joined, erased
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    school = try c.decode(String.self, forKey: .school)
    classID = try c.decode(String.self, forKey: .classID)
    year = try c.decode(AcademicYear.self, forKey: .year)
    pupils = try c.decodeIfPresent([String].self, forKey: .pupils) ?? []
    departed = try c.decodeIfPresent([String: Int64].self, forKey: .departed) ?? [:]
    joined = try c.decodeIfPresent([String: Int64].self, forKey: .joined) ?? [:]
    erased = try c.decodeIfPresent([String: Int64].self, forKey: .erased) ?? [:]
    let authors = try c.decodeIfPresent([Author].self, forKey: .authors) ?? []
    let columns = try c.decodeIfPresent([String: [String: Column]].self, forKey: .judgements) ?? [:]
    cells = [:]
    for (subject, halves) in columns {
      for (halfName, column) in halves {
        guard let half = HalfTerm(rawValue: halfName) else {
          throw DecodingError.dataCorruptedError(
            forKey: .judgements, in: c, debugDescription: "unknown half-term '\(halfName)' under \(subject)")
        }
        guard column.codes.count == pupils.count, column.by.count == pupils.count, column.at.count == pupils.count
        else {
          throw DecodingError.dataCorruptedError(
            forKey: .judgements, in: c,
            debugDescription:
              "\(subject) \(halfName): codes, by and at must each have one entry per pupil (\(pupils.count))")
        }
        for i in pupils.indices where column.at[i] != 0 || column.codes[i] != nil {
          let a = column.by[i]
          guard authors.indices.contains(a) else {
            throw DecodingError.dataCorruptedError(
              forKey: .judgements, in: c,
              debugDescription: "\(subject) \(halfName) pupil \(pupils[i]): author index \(a) is not in authors")
          }
          cells[Key(subject: subject, halfTerm: half, pupil: pupils[i])] = Cell(
            code: column.codes[i], author: authors[a], at: column.at[i])
        }
      }
    }
    scores = try Self.decodeScores(c, pupils: pupils, authors: authors)
    do {
      meetings = try Meeting.decodeAll(
        c.decodeIfPresent([String: StoredMeeting].self, forKey: .meetings) ?? [:], authors: authors)
    } catch let e as InputError {
      throw DecodingError.dataCorruptedError(forKey: .meetings, in: c, debugDescription: e.message)
    }
  }

  static func decodeScores(
    _ c: KeyedDecodingContainer<CodingKeys>, pupils: [String], authors: [Author]
  ) throws -> [ScoreKey: ScoreCell] {
    let tests = try c.decodeIfPresent([String: [String: ScoreColumn]].self, forKey: .scores) ?? [:]
    var out: [ScoreKey: ScoreCell] = [:]
    for (test, terms) in tests {
      for (termName, col) in terms {
        guard let term = Term(rawValue: termName) else {
          throw DecodingError.dataCorruptedError(
            forKey: .scores, in: c, debugDescription: "unknown term '\(termName)' under \(test)")
        }
        let n = pupils.count
        guard
          [col.raw.count, col.standardised.count, col.date.count, col.age.count, col.by.count, col.at.count].allSatisfy(
            { $0 == n })
        else {
          throw DecodingError.dataCorruptedError(
            forKey: .scores, in: c,
            debugDescription: "\(test) \(termName): every array needs one entry per pupil (\(n))")
        }
        for i in 0..<n where col.at[i] != 0 {
          guard authors.indices.contains(col.by[i]) else {
            throw DecodingError.dataCorruptedError(
              forKey: .scores, in: c,
              debugDescription: "\(test) \(termName) pupil \(pupils[i]): author index \(col.by[i]) is not in authors")
          }
          out[ScoreKey(test: test, term: term, pupil: pupils[i])] = ScoreCell(
            raw: col.raw[i], standardised: col.standardised[i], date: col.date[i], ageMonths: col.age[i],
            author: authors[col.by[i]], at: col.at[i])
        }
      }
    }
    return out
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(school, forKey: .school)
    try c.encode(classID, forKey: .classID)
    try c.encode(year, forKey: .year)
    try c.encode(pupils, forKey: .pupils)
    if !departed.isEmpty { try c.encode(departed, forKey: .departed) }
    if !joined.isEmpty { try c.encode(joined, forKey: .joined) }
    if !erased.isEmpty { try c.encode(erased, forKey: .erased) }
    let authors = Array(
      Set(cells.values.map(\.author)).union(scores.values.map(\.author)).union(meetings.values.flatMap(\.authors))
    )
    .sorted()
    let authorIndex = Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1, $0) })
    let position = Dictionary(pupils.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var columns: [String: [String: Column]] = [:]
    let empty = Column(
      codes: Array(repeating: nil, count: pupils.count), by: Array(repeating: -1, count: pupils.count),
      at: Array(repeating: 0, count: pupils.count))
    for (key, cell) in cells {
      guard let i = position[key.pupil] else { continue }
      var column = columns[key.subject, default: [:]][key.halfTerm.rawValue] ?? empty
      column.codes[i] = cell.code
      column.by[i] = authorIndex[cell.author]!
      column.at[i] = cell.at
      columns[key.subject, default: [:]][key.halfTerm.rawValue] = column
    }
    try c.encode(authors, forKey: .authors)
    try c.encode(columns, forKey: .judgements)
    if !meetings.isEmpty {
      try c.encode(
        Dictionary(uniqueKeysWithValues: meetings.map { ($0.key.rawValue, $0.value.stored(authorIndex)) }),
        forKey: .meetings)
    }
    guard !scores.isEmpty else { return }
    var tests: [String: [String: ScoreColumn]] = [:]
    for (key, cell) in scores {
      guard let i = position[key.pupil] else { continue }
      var col = tests[key.test, default: [:]][key.term.rawValue] ?? ScoreColumn(count: pupils.count)
      col.raw[i] = cell.raw
      col.standardised[i] = cell.standardised
      col.date[i] = cell.date
      col.age[i] = cell.ageMonths
      col.by[i] = authorIndex[cell.author]!
      col.at[i] = cell.at
      tests[key.test, default: [:]][key.term.rawValue] = col
    }
    try c.encode(tests, forKey: .scores)
  }
}

extension KeyedEncodingContainer {
  /// Arrays with explicit nulls, so they stay aligned with the pupil list.
  mutating func encodeAligned<T: Encodable>(_ values: [T?], forKey key: Key) throws {
    var list = nestedUnkeyedContainer(forKey: key)
    for v in values {
      if let v { try list.encode(v) } else { try list.encodeNil() }
    }
  }
}
