import CohortCore

/// A cell of the judgements grid: a pupil's row and a subject's column.
public struct GridPosition: Hashable, Sendable {
  public var row: Int
  public var column: Int
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}

/// The Judgements grid without any widget: the pupils and subjects, the cursor, what each key
/// does, undo and redo. The view draws it and forwards keys; tests drive it directly.
public final class GridModel {
  public let scheme: CodeScheme
  public let subjects: [Subject]
  /// Rows in class order; a pupil missing from the roster still has a row (never hide data).
  public let pupils: [Pupil]
  public private(set) var doc: ClassYear
  public let halfTerm: HalfTerm
  public let author: Author
  /// Last half-term's codes by pupil and subject, when last half-term was another document
  /// (Summer 2 of the previous year).
  public let earlier: [String: [String: String]]
  public var cursor = GridPosition(row: 0, column: 0) {
    didSet { if cursor != oldValue { atEnd = false } }
  }
  /// Set when a code was entered in the last cell (last pupil, last subject): the cursor has
  /// nowhere to go, so the next code key is refused rather than overwriting that cell.
  public internal(set) var atEnd = false
  /// Set when the year is closed (after the rollover): nothing can be entered, and why.
  public var closedReason: String?
  /// Called with the cells whose codes changed, after every edit, undo, redo or merge.
  public var onChange: ((Set<GridPosition>) -> Void)?
  /// Milliseconds since 1970; replaceable so that tests control time.
  public var clock: () -> Int64

  struct Change {
    var pupil: String
    var subject: String
    var old: String?
    var new: String?
  }
  private var undoStack: [[Change]] = []
  private var redoStack: [[Change]] = []

  public init(
    doc: ClassYear, roster: Roster, scheme: CodeScheme, subjects: [Subject], halfTerm: HalfTerm, author: Author,
    earlier: [String: [String: String]] = [:], clock: @escaping () -> Int64
  ) {
    self.doc = doc
    self.scheme = scheme
    self.subjects = subjects
    self.halfTerm = halfTerm
    self.author = author
    self.earlier = earlier
    self.clock = clock
    let byID = Dictionary(roster.pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // Who is in the class now: a pupil moved out keeps their codes here, out of the grid.
    self.pupils = doc.members.map {
      byID[$0] ?? Pupil(id: $0, forename: "Unknown pupil", surname: $0, dob: SchoolDate(year: 2000, month: 1, day: 1)!)
    }
  }

  public var rowCount: Int { pupils.count }
  public var columnCount: Int { subjects.count }
  public var canUndo: Bool { !undoStack.isEmpty }
  /// How many steps can be undone: a toast's Undo takes back its own step only if nothing
  /// came after it.
  public var undoDepth: Int { undoStack.count }
  public var canRedo: Bool { !redoStack.isEmpty }

  public func code(at p: GridPosition) -> Code? {
    doc.code(pupil: pupils[p.row].id, subject: subjects[p.column].id, halfTerm: halfTerm).flatMap {
      scheme.code(id: $0)
    }
  }

  /// The stored text, even when the scheme no longer knows it (shown, never dropped).
  public func rawCode(at p: GridPosition) -> String? {
    doc.code(pupil: pupils[p.row].id, subject: subjects[p.column].id, halfTerm: halfTerm)
  }

  /// Last half-term's code for the cell, shown faded beside it.
  public func previousCode(at p: GridPosition) -> String? {
    let pupil = pupils[p.row].id
    let subject = subjects[p.column].id
    if let previous = halfTerm.previous { return doc.code(pupil: pupil, subject: subject, halfTerm: previous) }
    return earlier[pupil]?[subject]
  }

  /// "Amira Khan, Reading, Autumn 1": what a screen reader says for the cell.
  public func accessibleName(at p: GridPosition) -> String {
    "\(pupils[p.row].fullName), \(subjects[p.column].name), \(halfTerm.label)"
  }

  // MARK: editing

  /// Applies codes to cells as one undoable step; cells already holding the code are skipped.
  @discardableResult
  public func apply(_ edits: [(GridPosition, String?)]) -> Int {
    guard closedReason == nil else { return 0 }
    var changes: [Change] = []
    for (p, code) in edits {
      let pupil = pupils[p.row].id
      let subject = subjects[p.column].id
      let old = doc.code(pupil: pupil, subject: subject, halfTerm: halfTerm)
      if old == code { continue }
      changes.append(Change(pupil: pupil, subject: subject, old: old, new: code))
    }
    guard !changes.isEmpty else { return 0 }
    write(changes, newValues: true)
    undoStack.append(changes)
    redoStack.removeAll()
    return changes.count
  }

  private func write(_ changes: [Change], newValues: Bool) {
    let now = clock()
    var touched = Set<GridPosition>()
    for c in changes {
      doc.set(newValues ? c.new : c.old, pupil: c.pupil, subject: c.subject, halfTerm: halfTerm, by: author, at: now)
      if let p = position(pupil: c.pupil, subject: c.subject) { touched.insert(p) }
    }
    onChange?(touched)
  }

  func position(pupil: String, subject: String) -> GridPosition? {
    guard let r = pupils.firstIndex(where: { $0.id == pupil }), let c = subjects.firstIndex(where: { $0.id == subject })
    else { return nil }
    return GridPosition(row: r, column: c)
  }

  public func undo() {
    guard let last = undoStack.popLast() else { return }
    write(last.reversed(), newValues: false)
    redoStack.append(last)
  }

  public func redo() {
    guard let last = redoStack.popLast() else { return }
    write(last, newValues: true)
    undoStack.append(last)
  }

  /// Takes in what was saved or changed elsewhere (merged cell by cell: nothing typed here is
  /// lost) and reports the cells whose codes changed.
  public func absorb(_ other: ClassYear) {
    let before = doc
    doc = doc.merged(with: other)
    guard doc.members == before.members else {
      onChange?(Set(allPositions))
      return
    }
    let changed = allPositions.filter {
      let pupil = pupils[$0.row].id
      let subject = subjects[$0.column].id
      return before.code(pupil: pupil, subject: subject, halfTerm: halfTerm)
        != doc.code(pupil: pupil, subject: subject, halfTerm: halfTerm)
    }
    if !changed.isEmpty { onChange?(Set(changed)) }
  }

  public var allPositions: [GridPosition] {
    (0..<rowCount).flatMap { r in (0..<columnCount).map { GridPosition(row: r, column: $0) } }
  }
}
