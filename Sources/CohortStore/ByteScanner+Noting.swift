/// Stepping over a record while noting one of its keys: how a view that needs a few of a
/// school's pupils passes the others at the speed of `step`, reading only their ids.
extension ByteScanner {
  static let idKey = Array("id".utf8)

  /// Steps over an array or object as `step` does (brackets and strings only, nothing else
  /// checked) and gives the bytes of the value of its own key `key` (not a nested object's)
  /// when that is a string without escapes; nil when there is none such (the caller then reads
  /// it in full).
  mutating func step(noting key: [UInt8]?) throws -> Range<Int>? {
    try step(noting: key, stoppingAt: { _ in false }).noted
  }

  /// The same, stopping as soon as `stop` says so of the noted value: then `stopped` is true
  /// and `i` is left inside the record (the caller goes back to read it in full).
  mutating func step(noting key: [UInt8]?, stoppingAt stop: (Range<Int>) -> Bool) throws
    -> (noted: Range<Int>?, stopped: Bool)
  {
    space()
    guard let base = b.baseAddress, i < b.count, b[i] == UInt8(ascii: "[") || b[i] == UInt8(ascii: "{") else {
      throw Mismatch()
    }
    let n = b.count
    var j = i
    var depth = 0
    var found: Range<Int>?
    while j < n {
      let c = base[j]
      // Nearly every byte is none of the five that matter (" [ ] { }): one cheap test for them
      // all, since only [ and { become { with 0x20 set, and only ] and } become }.
      let folded = c | 0x20
      guard c == UInt8(ascii: "\"") || folded == UInt8(ascii: "{") || folded == UInt8(ascii: "}") else {
        j += 1
        continue
      }
      if c == UInt8(ascii: "\"") {
        let start = j + 1
        j = start
        while j < n {
          let d = base[j]
          if d == UInt8(ascii: "\"") { break }
          j += d == UInt8(ascii: "\\") ? 2 : 1
        }
        guard j < n else { throw Mismatch() }
        if let key, depth == 1, found == nil, j - start == key.count, same(key, start..<j) {
          i = j
          found = plainValue()
          if let found, stop(found) { return (found, true) }
        }
      } else if folded == UInt8(ascii: "{") {
        depth += 1
      } else {
        depth -= 1
        if depth == 0 {
          i = j + 1
          return (found, false)
        }
      }
      j += 1
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
