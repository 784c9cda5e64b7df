/// The JSON grammar shared by the byte readers of the documents trust-wide views read in bulk
/// (class-years, rosters). Anything unexpected throws `Mismatch`, and the caller goes back to
/// the strict path (StrictJSON + JSONDecoder), which decodes the document or explains it.
struct ByteScanner {
  struct Mismatch: Error {}

  let b: UnsafeBufferPointer<UInt8>
  var i = 0

  /// Only whitespace may follow the document.
  mutating func end() throws {
    space()
    guard i == b.count else { throw Mismatch() }
  }

  // MARK: grammar

  mutating func space() {
    while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
  }

  mutating func open() throws {
    space()
    guard i < b.count, b[i] == UInt8(ascii: "{") else { throw Mismatch() }
    i += 1
  }

  /// The keys seen in one object, to refuse duplicates as the strict validator does.
  struct Keys {
    /// Data keys seen: a list while short (most maps hold a few subjects or half-terms, and
    /// hashing each was a twentieth of `cohort check`), a set past 16 (a school's statutory
    /// results are keyed by hundreds of pupils).
    var seen: [String] = []
    var many: Set<String>?

    /// False when `key` was seen before.
    mutating func insert(_ key: String) -> Bool {
      if many != nil { return many!.insert(key).inserted }
      if seen.contains(key) { return false }
      seen.append(key)
      if seen.count > 16 { many = Set(seen) }
      return true
    }
    /// Known fields seen (bit per index in `Fields`), and the raw bytes of other keys.
    var known: UInt64 = 0
    var others: [Range<Int>] = []
    var started = false
    /// Where the next known key is looked for first: documents are written with their keys
    /// sorted, so with `Fields` in that order the field after the last one matched is almost
    /// always the next.
    var hint = 0
  }

  /// The field names of one kind of object, matched against the raw key bytes so that the
  /// usual key costs no allocation.
  struct Fields {
    let names: [String]
    let bytes: [[UInt8]]
    init(_ names: [String]) {
      precondition(names.count <= 64)
      self.names = names
      self.bytes = names.map { Array($0.utf8) }
    }
  }

  /// Consumes the comma before a key, or the closing brace (then returns false).
  mutating func another(_ keys: inout Keys) throws -> Bool {
    space()
    guard i < b.count else { throw Mismatch() }
    if b[i] == UInt8(ascii: "}") {
      i += 1
      return false
    }
    if keys.started {
      guard b[i] == UInt8(ascii: ",") else { throw Mismatch() }
      i += 1
      space()
    }
    keys.started = true
    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Mismatch() }
    return true
  }

  mutating func colon() throws {
    space()
    guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Mismatch() }
    i += 1
  }

  /// The next key of a map whose keys are data (subjects, half-terms), or nil after the
  /// closing brace.
  mutating func nextKey(_ keys: inout Keys) throws -> String? {
    guard try another(&keys) else { return nil }
    let key = try string()
    guard keys.insert(key) else { throw Mismatch() }
    try colon()
    return key
  }

  /// The next key of a record: one of `fields`' names, "" for any other key (whose value the
  /// caller skips), or nil after the closing brace. Keys with escapes or non-ASCII bytes are
  /// left to the strict path.
  mutating func nextKey(_ keys: inout Keys, _ fields: Fields) throws -> String? {
    try nextField(&keys, fields).map { $0 < 0 ? "" : fields.names[$0] }
  }

  /// The same as a position in `fields`, -1 for any other key: for the records read by the
  /// thousand (pupils, columns), where matching the name again in a `switch` showed up.
  mutating func nextField(_ keys: inout Keys, _ fields: Fields) throws -> Int? {
    guard try another(&keys) else { return nil }
    // The usual case first: the key is the field after the last one matched, byte for byte.
    if keys.hint < fields.bytes.count {
      let k = keys.hint
      let name = fields.bytes[k]
      let close = i + 1 + name.count
      if close < b.count, b[close] == UInt8(ascii: "\""), same(name, i + 1..<close) {
        guard keys.known & (1 << k) == 0 else { throw Mismatch() }
        keys.known |= 1 << k
        keys.hint = k + 1
        i = close + 1
        try colon()
        return k
      }
    }
    i += 1
    let start = i
    while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\"), b[i] >= 0x20, b[i] < 0x80 { i += 1 }
    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Mismatch() }
    let key = start..<i
    i += 1
    try colon()
    let n = fields.bytes.count
    var k = keys.hint
    for _ in 0..<n {
      if k == n { k = 0 }
      let name = fields.bytes[k]
      if name.count == key.count, same(name, key) {
        guard keys.known & (1 << k) == 0 else { throw Mismatch() }
        keys.known |= 1 << k
        keys.hint = k + 1
        return k
      }
      k += 1
    }
    for other in keys.others where other.count == key.count && b[other].elementsEqual(b[key]) { throw Mismatch() }
    keys.others.append(key)
    return -1
  }

  func same(_ name: [UInt8], _ key: Range<Int>) -> Bool {
    var k = key.lowerBound
    for c in name {
      if b[k] != c { return false }
      k += 1
    }
    return true
  }

  /// A JSON array, each element read by `element`.
  mutating func list<T>(_ element: (inout ByteScanner) throws -> T) throws -> [T] {
    var out: [T] = []
    // About a class's worth: most arrays here are one entry per pupil.
    out.reserveCapacity(32)
    try each { s in out.append(try element(&s)) }
    return out
  }

  /// `element` for each entry of a list, for a caller that keeps only some of them.
  mutating func each(_ element: (inout ByteScanner) throws -> Void) throws {
    space()
    guard i < b.count, b[i] == UInt8(ascii: "[") else { throw Mismatch() }
    i += 1
    space()
    if i < b.count, b[i] == UInt8(ascii: "]") {
      i += 1
      return
    }
    while true {
      try element(&self)
      space()
      guard i < b.count else { throw Mismatch() }
      if b[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      guard b[i] == UInt8(ascii: ",") else { throw Mismatch() }
      i += 1
    }
  }

  mutating func strings() throws -> [String] { try list { s in try s.string() } }
}
