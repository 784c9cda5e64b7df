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
