import CohortCore
import Foundation

/// The Scores page without widgets: one test and term for a class; typed text becomes a
/// standardised score (checked against the test's range) or a raw score age-standardised
/// through the table (or refused with the table's reason).
public final class ScoreSheet: DocumentModel {
  public enum Mode: Sendable {
    case standardised
    case raw
  }

  public let pupils: [Pupil]
  public let test: TestDefinition
  public let term: Term
  /// The test's age-standardisation tables: each pupil's level picks theirs.
  public let tables: ScoreTables
  public private(set) var doc: ClassYear
  /// Set when the year is closed (after the rollover): nothing can be entered, and why.
  public var closedReason: String?
  public let author: Author
  /// Last summer's scores by pupil and test, beside autumn's.
  public let lastSummer: [String: [String: Int]]
  public var clock: () -> Int64
  public var mode: Mode = .standardised
  /// The date the test was sat: it decides each pupil's age for raw scores.
  public var date: SchoolDate
  /// Called with the rows whose scores changed.
  public var onChange: ((Set<Int>) -> Void)?

  public init(
    doc: ClassYear, roster: Roster, test: TestDefinition, term: Term, tables: ScoreTables, author: Author,
    lastSummer: [String: [String: Int]] = [:], clock: @escaping () -> Int64
  ) {
    self.doc = doc
    self.test = test
    self.term = term
    self.tables = tables
    self.author = author
    self.lastSummer = lastSummer
    self.clock = clock
    let byID = Dictionary(roster.pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    pupils = doc.members.compactMap { byID[$0] }
    date = term.usualTestDate(in: doc.year)
  }

  public func score(row: Int) -> ScoreCell? { doc.score(pupil: pupils[row].id, test: test.id, term: term) }

  public func band(row: Int) -> ScoreBand? { score(row: row)?.standardised.flatMap { test.band(of: $0) } }

  public func percentile(row: Int) -> Double? {
    score(row: row)?.standardised.map { StandardisedScale.percentile(of: Double($0)) }
  }

  /// The same test's score the term before (last summer, for autumn).
  public func previous(row: Int) -> Int? {
    let id = pupils[row].id
    if let p = term.previous { return doc.score(pupil: id, test: test.id, term: p)?.standardised }
    return lastSummer[id]?[test.id]
  }

  /// Whether the pupil's year group sits this test this term.
  public func sits(row: Int) -> Bool { test.isTaken(by: pupils[row].yearGroup(in: doc.year), in: term) }

  public func accessibleName(row: Int) -> String { "\(pupils[row].fullName), \(test.name), \(term.label)" }

  /// Enters typed text for a pupil: empty clears; otherwise a whole number checked as the mode
  /// says. Throws with a reason and changes nothing when it is not a score.
  @discardableResult
  public func enter(row: Int, text: String) throws -> Bool {
    if let closedReason { throw InputError(closedReason) }
    let t = text.trimmingCharacters(in: .whitespaces)
    let pupil = pupils[row]
    let old = score(row: row)
    if t.isEmpty {
      guard old != nil else { return false }
      set(row, raw: nil, standardised: nil, age: nil)
      return true
    }
    guard let value = Int(t) else { throw InputError("'\(t)' is not a whole number") }
    switch mode {
    case .standardised:
      let s = try test.check(standardised: value)
      if old?.standardised == s && old?.raw == nil { return false }
      set(row, raw: nil, standardised: s, age: Age(born: pupil.dob, on: date)?.totalMonths)
    case .raw:
      guard !tables.isEmpty else {
        throw InputError("no age-standardisation table for \(test.name): import one first")
      }
      guard let age = Age(born: pupil.dob, on: date) else {
        throw InputError("the test date is before \(pupil.fullName)'s birth")
      }
      let s = try tables.standardise(
        raw: value, age: age, level: pupil.yearGroup(in: doc.year), term: term, test: test.name
      ).score
      if old?.raw == value && old?.standardised == s { return false }
      set(row, raw: value, standardised: s, age: age.totalMonths)
    }
    return true
  }

  private func set(_ row: Int, raw: Int?, standardised: Int?, age: Int?) {
    doc.setScore(
      pupil: pupils[row].id, test: test.id, term: term, raw: raw, standardised: standardised,
      date: standardised == nil ? nil : date, ageMonths: age, by: author, at: clock())
    onChange?([row])
  }

  public func absorb(_ other: ClassYear) {
    let before = pupils.indices.map { score(row: $0) }
    doc = doc.merged(with: other)
    let changed = pupils.indices.filter { score(row: $0) != before[$0] }
    if !changed.isEmpty { onChange?(Set(changed)) }
  }
}
