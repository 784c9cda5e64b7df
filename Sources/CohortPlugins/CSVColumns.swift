import CohortCore
import Foundation

/// Finds columns by the many names exports give them: "UPN", "Unique Pupil Number"; "Date of
/// Birth", "DOB"... Headers are compared without case, spaces or punctuation.
struct CSVColumns {
  let header: [String]
  private let keys: [String]

  init(_ header: [String]) {
    self.header = header
    keys = header.map(Self.key)
  }

  static func key(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }

  func index(_ aliases: [String]) -> Int? {
    for a in aliases {
      if let i = keys.firstIndex(of: Self.key(a)) { return i }
    }
    return nil
  }

  static func field(_ row: [String], _ i: Int?) -> String? {
    guard let i, i < row.count else { return nil }
    let t = row[i].trimmingCharacters(in: .whitespaces)
    return t.isEmpty ? nil : t
  }

  static let upn = ["upn", "unique pupil number", "pupil upn"]
  static let surname = ["surname", "last name", "family name", "legal surname", "preferred surname"]
  static let forename = ["forename", "first name", "given name", "legal forename", "preferred forename", "firstname"]
  static let fullName = ["name", "pupil name", "pupil", "full name"]
  static let dob = ["dob", "date of birth", "birth date", "birthdate"]
}
