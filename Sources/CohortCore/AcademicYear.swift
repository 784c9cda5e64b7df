/// An academic year, 1 September to 31 August, written "2026-27".
public struct AcademicYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The calendar year in which it starts.
  public let startYear: Int

  public init(startYear: Int) { self.startYear = startYear }

  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let start = Int(parts[0]), let end = Int(parts[1]), (start + 1) % 100 == end, start >= 1000
    else { return nil }
    self.startYear = start
  }

  /// The academic year a date falls in.
  public init(containing date: SchoolDate) {
    startYear = date.month >= 9 ? date.year : date.year - 1
  }

  public var description: String {
    let end = (startYear + 1) % 100
    return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
  }

  public var firstDay: SchoolDate { SchoolDate(year: startYear, month: 9, day: 1)! }
  public var lastDay: SchoolDate { SchoolDate(year: startYear + 1, month: 8, day: 31)! }
  public var next: AcademicYear { AcademicYear(startYear: startYear + 1) }
  public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }

  public static func < (a: AcademicYear, b: AcademicYear) -> Bool { a.startYear < b.startYear }

  public static func parse(_ text: String) throws -> AcademicYear {
    guard let year = AcademicYear(text) else {
      throw InputError("'\(text)' is not an academic year: write it like 2026-27")
    }
    return year
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let year = AcademicYear(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an academic year"))
    }
    self = year
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

/// The three terms in which standardised tests are sat.
public enum Term: String, CaseIterable, Sendable, Codable {
  case autumn, spring, summer
  public var label: String { rawValue.capitalized }

  /// Tests are usually sat late in the term's second half-term.
  public var testHalfTerm: HalfTerm {
    switch self {
    case .autumn: .autumn2
    case .spring: .spring2
    case .summer: .summer2
    }
  }

  /// The usual test date: the default for entering scores, and the sample's sitting.
  public func usualTestDate(in year: AcademicYear) -> SchoolDate {
    switch self {
    case .autumn: SchoolDate(year: year.startYear, month: 11, day: 20)!
    case .spring: SchoolDate(year: year.startYear + 1, month: 3, day: 12)!
    case .summer: SchoolDate(year: year.startYear + 1, month: 6, day: 11)!
    }
  }
}

/// The six half-terms of an academic year. Raw values are stored on disk: never change them.
public enum HalfTerm: String, CaseIterable, Sendable, Codable, Comparable {
  case autumn1, autumn2, spring1, spring2, summer1, summer2

  public var index: Int {
    // A switch, not a search of allCases: half-terms are compared in every trust-wide sort.
    switch self {
    case .autumn1: 0
    case .autumn2: 1
    case .spring1: 2
    case .spring2: 3
    case .summer1: 4
    case .summer2: 5
    }
  }
  public var label: String {
    switch self {
    case .autumn1: "Autumn 1"
    case .autumn2: "Autumn 2"
    case .spring1: "Spring 1"
    case .spring2: "Spring 2"
    case .summer1: "Summer 1"
    case .summer2: "Summer 2"
    }
  }
  public var term: Term {
    switch self {
    case .autumn1, .autumn2: .autumn
    case .spring1, .spring2: .spring
    case .summer1, .summer2: .summer
    }
  }
  public var previous: HalfTerm? { index > 0 ? HalfTerm.allCases[index - 1] : nil }
  public var next: HalfTerm? { index < 5 ? HalfTerm.allCases[index + 1] : nil }

  public static func < (a: HalfTerm, b: HalfTerm) -> Bool { a.index < b.index }

  /// Accepts "autumn1", "Autumn 1", "AUTUMN-1"; names every valid choice when it cannot.
  public static func parse(_ text: String) throws -> HalfTerm {
    let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
    guard let half = HalfTerm(rawValue: key) else {
      let names = HalfTerm.allCases.map(\.rawValue).joined(separator: ", ")
      throw InputError("unknown half-term '\(text)': expected one of \(names)")
    }
    return half
  }

  /// The half-term a date falls in (holidays count with the half-term before them).
  public static func containing(_ date: SchoolDate) -> HalfTerm {
    switch (date.month, date.day) {
    case (9, _), (10, ...24): .autumn1
    case (10, _), (11, _), (12, _): .autumn2
    case (1, _), (2, ...14): .spring1
    case (2, _), (3, _): .spring2
    case (4, _), (5, ...24): .summer1
    default: .summer2
    }
  }

  /// A day late in the half-term, when a judgement for it is typically entered.
  public func typicalEntryDate(in year: AcademicYear) -> SchoolDate {
    let y = year.startYear
    switch self {
    case .autumn1: return SchoolDate(year: y, month: 10, day: 17)!
    case .autumn2: return SchoolDate(year: y, month: 12, day: 12)!
    case .spring1: return SchoolDate(year: y + 1, month: 2, day: 6)!
    case .spring2: return SchoolDate(year: y + 1, month: 3, day: 27)!
    case .summer1: return SchoolDate(year: y + 1, month: 5, day: 15)!
    case .summer2: return SchoolDate(year: y + 1, month: 7, day: 10)!
    }
  }
}

/// A half-term in a given academic year: the time axis of every judgement.
public struct HalfTermRef: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: AcademicYear
  public let halfTerm: HalfTerm
  public init(_ year: AcademicYear, _ halfTerm: HalfTerm) {
    self.year = year
    self.halfTerm = halfTerm
  }
  public var previous: HalfTermRef {
    if let p = halfTerm.previous { return HalfTermRef(year, p) }
    return HalfTermRef(year.previous, .summer2)
  }
  public var description: String { "\(year) \(halfTerm.label)" }
  /// Half-terms counted from year 0: consecutive half-terms differ by one, order is kept.
  public var ordinal: Int32 { Int32(truncatingIfNeeded: year.startYear * 6 + halfTerm.index) }
  public init(ordinal: Int32) {
    let (y, h) = Int(ordinal).quotientAndRemainder(dividingBy: 6)
    self.init(AcademicYear(startYear: y), HalfTerm.allCases[h])
  }
  public static func < (a: HalfTermRef, b: HalfTermRef) -> Bool {
    (a.year.startYear, a.halfTerm.index) < (b.year.startYear, b.halfTerm.index)
  }
}

/// On disk as "2026-27 spring1".
extension HalfTermRef: Codable {
  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    guard let ref = HalfTermRef(stored: text) else {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "'\(text)' is not a half-term like '2026-27 spring1'")
    }
    self = ref
  }

  /// "2026-27 spring1" as it is stored, or nil.
  public init?(stored text: String) {
    let parts = text.split(separator: " ")
    guard parts.count == 2, let year = AcademicYear(String(parts[0])), let half = HalfTerm(rawValue: String(parts[1]))
    else { return nil }
    self.init(year, half)
  }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode("\(year) \(halfTerm.rawValue)")
  }
}

extension HalfTermRef {
  /// "spring2" (in `year`), "2027-28 autumn1" or "2027-28:autumn1".
  public static func parse(_ text: String, in year: AcademicYear) throws -> HalfTermRef {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "/" }).map(String.init)
    switch parts.count {
    case 1: return HalfTermRef(year, try HalfTerm.parse(parts[0]))
    case 2: return HalfTermRef(try AcademicYear.parse(parts[0]), try HalfTerm.parse(parts[1]))
    default: throw InputError("'\(text)' is not a half-term: use e.g. spring2 or 2027-28:autumn1")
    }
  }

  public var next: HalfTermRef {
    if let n = halfTerm.next { return HalfTermRef(year, n) }
    return HalfTermRef(year.next, .autumn1)
  }
}
