/// On disk a class-year stores, per subject and half-term, three arrays aligned with
/// `pupils`: `codes` (null = empty), `by` (index into `authors`, -1 = never set) and `at`
/// (milliseconds, 0 = never set). A null code with a time is a cleared cell.
extension ClassYear: Codable {
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

  enum CodingKeys: String, CodingKey {
    case format, school
    case classID = "class"
    case year, pupils, authors, judgements
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    school = try c.decode(String.self, forKey: .school)
    classID = try c.decode(String.self, forKey: .classID)
    year = try c.decode(AcademicYear.self, forKey: .year)
    pupils = try c.decodeIfPresent([String].self, forKey: .pupils) ?? []
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
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(school, forKey: .school)
    try c.encode(classID, forKey: .classID)
    try c.encode(year, forKey: .year)
    try c.encode(pupils, forKey: .pupils)
    let authors = Array(Set(cells.values.map(\.author))).sorted()
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
  }
}
