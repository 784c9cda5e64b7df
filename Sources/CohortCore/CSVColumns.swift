import Foundation

/// Finds columns by the many names exports give them: "UPN", "Unique Pupil Number"; "Date of
/// Birth", "DOB"... Headers are compared without case, spaces or punctuation.
public struct CSVColumns {
  public let header: [String]
  private let keys: [String]

  public init(_ header: [String]) {
    self.header = header
    keys = header.map(Self.key)
  }

  public static func key(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }

  public func index(_ aliases: [String]) -> Int? {
    for a in aliases {
      if let i = keys.firstIndex(of: Self.key(a)) { return i }
    }
    return nil
  }

  public static func field(_ row: [String], _ i: Int?) -> String? {
    guard let i, i < row.count else { return nil }
    let t = row[i].trimmingCharacters(in: .whitespaces)
    return t.isEmpty ? nil : t
  }

  public static let upn = ["upn", "unique pupil number", "pupil upn"]
  public static let surname = ["surname", "last name", "family name", "legal surname", "preferred surname"]
  public static let forename = [
    "forename", "first name", "given name", "legal forename", "preferred forename", "firstname",
  ]
  public static let fullName = ["name", "pupil name", "pupil", "full name"]
  public static let dob = ["dob", "date of birth", "birth date", "birthdate"]
}
