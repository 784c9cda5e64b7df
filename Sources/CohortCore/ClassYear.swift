/// The unit of work: one class in one academic year, its pupils, their judgements and scores,
/// and the class's pupil progress meetings.
/// In memory, cells are keyed by pupil id; on disk they are compact arrays aligned with the
/// pupil list (see ClassYear+Coding), which keeps large trusts small and fast to read.
public struct ClassYear: Hashable, Sendable {
  public struct Key: Hashable, Sendable {
    public var subject: String
    public var halfTerm: HalfTerm
    public var pupil: String
    public init(subject: String, halfTerm: HalfTerm, pupil: String) {
      self.subject = subject
      self.halfTerm = halfTerm
      self.pupil = pupil
    }
  }

  public var format: Int
  public var school: String
  public var classID: String
  public var year: AcademicYear
  /// The class list in display order.
  public var pupils: [String]
  public var cells: [Key: Cell]
  /// Standardised test results of the class's pupils in this year.
  public var scores: [ScoreKey: ScoreCell]
  /// Pupil progress meetings, one per half-term at most.
  public var meetings: [HalfTerm: Meeting]
  /// When a pupil was moved out of the class, and when last placed in it (see ClassYear+Members).
  public var departed: [String: Int64]
  public var joined: [String: Int64]
  /// Pupils whose data was erased (see ClassYear+Erasure): ids only, so that merging an older
  /// copy drops what it still holds about them.
  public var erased: [String: Int64]

  public init(school: String, classID: String, year: AcademicYear, pupils: [String] = []) {
    self.format = DocumentFormat.current
    self.school = school
    self.classID = classID
    self.year = year
    self.pupils = pupils
    self.cells = [:]
    self.scores = [:]
    self.meetings = [:]
    self.departed = [:]
    self.joined = [:]
    self.erased = [:]
  }

  public func cell(pupil: String, subject: String, halfTerm: HalfTerm) -> Cell? {
    cells[Key(subject: subject, halfTerm: halfTerm, pupil: pupil)]
  }

  /// The code shown in the grid (nil when empty or cleared).
  public func code(pupil: String, subject: String, halfTerm: HalfTerm) -> String? {
    cell(pupil: pupil, subject: subject, halfTerm: halfTerm)?.code
  }

  /// Sets (or with nil clears) a code. The time never goes backwards for a cell, so a later
  /// edit always beats an earlier one even within the same millisecond.
  @discardableResult
  public mutating func set(
    _ code: String?, pupil: String, subject: String, halfTerm: HalfTerm, by author: Author, at now: Int64
  ) -> Cell {
    let key = Key(subject: subject, halfTerm: halfTerm, pupil: pupil)
    let at = max(now, (cells[key]?.at ?? 0) + 1)
    let cell = Cell(code: code, author: author, at: at)
    cells[key] = cell
    if !pupils.contains(pupil) { pupils.append(pupil) }
    return cell
  }

  public func score(pupil: String, test: String, term: Term) -> ScoreCell? {
    scores[ScoreKey(test: test, term: term, pupil: pupil)].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Sets (or with both nil clears) a score; like `set`, time never goes backwards per cell.
  @discardableResult
  public mutating func setScore(
    pupil: String, test: String, term: Term, raw: Int?, standardised: Int?, date: SchoolDate?, ageMonths: Int?,
    by author: Author, at now: Int64
  ) -> ScoreCell {
    let key = ScoreKey(test: test, term: term, pupil: pupil)
    let cell = ScoreCell(
      raw: raw, standardised: standardised, date: date, ageMonths: ageMonths, author: author,
      at: max(now, (scores[key]?.at ?? 0) + 1))
    scores[key] = cell
    if !pupils.contains(pupil) { pupils.append(pupil) }
    return cell
  }

  /// Merges another copy of the same document cell by cell. Commutative, associative and
  /// idempotent for the cells; the pupil list keeps this copy's order and adds the other's
  /// newcomers at the end.
  public func merged(with other: ClassYear) -> ClassYear {
    var out = self
    out.format = max(format, other.format)
    let known = Set(pupils)
    out.pupils += other.pupils.filter { !known.contains($0) }
    for (key, theirs) in other.cells {
      if let mine = out.cells[key], !theirs.wins(over: mine) { continue }
      out.cells[key] = theirs
    }
    for (key, theirs) in other.scores {
      if let mine = out.scores[key], !theirs.wins(over: mine) { continue }
      out.scores[key] = theirs
    }
    for (half, theirs) in other.meetings { out.meetings[half] = out.meeting(half).merged(with: theirs) }
    out.departed = departed.merging(other.departed) { max($0, $1) }
    out.joined = joined.merging(other.joined) { max($0, $1) }
    out.erased = erased.merging(other.erased) { max($0, $1) }
    out.dropErased()
    out.pruneDeparted()
    return out
  }

  /// Score cells that differ from `old`'s, for the journal.
  public func scoreChanges(since old: ClassYear?) -> [(key: ScoreKey, old: ScoreCell?, new: ScoreCell)] {
    scores.compactMap { key, cell in
      let before = old?.scores[key]
      return before == cell ? nil : (key, before, cell)
    }.sorted { ($0.new.at, $0.key.pupil, $0.key.test) < ($1.new.at, $1.key.pupil, $1.key.test) }
  }

  /// Cells whose content differs from `old`'s: what a save changes, for the journal.
  public func changes(since old: ClassYear?) -> [(key: Key, old: Cell?, new: Cell)] {
    var out: [(key: Key, old: Cell?, new: Cell)] = []
    for (key, cell) in cells {
      let before = old?.cells[key]
      if before != cell { out.append((key, before, cell)) }
    }
    return out.sorted { ($0.new.at, $0.key.pupil, $0.key.subject) < ($1.new.at, $1.key.pupil, $1.key.subject) }
  }

  /// Every non-empty judgement, for exports and analysis.
  public var judgements: [Judgement] {
    cells.compactMap { key, cell in
      cell.code == nil ? nil : Judgement(pupil: key.pupil, subject: key.subject, halfTerm: key.halfTerm, cell: cell)
    }
  }
}
