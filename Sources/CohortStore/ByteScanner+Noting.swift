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
      // Eight bytes at a time to the next of the five that matter (" [ ] { }).
      j = Self.next(base, from: j, count: n, quote: true, brackets: true)
      guard j < n else { break }
      let c = base[j]
      if c == UInt8(ascii: "\"") {
        let start = j + 1
        j = start
        while j < n {
          j = Self.next(base, from: j, count: n, quote: true, backslash: true)
          guard j < n else { break }
          if base[j] == UInt8(ascii: "\"") { break }
          j += 2
        }
        guard j < n else { throw Mismatch() }
        if let key, depth == 1, found == nil, j - start == key.count, same(key, start..<j) {
          i = j
          found = plainValue()
          if let found, stop(found) { return (found, true) }
        }
      } else if c | 0x20 == UInt8(ascii: "{") {
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

  /// The index of the first byte from `from` that is a quote (`quote`), a backslash
  /// (`backslash`), or a bracket (`brackets`: any of [ ] { }), or `count`. Only [ and { become {
  /// with 0x20 set, and only ] and } become }; a word's bytes are tested at once, and the lowest
  /// byte found is exact (a borrow only marks bytes above a real match).
  @inline(__always)
  static func next(
    _ base: UnsafePointer<UInt8>, from start: Int, count n: Int, quote: Bool = false, backslash: Bool = false,
    brackets: Bool = false
  ) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    var j = start
    let raw = UnsafeRawPointer(base)
    while j + 8 <= n {
      let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
      var hits: UInt64 = 0
      if quote { hits |= zeros(w ^ (ones &* 0x22)) }
      if backslash { hits |= zeros(w ^ (ones &* 0x5C)) }
      if brackets {
        let folded = w | (ones &* 0x20)
        hits |= zeros(folded ^ (ones &* 0x7B)) | zeros(folded ^ (ones &* 0x7D))
      }
      if hits != 0 { return j + hits.trailingZeroBitCount / 8 }
      j += 8
    }
    while j < n {
      let c = base[j]
      let folded = c | 0x20
      if (quote && c == 0x22) || (backslash && c == 0x5C) || (brackets && (folded == 0x7B || folded == 0x7D)) {
        return j
      }
      j += 1
    }
    return n
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
