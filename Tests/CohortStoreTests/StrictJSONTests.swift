import Foundation
import Testing

@testable import CohortStore

@Suite struct StrictJSONTests {
  func check(_ text: String) throws(JSONSyntaxError) { try StrictJSON.validate(Array(text.utf8)) }

  @Test(arguments: [
    #"{}"#, #"[]"#, #"{"a":[1,2.5,-3e10,0,true,false,null]}"#, #"  "x\n\u00e9\"" "#, #"{"k":"é 🙂 日本"}"#,
    #"[[[[]]]]"#, #"-0.0e+1"#, #"{"a":{"a":1}}"#,
  ])
  func acceptsValidJSON(text: String) throws {
    try check(text)
    #expect(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) != nil)
  }

  @Test(arguments: [
    (#"{"a":1,}"#, "trailing comma"), (#"[1,2,]"#, "trailing comma"), (#"{"a":1,"a":2}"#, "duplicate key \"a\""),
    ("{\"a\":1} // note", "after the end"), ("/* c */ {}", "comments"), (#"[NaN]"#, "NaN"), (#"[Infinity]"#, "NaN"),
    (#"["\x"]"#, "invalid escape"), (#"["\u12G4"]"#, "four hex"), (#"[01]"#, "leading zeros"),
    (#"[1.]"#, "decimal point"),
    (#"{'a':1}"#, "expected a quoted key"), ("[\"a\u{01}\"]", "control characters"), (#"{"a" 1}"#, "expected :"),
    (#"[1 2]"#, "expected , or ]"), (#"{"a":1"#, "not closed"), (#"""#, "not closed"), ("", "unexpected end"),
    ("\u{FEFF}{}", "byte-order mark"), ("[tru]", "expected true"),
  ])
  func rejectsWithAReason(text: String, reason: String) {
    #expect {
      try check(text)
    } throws: { error in
      "\(error)".contains(reason)
    }
  }

  /// Keys repeat only within one object: siblings and nested objects may reuse them; an
  /// object with many keys (past the point where a set takes over) is checked the same way.
  @Test func duplicateKeysAreFoundInTheirOwnObjectOnly() throws {
    try check(#"{"a":{"b":1,"c":{"b":2}},"b":[{"a":1},{"a":2}],"c":3}"#)
    #expect(throws: JSONSyntaxError.self) { try check(#"{"a":{"b":1},"c":2,"a":3}"#) }
    #expect(throws: JSONSyntaxError.self) { try check(#"{"x":{"a":{"b":1},"b":2,"b":3}}"#) }
    let many = (0..<40).map { #""k\#($0)":\#($0)"# }
    try check("{" + many.joined(separator: ",") + "}")
    for repeated in [3, 17, 39] {
      let text = "{" + (many + [#""k\#(repeated)":0"#]).joined(separator: ",") + "}"
      #expect {
        try check(text)
      } throws: { error in
        "\(error)".contains("duplicate key \"k\(repeated)\"")
      }
    }
  }

  @Test func reportsLineAndColumn() {
    let text = "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}"
    #expect {
      try check(text)
    } throws: { error in
      let e = error as! JSONSyntaxError
      return e.line == 3 && e.column == 14
    }
  }

  @Test func rejectsInvalidUTF8AndDeepNesting() {
    #expect(throws: JSONSyntaxError.self) { try StrictJSON.validate([0x22, 0xC3, 0x28, 0x22]) }
    #expect(throws: JSONSyntaxError.self) { try StrictJSON.validate([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    #expect(throws: JSONSyntaxError.self) { try check(String(repeating: "[", count: 10_000)) }
  }

  @Test func writerPutsScalarArraysOnOneLineAndStaysValid() throws {
    struct Doc: Codable, Equatable {
      var list: [Int?]
      var names: [String]
      var nested: [[Int]]
    }
    let doc = Doc(list: [1, nil, 3], names: ["a, \"b\"", "c ] d"], nested: [[1, 2], []])
    let data = try DocumentCoding.encode(doc)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""list" : [1, null, 3]"#))
    #expect(text.contains(#"["a, \"b\"", "c ] d"]"#))
    #expect(text.hasSuffix("}\n"))
    #expect(try DocumentCoding.decode(Doc.self, from: Array(data)) == doc)
  }
}
