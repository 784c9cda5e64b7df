/// Stepping over a record while noting one of its keys: how a view that needs a few of a
/// school's pupils passes the others at the speed of `step`, reading only their ids.
extension ByteScanner {
  static let idKey = Array("id".utf8)

  /// Steps over an array or object as `step` does (brackets and strings only, nothing else
  /// checked) and gives the bytes of the value of its own key `key` (not a nested object's)
  /// when that is a string without escapes; nil when there is none such (the caller then reads
  /// it in full).
  mutating func step(noting key: [UInt8]?) throws -> Range<Int>? {
    space()
    guard i < b.count, b[i] == UInt8(ascii: "[") || b[i] == UInt8(ascii: "{") else { throw Mismatch() }
    var depth = 0
    var found: Range<Int>?
    while i < b.count {
      switch b[i] {
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 {
          i += 1
          return found
        }
      case UInt8(ascii: "\""):
        let start = i + 1
        i = start
        while i < b.count, b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
        guard i < b.count else { throw Mismatch() }
        if let key, depth == 1, found == nil, i - start == key.count, same(key, start..<i) { found = plainValue() }
      default: break
      }
      i += 1
    }
    throw Mismatch()
  }

  /// At a key's closing quote: the bytes of its value when that is a string without escapes.
  /// Looks ahead only (`i` is where it was).
  private mutating func plainValue() -> Range<Int>? {
    let at = i
    defer { i = at }
    i += 1
    space()
    guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
    i += 1
    space()
    guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
    let start = i + 1
    var k = start
    while k < b.count, b[k] != UInt8(ascii: "\""), b[k] != UInt8(ascii: "\\") { k += 1 }
    return k < b.count && b[k] == UInt8(ascii: "\"") ? start..<k : nil
  }
}
