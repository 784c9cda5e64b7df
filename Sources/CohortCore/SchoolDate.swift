import Foundation

/// A calendar date with no time zone: dates of birth, test dates, term dates.
/// Stored as "YYYY-MM-DD" so that a date never shifts with the laptop's time zone.
public struct SchoolDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= SchoolDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Accepts ISO "2019-03-14" only; UK formats belong to the importers that meet them.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    let y = String(year)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-\(m)-\(d)"
  }

  /// As people in English schools write it: 14/10/2026.
  public var ukDescription: String {
    (day < 10 ? "0\(day)" : "\(day)") + "/" + (month < 10 ? "0\(month)" : "\(month)") + "/\(year)"
  }

  public static func < (a: SchoolDate, b: SchoolDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public init(dayNumber z0: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  public func adding(days: Int) -> SchoolDate { SchoolDate(dayNumber: dayNumber + days) }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = SchoolDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

/// Age in whole years and months, as schools and test publishers state it ("8:07").
public struct Age: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let years: Int
  public let months: Int
  public var totalMonths: Int { years * 12 + months }

  public init(totalMonths: Int) {
    years = totalMonths / 12
    months = totalMonths % 12
  }

  /// Completed months from `birth` to `date`; nil when `date` is before the birth.
  public init?(born birth: SchoolDate, on date: SchoolDate) {
    guard date >= birth else { return nil }
    var months = (date.year - birth.year) * 12 + (date.month - birth.month)
    // A month is complete on the same day of the month; born on the 31st completes on the
    // last day of a shorter month.
    let dayDue = min(birth.day, SchoolDate.daysIn(month: date.month, year: date.year))
    if date.day < dayDue { months -= 1 }
    self.init(totalMonths: months)
  }

  public var description: String { "\(years):\(months < 10 ? "0" : "")\(months)" }

  public static func < (a: Age, b: Age) -> Bool { a.totalMonths < b.totalMonths }
}

extension SchoolDate {
  /// Today in the local time zone (reports print the day they were made).
  public static func today() -> SchoolDate {
    let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
    return SchoolDate(year: c.year!, month: c.month!, day: c.day!)!
  }
}
