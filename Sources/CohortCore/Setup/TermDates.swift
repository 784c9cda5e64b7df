import Foundation

/// A trust's term dates for one academic year: the first day of each of the six half-terms.
/// A day belongs to the latest half-term that has started by then (holidays count with the
/// half-term before them; the first days of September before term count as Autumn 1).
public struct TermDates: Hashable, Sendable, Codable {
  public var year: AcademicYear
  /// Six first days, Autumn 1 to Summer 2, in order.
  public var starts: [SchoolDate]

  /// Checks the dates: six, in order, each inside the academic year.
  public init(year: AcademicYear, starts: [SchoolDate]) throws {
    guard starts.count == 6 else {
      throw InputError("term dates for \(year) need six first days (one per half-term), not \(starts.count)")
    }
    for (i, d) in starts.enumerated() {
      let half = HalfTerm.allCases[i].label
      guard d >= year.firstDay && d <= year.lastDay else {
        throw InputError("\(half) starts on \(d.ukDescription), outside \(year) (1 September to 31 August)")
      }
      if i > 0, d <= starts[i - 1] {
        throw InputError(
          "\(half) starts on \(d.ukDescription), not after \(HalfTerm.allCases[i - 1].label) (\(starts[i - 1].ukDescription)): the dates are out of order"
        )
      }
    }
    self.year = year
    self.starts = starts
  }

  /// The usual English pattern, for a trust that has not set its own dates yet: term starts in
  /// early September, after half-term at the start of November, early January, late February,
  /// mid April (Easter moves it; the trust edits it) and early June.
  public static func usual(_ year: AcademicYear) -> TermDates {
    let y = year.startYear
    let starts = [
      firstWeekday(onOrAfter: SchoolDate(year: y, month: 9, day: 3)!),
      firstMonday(onOrAfter: SchoolDate(year: y, month: 10, day: 29)!),
      firstMonday(onOrAfter: SchoolDate(year: y + 1, month: 1, day: 3)!),
      firstMonday(onOrAfter: SchoolDate(year: y + 1, month: 2, day: 19)!),
      firstMonday(onOrAfter: SchoolDate(year: y + 1, month: 4, day: 10)!),
      firstMonday(onOrAfter: SchoolDate(year: y + 1, month: 6, day: 1)!),
    ]
    // These are in order and inside the year by construction.
    return try! TermDates(year: year, starts: starts)
  }

  /// Parses "03/09/2026,02/11/2026,..." (UK dates, comma-separated).
  public static func parse(_ text: String, year: AcademicYear) throws -> TermDates {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let dates = try parts.map { p -> SchoolDate in
      guard let d = UKDate.parse(p) else { throw InputError("'\(p)' is not a date: write it like 03/09/2026") }
      return d
    }
    return try TermDates(year: year, starts: dates)
  }

  public func start(of half: HalfTerm) -> SchoolDate { starts[half.index] }

  public func halfTerm(containing day: SchoolDate) -> HalfTerm {
    var found = HalfTerm.autumn1
    for half in HalfTerm.allCases where starts[half.index] <= day { found = half }
    return found
  }

  /// Monday is 0 (1 January 1970, day 0, was a Thursday).
  static func weekday(_ d: SchoolDate) -> Int { ((d.dayNumber % 7) + 10) % 7 }

  static func firstMonday(onOrAfter d: SchoolDate) -> SchoolDate { d.adding(days: (7 - weekday(d)) % 7) }

  static func firstWeekday(onOrAfter d: SchoolDate) -> SchoolDate {
    let w = weekday(d)
    return w >= 5 ? d.adding(days: 7 - w) : d
  }
}
