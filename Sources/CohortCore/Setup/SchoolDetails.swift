import Foundation

/// The DfE numbers that identify a school, checked as people type them.
public enum SchoolNumbers {
  /// A unique reference number: 6 digits.
  public static func urn(_ text: String?) throws -> String? {
    try digits(text, count: 6, "URN", "a URN is 6 digits, like 123456")
  }
  /// A local authority's DfE code: 3 digits.
  public static func la(_ text: String?) throws -> String? {
    try digits(text, count: 3, "LA code", "an LA code is 3 digits, like 873")
  }
  /// An establishment number: 4 digits.
  public static func estab(_ text: String?) throws -> String? {
    try digits(text, count: 4, "establishment number", "a DfE establishment number is 4 digits, like 2001")
  }

  /// nil or "" clears the field; anything else must be exactly `count` digits.
  static func digits(_ text: String?, count: Int, _ field: String, _ hint: String) throws -> String? {
    guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
    guard t.count == count, t.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw InputError("\(field) '\(t)' is not valid: \(hint)")
    }
    return t
  }
}

extension SchoolRef {
  /// A school with its numbers checked (an LA code and an establishment number go together).
  public static func checked(
    id: String, name: String, shortName: String? = nil, urn: String? = nil, la: String? = nil, estab: String? = nil
  ) throws -> SchoolRef {
    guard isSafeID(id) else {
      throw InputError("school id '\(id)' is not valid: lower-case letters, digits, - and _ (like 'oakfield')")
    }
    let name = name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw InputError("a school needs a name") }
    let short = shortName?.trimmingCharacters(in: .whitespaces)
    let ref = SchoolRef(
      id: id, name: name, shortName: short?.isEmpty == false ? short : nil, urn: try SchoolNumbers.urn(urn),
      la: try SchoolNumbers.la(la), estab: try SchoolNumbers.estab(estab))
    if (ref.la == nil) != (ref.estab == nil) {
      throw InputError("an LA code and an establishment number go together: give both (like --la 873 --estab 2001)")
    }
    return ref
  }
}
