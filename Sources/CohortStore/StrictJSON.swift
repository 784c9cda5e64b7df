/// A strict RFC 8259 check run before decoding: Foundation's parser is lenient in places
/// (duplicate keys, for one), and a document a person edited by hand deserves an error with
/// a line and column rather than a silently different meaning.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let message: String
  public var description: String { "line \(line), column \(column): \(message)" }
}

public enum StrictJSON {
  static let maxDepth = 256

  public static func validate(_ bytes: [UInt8]) throws(JSONSyntaxError) {
    try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
      var p = Parser(b: buffer)
      if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
        throw p.error("a byte-order mark (BOM) is not allowed")
      }
      p.skipSpace()
      try p.value(depth: 0)
      p.skipSpace()
      if p.i < buffer.count { throw p.error("unexpected text after the end of the document") }
    }
  }

  struct Parser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// The keys of the objects being read, innermost last, as ranges of `b`: one array for
    /// the whole document instead of a set per object (hashing and allocating a set for every
    /// small object was a quarter of reading seven years of a trust).
    var keys: [Range<Int>] = []

    init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

    func error(_ message: String) -> JSONSyntaxError {
      var line = 1
      var column = 1
      for k in 0..<min(i, b.count) {
        if b[k] == 0x0A {
          line += 1
          column = 1
        } else if b[k] & 0xC0 != 0x80 {
          column += 1
        }
      }
      return JSONSyntaxError(line: line, column: column, message: message)
    }

    mutating func skipSpace() {
      while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) {
      guard depth < StrictJSON.maxDepth else { throw error("nested too deeply") }
      guard i < b.count else { throw error("unexpected end of the document") }
      switch b[i] {
      case UInt8(ascii: "{"): try object(depth: depth)
      case UInt8(ascii: "["): try array(depth: depth)
      case UInt8(ascii: "\""): _ = try string()
      case UInt8(ascii: "t"): try literal("true")
      case UInt8(ascii: "f"): try literal("false")
      case UInt8(ascii: "n"): try literal("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
      case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
      case UInt8(ascii: "N"), UInt8(ascii: "I"): throw error("NaN and Infinity are not JSON numbers")
      case UInt8(ascii: "'"): throw error("strings must use double quotes")
      default: throw error("expected a value")
      }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
      let n = word.utf8CodeUnitCount
      guard i + n <= b.count else { throw error("expected \(word)") }
      for k in 0..<n where b[i + k] != word.utf8Start[k] { throw error("expected \(word)") }
      i += n
    }

    mutating func number() throws(JSONSyntaxError) {
      if b[i] == UInt8(ascii: "-") { i += 1 }
      guard i < b.count, isDigit(b[i]) else { throw error("a number needs digits") }
      if b[i] == UInt8(ascii: "0") {
        i += 1
        if i < b.count, isDigit(b[i]) { throw error("numbers cannot have leading zeros") }
      } else {
        while i < b.count, isDigit(b[i]) { i += 1 }
      }
      if i < b.count, b[i] == UInt8(ascii: ".") {
        i += 1
        guard i < b.count, isDigit(b[i]) else { throw error("a decimal point needs digits after it") }
        while i < b.count, isDigit(b[i]) { i += 1 }
      }
      if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { throw error("an exponent needs digits") }
        while i < b.count, isDigit(b[i]) { i += 1 }
      }
    }

    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// The string's bytes between its quotes, escapes as written (for duplicate-key checks).
    mutating func string() throws(JSONSyntaxError) -> Range<Int> {
      i += 1
      let start = i
      while i < b.count {
        let c = b[i]
        if c == UInt8(ascii: "\"") {
          i += 1
          return start..<(i - 1)
        }
        if c < 0x20 { throw error("control characters must be escaped in strings") }
        if c == UInt8(ascii: "\\") {
          i += 1
          guard i < b.count else { break }
          switch b[i] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
          case UInt8(ascii: "u"):
            guard i + 4 < b.count, (1...4).allSatisfy({ isHex(b[i + $0]) }) else {
              throw error("\\u must be followed by four hex digits")
            }
            i += 5
          default: throw error("invalid escape in a string")
          }
        } else if c >= 0x80 {
          try utf8()
        } else {
          i += 1
        }
      }
      throw error("a string is not closed")
    }

    func isHex(_ c: UInt8) -> Bool {
      isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    mutating func utf8() throws(JSONSyntaxError) {
      let c = b[i]
      let (n, low): (Int, UInt32) =
        c >= 0xF0 && c <= 0xF4 ? (3, 0x10000) : c >= 0xE0 ? (2, 0x800) : c >= 0xC2 && c < 0xE0 ? (1, 0x80) : (0, 0)
      guard n > 0, i + n < b.count else { throw error("text is not valid UTF-8") }
      var scalar = UInt32(c) & (n == 3 ? 0x07 : n == 2 ? 0x0F : 0x1F)
      for k in 1...n {
        guard b[i + k] & 0xC0 == 0x80 else { throw error("text is not valid UTF-8") }
        scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
      }
      guard scalar >= low, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
        throw error("text is not valid UTF-8")
      }
      i += n + 1
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) {
      i += 1
      skipSpace()
      if i < b.count, b[i] == UInt8(ascii: "}") {
        i += 1
        return
      }
      let first = keys.count
      defer { keys.removeSubrange(first...) }
      // Beyond a few keys, a set: comparing each new key with every earlier one grows as n².
      var many: Set<ArraySlice<UInt8>>?
      while true {
        guard i < b.count else { throw error("an object is not closed") }
        guard b[i] == UInt8(ascii: "\"") else {
          throw error(b[i] == UInt8(ascii: "}") ? "trailing comma before }" : "expected a quoted key")
        }
        let keyStart = i
        let key = try string()
        if isDuplicate(key, since: first, many: &many) {
          i = keyStart
          throw error("duplicate key \"\(String(decoding: b[key], as: UTF8.self))\"")
        }
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected : after a key") }
        i += 1
        skipSpace()
        try value(depth: depth + 1)
        skipSpace()
        guard i < b.count else { throw error("an object is not closed") }
        if b[i] == UInt8(ascii: "}") {
          i += 1
          return
        }
        guard b[i] == UInt8(ascii: ",") else { throw error("expected , or } in an object") }
        i += 1
        skipSpace()
      }
    }

    /// Whether an object's key was already given in it (keys compare as written, escapes and all).
    mutating func isDuplicate(_ key: Range<Int>, since first: Int, many: inout Set<ArraySlice<UInt8>>?) -> Bool {
      if many != nil { return !many!.insert(ArraySlice(b[key])).inserted }
      for k in keys[first...] where k.count == key.count && b[k].elementsEqual(b[key]) { return true }
      keys.append(key)
      if keys.count - first > 16 { many = Set(keys[first...].map { ArraySlice(b[$0]) }) }
      return false
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) {
      i += 1
      skipSpace()
      if i < b.count, b[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      while true {
        if i < b.count, b[i] == UInt8(ascii: "]") { throw error("trailing comma before ]") }
        try value(depth: depth + 1)
        skipSpace()
        guard i < b.count else { throw error("an array is not closed") }
        if b[i] == UInt8(ascii: "]") {
          i += 1
          return
        }
        guard b[i] == UInt8(ascii: ",") else { throw error("expected , or ] in an array") }
        i += 1
        skipSpace()
      }
    }
  }
}
