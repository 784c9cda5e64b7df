import Foundation

/// The judgements and scores of a class-year as they lie on disk: per subject and half-term
/// (per test and term), arrays aligned with `pupils`. Trust-wide reads (analysis, the folder
/// check) walk these arrays directly instead of building a dictionary of cells per document,
/// which is what made loading a large trust slow. It is a read-only view: keys it does not
/// hold (meetings, for one) are not in it, so it is never written back.
public struct ClassYearColumns: Sendable, Equatable {
  public struct Judgements: Sendable, Equatable {
    public var subject: String
    public var halfTerm: HalfTerm
    /// nil: empty or cleared (a cleared cell has a time).
    public var codes: [String?]
    /// Index into `authors`; -1 when never set.
    public var by: [Int]
    /// Milliseconds; 0 when never set.
    public var at: [Int64]
    public init(subject: String, halfTerm: HalfTerm, codes: [String?], by: [Int], at: [Int64]) {
      (self.subject, self.halfTerm, self.codes, self.by, self.at) = (subject, halfTerm, codes, by, at)
    }
  }

  public struct Scores: Sendable, Equatable {
    public var test: String
    public var term: Term
    public var raw: [Int?]
    public var standardised: [Int?]
    public var date: [SchoolDate?]
    public var age: [Int?]
    public var by: [Int]
    public var at: [Int64]
    public init(
      test: String, term: Term, raw: [Int?], standardised: [Int?], date: [SchoolDate?], age: [Int?], by: [Int],
      at: [Int64]
    ) {
      (self.test, self.term, self.raw, self.standardised) = (test, term, raw, standardised)
      (self.date, self.age, self.by, self.at) = (date, age, by, at)
    }
  }

  public var format: Int
  public var school: String
  public var classID: String
  public var year: AcademicYear
  public var pupils: [String]
  public var authors: [Author]
  public var judgements: [Judgements]
  public var scores: [Scores]
  /// Pupils moved out of the class and back (see ClassYear+Members).
  public var departed: [String: Int64] = [:]
  public var joined: [String: Int64] = [:]
  /// The `meetings` value as it is on disk, unparsed (trust-wide views do not need it).
  public var meetingsJSON: [UInt8]?
  /// What `checkMeetings` found wrong in them.
  public private(set) var meetingsError: String?

  public init(
    format: Int, school: String, classID: String, year: AcademicYear, pupils: [String], authors: [Author],
    judgements: [Judgements], scores: [Scores]
  ) {
    self.format = format
    self.school = school
    self.classID = classID
    self.year = year
    self.pupils = pupils
    self.authors = authors
    self.judgements = judgements
    self.scores = scores
  }

  /// The class list now, without pupils moved out (who stay listed while they have data here).
  public var members: [String] {
    departed.isEmpty ? pupils : pupils.filter { ClassYear.isMember($0, departed: departed, joined: joined) }
  }

  /// The meetings' decoder: `Meeting.decodeAll`, or one that reads the same faster.
  public typealias MeetingsDecoder = ([UInt8], [Author]) throws -> [HalfTerm: Meeting]

  /// Decodes the meetings once (on a worker thread, say), keeps what is wrong, drops the bytes.
  public mutating func checkMeetings(_ decode: MeetingsDecoder = Meeting.decodeAll) {
    meetingsError = meetingsProblem(decode)
    meetingsJSON = nil
  }

  /// What the document decoder would refuse in the meetings, or nil.
  public func meetingsProblem(_ decode: MeetingsDecoder = Meeting.decodeAll) -> String? {
    guard let bytes = meetingsJSON else { return nil }
    do {
      _ = try decode(bytes, authors)
      return nil
    } catch let e as InputError {
      return e.message
    } catch {
      return "meetings: \(error)"
    }
  }

  /// The same rules as the document decoder (ClassYear+Coding): every array has one entry
  /// per pupil and every set cell names a known author. Returns what is wrong, or nil.
  public func problem() -> String? {
    let n = pupils.count
    for j in judgements {
      guard j.codes.count == n, j.by.count == n, j.at.count == n else {
        return "\(j.subject) \(j.halfTerm.rawValue): codes, by and at must each have one entry per pupil (\(n))"
      }
      for i in 0..<n where (j.at[i] != 0 || j.codes[i] != nil) && !authors.indices.contains(j.by[i]) {
        return "\(j.subject) \(j.halfTerm.rawValue): author index \(j.by[i]) is not in authors"
      }
    }
    for s in scores {
      guard
        [s.raw.count, s.standardised.count, s.date.count, s.age.count, s.by.count, s.at.count].allSatisfy({ $0 == n })
      else { return "\(s.test) \(s.term.rawValue): every array needs one entry per pupil (\(n))" }
      for i in 0..<n where s.at[i] != 0 && !authors.indices.contains(s.by[i]) {
        return "\(s.test) \(s.term.rawValue): author index \(s.by[i]) is not in authors"
      }
    }
    return nil
  }

  /// The cells as `ClassYear` holds them (only set cells; a later duplicate pupil wins, as in
  /// the decoder). Call on a document without a `problem()`.
  public var cells: [ClassYear.Key: Cell] {
    var out: [ClassYear.Key: Cell] = [:]
    for j in judgements {
      for i in pupils.indices where j.at[i] != 0 || j.codes[i] != nil {
        out[ClassYear.Key(subject: j.subject, halfTerm: j.halfTerm, pupil: pupils[i])] = Cell(
          code: j.codes[i], author: authors[j.by[i]], at: j.at[i])
      }
    }
    return out
  }

  public var scoreCells: [ScoreKey: ScoreCell] {
    var out: [ScoreKey: ScoreCell] = [:]
    for s in scores {
      for i in pupils.indices where s.at[i] != 0 {
        out[ScoreKey(test: s.test, term: s.term, pupil: pupils[i])] = ScoreCell(
          raw: s.raw[i], standardised: s.standardised[i], date: s.date[i], ageMonths: s.age[i],
          author: authors[s.by[i]], at: s.at[i])
      }
    }
    return out
  }

  /// The columns of a decoded document (for documents the strict path had to read).
  public init(_ doc: ClassYear) {
    let authors = Array(Set(doc.cells.values.map(\.author)).union(doc.scores.values.map(\.author))).sorted()
    let authorIndex = Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1, $0) })
    let position = Dictionary(doc.pupils.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, b in b })
    let n = doc.pupils.count
    var judgements: [String: Judgements] = [:]
    for (key, cell) in doc.cells {
      guard let i = position[key.pupil] else { continue }
      let id = key.subject + "\u{0}" + key.halfTerm.rawValue
      var j =
        judgements[id]
        ?? Judgements(
          subject: key.subject, halfTerm: key.halfTerm, codes: Array(repeating: nil, count: n),
          by: Array(repeating: -1, count: n), at: Array(repeating: 0, count: n))
      j.codes[i] = cell.code
      j.by[i] = authorIndex[cell.author]!
      j.at[i] = cell.at
      judgements[id] = j
    }
    var scores: [String: Scores] = [:]
    for (key, cell) in doc.scores {
      guard let i = position[key.pupil] else { continue }
      let id = key.test + "\u{0}" + key.term.rawValue
      var s =
        scores[id]
        ?? Scores(
          test: key.test, term: key.term, raw: Array(repeating: nil, count: n),
          standardised: Array(repeating: nil, count: n), date: Array(repeating: nil, count: n),
          age: Array(repeating: nil, count: n), by: Array(repeating: -1, count: n), at: Array(repeating: 0, count: n))
      (s.raw[i], s.standardised[i], s.date[i], s.age[i]) = (cell.raw, cell.standardised, cell.date, cell.ageMonths)
      s.by[i] = authorIndex[cell.author]!
      s.at[i] = cell.at
      scores[id] = s
    }
    self.init(
      format: doc.format, school: doc.school, classID: doc.classID, year: doc.year, pupils: doc.pupils,
      authors: authors, judgements: judgements.keys.sorted().map { judgements[$0]! },
      scores: scores.keys.sorted().map { scores[$0]! })
  }
}
