/// A compact binary form for derived data kept outside the data folder (`DerivedCache`): never a
/// document, never read by another program, so no JSON. Integers are little-endian varints
/// (zigzag for signed), strings a length and UTF-8. The reader checks every bound and answers
/// nil on anything short or malformed: a damaged cache entry is a miss, never a crash.
public struct BinaryWriter {
  public private(set) var bytes: [UInt8] = []
  public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  public mutating func unsigned(_ v: UInt64) {
    var v = v
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }
  public mutating func int(_ v: Int) { unsigned(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
  public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
  public mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { utf8 in
      unsigned(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }
  public mutating func optionalString(_ s: String?) {
    bool(s != nil)
    if let s { string(s) }
  }
  public mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

public struct BinaryReader {
  let bytes: [UInt8]
  public private(set) var offset: Int
  public init(_ bytes: [UInt8], from offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }
  public var atEnd: Bool { offset == bytes.count }

  public mutating func unsigned() -> UInt64? {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 64 {
      let b = bytes[offset]
      offset += 1
      v |= UInt64(b & 0x7f) << shift
      if b < 0x80 { return v }
      shift += 7
    }
    return nil
  }
  public mutating func int() -> Int? {
    guard let u = unsigned() else { return nil }
    return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
  }
  /// A count of things each at least one byte long: never more than the bytes left.
  public mutating func count() -> Int? {
    guard let u = unsigned(), u <= UInt64(bytes.count - offset) else { return nil }
    return Int(u)
  }
  public mutating func bool() -> Bool? {
    guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
    offset += 1
    return bytes[offset - 1] == 1
  }
  public mutating func string() -> String? {
    guard let n = count() else { return nil }
    defer { offset += n }
    // Not `String(validating:)`, whose generic path was a tenth of reading a cache back: what
    // was written is valid UTF-8 and the entry's hash says it is what was written.
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + n]), as: UTF8.self)
    }
  }
  public mutating func optionalString() -> String?? {
    guard let present = bool() else { return nil }
    guard present else { return .some(nil) }
    guard let s = string() else { return nil }
    return .some(s)
  }
}

/// A 64-bit hash of bytes, eight at a time, to tell a torn or damaged cache entry from a whole
/// one (not for security: the cache is the user's own, 0600).
public func contentHash(_ bytes: [UInt8], from start: Int = 0) -> UInt64 {
  var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count - start)
  bytes.withUnsafeBytes { raw in
    var i = start
    while i + 8 <= raw.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3 &+ (h >> 29)
      i += 8
    }
    while i < raw.count {
      h = (h ^ UInt64(raw[i])) &* 0x100_0000_01B3
      i += 1
    }
  }
  return h ^ (h >> 32)
}

/// Strings that repeat (class ids, subjects, codes, tests), written once before the data that
/// refers to them by number (-1 for none): reading them back makes each string once.
public struct StringTable {
  var index: [String: Int] = [:]
  public private(set) var strings: [String] = []
  public init() {}

  public mutating func ref(_ s: String?) -> Int {
    guard let s else { return -1 }
    if let i = index[s] { return i }
    index[s] = strings.count
    strings.append(s)
    return strings.count - 1
  }

  public func append(to w: inout BinaryWriter) {
    w.unsigned(UInt64(strings.count))
    for s in strings { w.string(s) }
  }
}

extension BinaryReader {
  public mutating func table() -> [String]? {
    guard let n = count() else { return nil }
    var strings: [String] = []
    strings.reserveCapacity(n)
    for _ in 0..<n {
      guard let s = string() else { return nil }
      strings.append(s)
    }
    return strings
  }

  public mutating func string(in table: [String]) -> String? {
    guard let i = int(), table.indices.contains(i) else { return nil }
    return table[i]
  }

  public mutating func optionalString(in table: [String]) -> String?? {
    guard let i = int() else { return nil }
    if i == -1 { return .some(nil) }
    guard table.indices.contains(i) else { return nil }
    return .some(table[i])
  }
}
