/// The Unique Pupil Number: 13 characters, a check letter first (DfE algorithm).
public struct UPN: Hashable, Sendable, Codable, CustomStringConvertible {
  public let value: String

  /// Letters the DfE uses for check and temporary characters: no I, O or S.
  static let alphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

  /// Normalises case and spaces, then validates; the error says what is wrong.
  public init(_ text: String) throws {
    // A roster holds hundreds of UPNs as the MIS wrote them: that spelling is checked on its
    // bytes (the same rules), anything else normalised and checked as characters.
    if Self.isValidAsWritten(text) {
      value = text
      return
    }
    let v = String(text.uppercased().filter { !$0.isWhitespace })
    if let problem = UPN.problem(v) { throw InputError("UPN '\(text)': \(problem)") }
    value = v
  }

  /// Characters 2-4: the DfE code of the local authority that allocated it.
  public var laCode: String { String(value.dropFirst().prefix(3)) }

  /// A UPN whose LA code is on no DfE list is well-formed but more likely mistyped than real:
  /// said, not refused (the list changes when authorities are reorganised).
  public var laCodeProblem: String? {
    LACodes.name(laCode) == nil
      ? "UPN \(value): characters 2-4 ('\(laCode)') are not a DfE local authority code" : nil
  }

  /// A temporary UPN ends in a letter: the school replaces it when the permanent one arrives.
  public var isTemporary: Bool { value.last!.isLetter }
  public var description: String { value }

  static func problem(_ v: String) -> String? {
    let chars = Array(v)
    guard chars.count == 13 else { return "must be 13 characters, found \(chars.count)" }
    for (i, c) in chars[1...11].enumerated() where !c.isASCII || !c.isNumber {
      return "character \(i + 2) must be a digit, found '\(c)'"
    }
    let last = chars[12]
    if !(last.isASCII && (last.isNumber || last.isLetter)) {
      return "the last character must be a digit or a letter, found '\(last)'"
    }
    if ["I", "O", "S"].contains(last) {
      return "the last character cannot be I, O or S (letters the DfE never uses)"
    }
    guard let expected = checkLetter(chars[1...]) else { return "contains an invalid character" }
    if chars[0] != expected {
      if !chars[0].isLetter { return "must start with a check letter, found '\(chars[0])'" }
      return "check letter is '\(chars[0])' but the digits give '\(expected)': a digit is mistyped"
    }
    return nil
  }

  static let alphabetBytes = alphabet.map { $0.asciiValue! }

  /// Thirteen ASCII bytes: a check letter that the rest gives, eleven digits, and a digit or a
  /// letter of `alphabet` (what `problem` accepts, already in capitals with no spaces).
  static func isValidAsWritten(_ text: String) -> Bool {
    var (k, sum, first): (Int, Int, UInt8) = (0, 0, 0)
    for c in text.utf8 {
      if k == 0 {
        first = c
      } else if c >= 0x30, c <= 0x39, k <= 12 {
        sum += Int(c - 0x30) * (k + 1)
      } else if k == 12, let letter = alphabetBytes.firstIndex(of: c) {
        sum += letter * (k + 1)
      } else {
        return false
      }
      k += 1
    }
    return k == 13 && first == alphabetBytes[sum % 23]
  }

  /// Weights 2...13 on characters 2...13 (a temporary letter counts as its place in
  /// `alphabet`); the sum modulo 23 picks the check letter.
  public static func checkLetter<S: Collection>(_ rest: S) -> Character? where S.Element == Character {
    guard rest.count == 12 else { return nil }
    var sum = 0
    for (i, c) in rest.enumerated() {
      let value: Int
      if let d = c.wholeNumberValue, c.isASCII {
        value = d
      } else if let letter = alphabet.firstIndex(of: c) {
        value = letter
      } else {
        return nil
      }
      sum += value * (i + 2)
    }
    return alphabet[sum % 23]
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do { try self.init(text) } catch let e as InputError {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: e.message))
    }
  }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}
