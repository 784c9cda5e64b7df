import CohortCore

extension ByteScanner {
  /// A JSON string. Plain text (the usual case) becomes a String straight from the bytes;
  /// UTF-8 is checked as strictly as the validator does, and escapes are decoded.
  mutating func string() throws -> String {
    space()
    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Mismatch() }
    i += 1
    let start = i
    var plain = true
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "\"") { break }
      if c < 0x20 { throw Mismatch() }
      if c == UInt8(ascii: "\\") {
        plain = false
        i += 2
      } else if c >= 0x80 {
        var p = StrictJSON.Parser(b: b)
        p.i = i
        do { try p.utf8() } catch { throw Mismatch() }
        i = p.i
      } else {
        i += 1
      }
    }
    guard i < b.count else { throw Mismatch() }
    let text = UnsafeBufferPointer(rebasing: b[start..<i])
    i += 1
    return plain ? String(decoding: text, as: UTF8.self) : try Self.unescape(text)
  }

  /// Decodes \" \\ \/ \b \f \n \r \t and \uXXXX (surrogate pairs joined; a lone surrogate is
  /// left to the strict path).
  static func unescape(_ s: UnsafeBufferPointer<UInt8>) throws -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var k = 0
    func hex4(_ at: Int) throws -> UInt32 {
      guard at + 4 <= s.count else { throw Mismatch() }
      var v: UInt32 = 0
      for c in s[at..<at + 4] {
        let d: UInt32
        switch c {
        case 0x30...0x39: d = UInt32(c - 0x30)
        case 0x41...0x46: d = UInt32(c - 0x41 + 10)
        case 0x61...0x66: d = UInt32(c - 0x61 + 10)
        default: throw Mismatch()
        }
        v = v << 4 | d
      }
      return v
    }
    while k < s.count {
      let c = s[k]
      guard c == UInt8(ascii: "\\") else {
        out.append(c)
        k += 1
        continue
      }
      guard k + 1 < s.count else { throw Mismatch() }
      let e = s[k + 1]
      k += 2
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4(k)
        k += 4
        if (0xD800...0xDBFF).contains(scalar) {
          guard k + 6 <= s.count, s[k] == UInt8(ascii: "\\"), s[k + 1] == UInt8(ascii: "u") else { throw Mismatch() }
          let low = try hex4(k + 2)
          guard (0xDC00...0xDFFF).contains(low) else { throw Mismatch() }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          k += 6
        }
        guard let u = Unicode.Scalar(scalar) else { throw Mismatch() }
        UTF8.encode(u) { out.append($0) }
      default: throw Mismatch()
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Consumes `null` if it comes next.
  mutating func null() -> Bool {
    space()
    guard i + 4 <= b.count, b[i] == UInt8(ascii: "n"), b[i + 1] == UInt8(ascii: "u"), b[i + 2] == UInt8(ascii: "l"),
      b[i + 3] == UInt8(ascii: "l")
    else { return false }
    i += 4
    return true
  }

  /// A plain integer; fractions, exponents, `-0` and overflow are left to the strict path.
  mutating func int() throws -> Int64 {
    space()
    let negative = i < b.count && b[i] == UInt8(ascii: "-")
    if negative { i += 1 }
    let start = i
    var value: Int64 = 0
    // Eighteen digits cannot overflow: only longer numbers pay for the checks.
    while i < b.count, b[i] &- 0x30 < 10, i - start < 18 {
      value = value &* 10 &- Int64(b[i] &- 0x30)
      i += 1
    }
    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.subtractingReportingOverflow(Int64(b[i] - 0x30))
      guard !o1, !o2 else { throw Mismatch() }
      value = s
      i += 1
    }
    let digits = i - start
    guard digits > 0, !(digits > 1 && b[start] == 0x30), !(negative && value == 0) else { throw Mismatch() }
    if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
      throw Mismatch()
    }
    // Accumulated negatively so that Int64.min fits.
    if negative { return value }
    let (v, o) = Int64(0).subtractingReportingOverflow(value)
    guard !o else { throw Mismatch() }
    return v
  }

  /// Skips a value of a key we do not know, checking it with the strict validator's grammar
  /// (counted as nested deeper than it is, so the depth limit is never looser than strict).
  mutating func skip() throws {
    space()
    var p = StrictJSON.Parser(b: b)
    p.i = i
    do { try p.value(depth: 8) } catch { throw Mismatch() }
    i = p.i
  }

  /// Steps over an array or object by its brackets and strings alone, checking nothing else:
  /// for values a read-only view does not use (a class's cells, read for its meetings), where
  /// checking them cost as much as building them. Anything but an array or object, an
  /// unclosed string or bracket, is a mismatch.
  mutating func step() throws { _ = try step(noting: nil) }

  /// `true` or `false`.
  mutating func bool() throws -> Bool {
    space()
    if i + 4 <= b.count, b[i] == UInt8(ascii: "t"), b[i + 1] == UInt8(ascii: "r"), b[i + 2] == UInt8(ascii: "u"),
      b[i + 3] == UInt8(ascii: "e")
    {
      i += 4
      return true
    }
    if i + 5 <= b.count, b[i] == UInt8(ascii: "f"), b[i + 1] == UInt8(ascii: "a"), b[i + 2] == UInt8(ascii: "l"),
      b[i + 3] == UInt8(ascii: "s"), b[i + 4] == UInt8(ascii: "e")
    {
      i += 5
      return false
    }
    throw Mismatch()
  }

  /// `n` ASCII digits at `at` as a number, or nil.
  func digits(_ at: Int, _ n: Int) -> Int? {
    var v = 0
    for k in at..<at + n {
      guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
      v = v * 10 + Int(b[k] - 0x30)
    }
    return v
  }

  /// A "YYYY-MM-DD" date read from the bytes (SchoolDate(iso:) handles any other spelling).
  mutating func date() throws -> SchoolDate {
    space()
    if i + 12 <= b.count, b[i] == UInt8(ascii: "\""), b[i + 11] == UInt8(ascii: "\""), b[i + 5] == UInt8(ascii: "-"),
      b[i + 8] == UInt8(ascii: "-"), let y = digits(i + 1, 4), let m = digits(i + 6, 2), let d = digits(i + 9, 2)
    {
      guard let date = SchoolDate(year: y, month: m, day: d) else { throw Mismatch() }
      i += 12
      return date
    }
    guard let date = SchoolDate(iso: try string()) else { throw Mismatch() }
    return date
  }
}
