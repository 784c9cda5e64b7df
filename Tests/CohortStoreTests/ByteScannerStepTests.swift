import Testing

@testable import CohortStore

/// Stepping over a value by its brackets and strings: it ends where the value ends, brackets
/// and escaped quotes inside strings included, and a value cut short is a mismatch.
@Suite struct ByteScannerStepTests {
  func stepped(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { b in
      var s = ByteScanner(b: b)
      guard (try? s.step()) != nil else { return nil }
      return String(decoding: bytes[s.i...], as: UTF8.self)
    }
  }

  @Test func endsWhereTheValueEnds() {
    #expect(stepped(#"  [1, {"a": [2]}], "next""#) == #", "next""#)
    #expect(stepped(#"{"s": "a ] } \" [ \\", "t": []}rest"#) == "rest")
    #expect(stepped(#"[["x"], ["y\"]"]] }"#) == " }")
  }

  @Test func aValueCutShortOrNotABracketIsAMismatch() {
    #expect(stepped(#"[1, [2]"#) == nil)
    #expect(stepped(#"["abc"#) == nil)
    #expect(stepped(#"{"a": "\"#) == nil)
    #expect(stepped("12") == nil && stepped(#""s""#) == nil && stepped("") == nil)
  }

  /// Values with the bytes that matter at every offset: escaped quotes and backslashes,
  /// brackets inside strings, multi-byte UTF-8, long runs of plain bytes.
  static let values = [
    #"{"id": "p1", "name": "O\"Brien \\ [x] {y}", "n": [1, [2, {"id": "inner"}]], "z": "日本語🙂"}"#,
    #"[{"a": "\\\\\\\""}, "]]]}}}", "\\", {"id": "not mine"}, "                                  "]"#,
    #"{"pad": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "id": "late", "x": {"y": {"z": []}}}"#,
    #"{"id":"p\\2","k":"v"}"#,
    "{}", "[]", #"{"id": ""}"#,
  ]

  func ends(_ text: String) throws -> (skip: Int, step: Int, noted: String?) {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { b in
      var skipped = ByteScanner(b: b)
      try skipped.skip()
      var stepped = ByteScanner(b: b)
      let noted = try stepped.step(noting: ByteScanner.idKey)
      return (skipped.i, stepped.i, noted.map { String(decoding: bytes[$0], as: UTF8.self) })
    }
  }

  /// `step` finds the end eight bytes at a time: wherever a quote, an escape or a bracket
  /// falls in a word, it ends where the validating `skip` ends, and notes the same id.
  @Test(arguments: values)
  func endsWhereSkipEndsAtEveryAlignment(value: String) throws {
    let ownID: String? =
      value.hasPrefix(#"{"id": "p1""#)
      ? "p1" : value.contains(#""id": "late""#) ? "late" : value == #"{"id": ""}"# ? "" : nil
    for pad in 0..<9 {
      // Leading spaces shift the value across word boundaries; what follows must not be read.
      let text = String(repeating: " ", count: pad) + value + ", \"after\": [1]"
      let (skip, step, noted) = try ends(text)
      #expect(step == skip && step == pad + value.utf8.count, "pad \(pad): \(value)")
      #expect(noted == ownID, "pad \(pad): \(value)")
    }
  }
}

/// `step` against the validating `skip` on many generated values: strings full of the bytes
/// that matter (quotes, backslashes, brackets) at every offset in a word, ids at depth 1 and
/// deeper, as keys and as values.
@Suite struct ByteScannerStepGeneratedTests {
  /// xorshift64*: the same values on every run.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 2_685_821_657_736_338_717
    }
  }

  static func string(_ r: inout Seeded) -> String {
    let pieces = [#"\""#, #"\\"#, "[", "]", "{", "}", "a", "id", ",", ":", " ", "é", #"\n"#, #"\u0041"#]
    return "\"" + (0..<Int.random(in: 0...12, using: &r)).map { _ in pieces.randomElement(using: &r)! }.joined()
      + "\""
  }

  static func value(_ r: inout Seeded, depth: Int) -> String {
    switch Int.random(in: 0..<(depth > 3 ? 3 : 6), using: &r) {
    case 0: return string(&r)
    case 1: return String(Int.random(in: -99...99_999, using: &r))
    case 2: return ["true", "false", "null"].randomElement(using: &r)!
    case 3:
      return "["
        + (0..<Int.random(in: 0...4, using: &r)).map { _ in value(&r, depth: depth + 1) }.joined(separator: ", ") + "]"
    default: return object(&r, depth: depth + 1).text
    }
  }

  /// An object and the plain string of its own "id", when it has one.
  static func object(_ r: inout Seeded, depth: Int) -> (text: String, id: String?) {
    var keys = (0..<Int.random(in: 0...5, using: &r)).map { "k\($0)" }
    if Bool.random(using: &r) { keys.insert("id", at: Int.random(in: 0...keys.count, using: &r)) }
    var id: String?
    let fields = keys.map { key -> String in
      guard key == "id" else { return "\"\(key)\": \(value(&r, depth: depth))" }
      let plain = "p" + String(Int.random(in: 0...9_999, using: &r))
      let v = Bool.random(using: &r) ? "\"\(plain)\"" : value(&r, depth: depth)
      // Noted when it is a string without escapes, whatever its text.
      if v.hasPrefix("\""), !v.contains("\\") { id = String(v.dropFirst().dropLast()) }
      return "\"id\" : \(v)"
    }
    let gaps = [" ", "", "\n  "]
    return ("{" + fields.joined(separator: "," + gaps.randomElement(using: &r)!) + "}", id)
  }

  @Test func endsWhereSkipEndsAndNotesTheOwnID() throws {
    var r = Seeded(state: 0x9E37_79B9_7F4A_7C15)
    for _ in 0..<3_000 {
      let (value, id) = Self.object(&r, depth: 0)
      let pad = Int.random(in: 0..<8, using: &r)
      let text = String(repeating: " ", count: pad) + value + #", "after": {"id": "no"}"#
      let bytes = Array(text.utf8)
      try bytes.withUnsafeBufferPointer { b in
        var skipped = ByteScanner(b: b)
        try skipped.skip()
        var stepped = ByteScanner(b: b)
        let noted = try stepped.step(noting: ByteScanner.idKey)
        #expect(stepped.i == skipped.i && stepped.i == pad + value.utf8.count, "\(text)")
        #expect(noted.map { String(decoding: bytes[$0], as: UTF8.self) } == id, "\(text)")
      }
    }
  }
}
