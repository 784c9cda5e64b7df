import Foundation

/// A national curriculum year group: 0 is Reception, 1-6 are Years 1-6.
/// Stored as its number; values outside 0...6 (nursery, secondary) are representable so that
/// a pupil's true year is never hidden, and `isPrimary` tells them apart.
public struct YearGroup: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let number: Int
  public init(_ number: Int) { self.number = number }

  public static let reception = YearGroup(0)
  public static let primary: [YearGroup] = (0...6).map(YearGroup.init)

  public var isPrimary: Bool { (0...6).contains(number) }
  /// "R", "Y1" ... "Y6"; "N1", "N2" for nursery and "Y7"+ beyond primary.
  public var shortLabel: String { number == 0 ? "R" : number < 0 ? nurseryCode : "Y\(number)" }
  /// As a CTF's `NCyearActual` writes it: "N1", "N2", "R", "1"-"14".
  public var ctfCode: String { number == 0 ? "R" : number < 0 ? nurseryCode : String(number) }
  private var nurseryCode: String { "N\(max(1, 3 + number))" }
  public var label: String { number == 0 ? "Reception" : number < 0 ? "Nursery" : "Year \(number)" }
  public var description: String { shortLabel }

  /// The year group of a pupil born on `birth` in academic year `year`: pupils born
  /// 1 September to 31 August start Reception together in the September after they turn four.
  public init(born birth: SchoolDate, in year: AcademicYear) {
    let cohortStart = AcademicYear(containing: birth).startYear
    self.number = year.startYear - cohortStart - 5
  }

  /// "R", "Y3", "3", "Year 3", "reception", "N1", "N2" -> year group.
  public static func parse(_ text: String) throws -> YearGroup {
    let t = text.lowercased().replacingOccurrences(of: " ", with: "")
    if ["r", "rec", "reception", "yr", "0"].contains(t) { return .reception }
    if t == "n1" { return YearGroup(-2) }
    if t == "n2" || t == "nursery" { return YearGroup(-1) }
    let digits = t.drop { !$0.isNumber }
    if let n = Int(digits), (0...13).contains(n),
      ["", "y", "year", "nc", "ncyear"].contains(String(t.prefix { !$0.isNumber }))
    {
      return YearGroup(n)
    }
    throw InputError("'\(text)' is not a year group: use R or 1-6")
  }

  public static func < (a: YearGroup, b: YearGroup) -> Bool { a.number < b.number }

  public init(from decoder: Decoder) throws {
    number = try decoder.singleValueContainer().decode(Int.self)
  }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(number)
  }
}
