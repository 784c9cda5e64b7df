import CohortCore

/// A single-pass byte reader for class-year documents, for trust-wide reads: it goes straight
/// from bytes to `ClassYearColumns` (JSONDecoder via Codable runs at ~50-65 MB/s per core;
/// this is an order of magnitude faster). It accepts only what the strict path would accept
/// with the same meaning, and gives up (nil) on anything else: duplicate keys, escapes in
/// keys, numbers that are not plain integers, misaligned arrays, a newer format. The caller
/// then reads the document through the strict path, which either decodes it or says what is
/// wrong, so nothing is ever silently lost. Keys it does not know are checked by the strict
/// validator's grammar and skipped; `meetings` is kept as bytes for `cohort check`.
enum ClassYearScanner {
  /// Which cells to read. Those not read are stepped over by their brackets, neither built nor
  /// checked: `.none` for a class's pupils and meetings (the trust's open actions), where
  /// reading every cell was most of the time; `.judgements(of:)` for one half-term's codes
  /// (last summer's, shown faded when a class opens in the autumn).
  enum Cells: Equatable {
    case all, none
    case judgements(of: HalfTerm)
  }

  /// `meetings`: keep the meetings' bytes for the caller to decode (`cohort check`, the open
  /// actions). They are stepped over by their brackets either way, not validated here: a
  /// class whose meetings are wrong still shows its codes, and opening it or `cohort check`
  /// says what is wrong (validating them was a tenth of every trust-wide read).
  static func read(_ bytes: [UInt8], cells: Cells = .all, meetings: Bool = true) -> ClassYearColumns? {
    bytes.withUnsafeBufferPointer { buffer in
      var s = ByteScanner(b: buffer)
      guard let doc = try? s.classYear(cells: cells, meetings: meetings), doc.format <= DocumentFormat.current,
        doc.problem() == nil
      else {
        return nil
      }
      return doc
    }
  }
}

extension ByteScanner {
  static let documentFields = Fields([
    "authors", "class", "departed", "erased", "format", "joined", "judgements", "meetings", "pupils", "school",
    "scores", "year",
  ])
  static let authorFields = Fields(["by", "device"])
  /// The keys of a judgement column and of a score column, named and ordered as on disk.
  enum ColumnKey: Int, CaseIterable { case at, by, codes }
  enum ScoreKey: Int, CaseIterable { case age, at, by, date, raw, standardised }
  static let columnFields = Fields(ColumnKey.allCases.map { "\($0)" })
  static let scoreFields = Fields(ScoreKey.allCases.map { "\($0)" })

  mutating func classYear(cells: ClassYearScanner.Cells = .all, meetings keep: Bool = true) throws
    -> ClassYearColumns
  {
    var format: Int?
    var school: String?
    var classID: String?
    var year: AcademicYear?
    var pupils: [String] = []
    var authors: [Author] = []
    var judgements: [ClassYearColumns.Judgements] = []
    var scores: [ClassYearColumns.Scores] = []
    var meetings: [UInt8]?
    var moved: (departed: [String: Int64], joined: [String: Int64]) = ([:], [:])
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.documentFields) {
      switch key {
      case "format": format = Int(try int())
      case "school": school = try string()
      case "class": classID = try string()
      case "year": year = AcademicYear(try string())
      case "pupils": if !null() { pupils = try strings() }
      case "authors": if !null() { authors = try list { s in try s.author() } }
      case "judgements":
        if !null() {
          switch cells {
          case .all: judgements = try judgementColumns()
          case .judgements(let half): judgements = try judgementColumns(of: half)
          case .none: try step()
          }
        }
      case "scores": if !null() { if cells == .all { scores = try scoreColumns() } else { try step() } }
      case "departed": if !null() { moved.departed = try times() }
      case "joined": if !null() { moved.joined = try times() }
      // Kept as bytes, for `cohort check` and the open actions to decode (strictly where
      // the reader gives way); trust-wide views never need them.
      case "meetings":
        space()
        let start = i
        if !null() { try step() }
        if keep { meetings = Array(b[start..<i]) }
      default: try skip()
      }
    }
    try end()
    guard let format, let school, let classID, let year else { throw Mismatch() }
    var doc = ClassYearColumns(
      format: format, school: school, classID: classID, year: year, pupils: pupils, authors: authors,
      judgements: judgements, scores: scores)
    doc.meetingsJSON = meetings
    (doc.departed, doc.joined) = moved
    return doc
  }

  /// {"pupil-id": milliseconds, ...}
  mutating func times() throws -> [String: Int64] {
    var out: [String: Int64] = [:]
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys) { out[key] = try int() }
    return out
  }

  mutating func author() throws -> Author {
    var by: String?
    var device: String?
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.authorFields) {
      switch key {
      case "by": by = try string()
      case "device": device = try string()
      default: try skip()
      }
    }
    guard let by, let device else { throw Mismatch() }
    return Author(by: by, device: device)
  }

  /// Every column, or only those of the half-term `only` (the others stepped over).
  mutating func judgementColumns(of only: HalfTerm? = nil) throws -> [ClassYearColumns.Judgements] {
    var out: [ClassYearColumns.Judgements] = []
    var subjects = Keys()
    try open()
    while let subject = try nextKey(&subjects) {
      var halves = Keys()
      try open()
      while let name = try nextKey(&halves) {
        guard let half = HalfTerm(rawValue: name) else { throw Mismatch() }
        if let only, half != only {
          try step()
          continue
        }
        var codes: [String?]?
        var by: [Int]?
        var at: [Int64]?
        var keys = Keys()
        try open()
        while let k = try nextField(&keys, Self.columnFields) {
          switch ColumnKey(rawValue: k) {
          case .codes?: codes = try list { s in s.null() ? nil : try s.string() }
          case .by?: by = try list { s in Int(try s.int()) }
          case .at?: at = try list { s in try s.int() }
          case nil: try skip()
          }
        }
        guard let codes, let by, let at else { throw Mismatch() }
        out.append(.init(subject: subject, halfTerm: half, codes: codes, by: by, at: at))
      }
    }
    return out
  }

  mutating func scoreColumns() throws -> [ClassYearColumns.Scores] {
    var out: [ClassYearColumns.Scores] = []
    var tests = Keys()
    try open()
    while let test = try nextKey(&tests) {
      var terms = Keys()
      try open()
      while let name = try nextKey(&terms) {
        guard let term = Term(rawValue: name) else { throw Mismatch() }
        var raw: [Int?]?
        var standardised: [Int?]?
        var date: [SchoolDate?]?
        var age: [Int?]?
        var by: [Int]?
        var at: [Int64]?
        var keys = Keys()
        try open()
        while let k = try nextField(&keys, Self.scoreFields) {
          switch ScoreKey(rawValue: k) {
          case .raw?: raw = try list { s in s.null() ? nil : Int(try s.int()) }
          case .standardised?: standardised = try list { s in s.null() ? nil : Int(try s.int()) }
          case .age?: age = try list { s in s.null() ? nil : Int(try s.int()) }
          case .by?: by = try list { s in Int(try s.int()) }
          case .at?: at = try list { s in try s.int() }
          case .date?: date = try list { s in s.null() ? nil : try s.date() }
          case nil: try skip()
          }
        }
        guard let raw, let standardised, let date, let age, let by, let at else { throw Mismatch() }
        out.append(
          .init(test: test, term: term, raw: raw, standardised: standardised, date: date, age: age, by: by, at: at))
      }
    }
    return out
  }
}
