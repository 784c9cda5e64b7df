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
}
