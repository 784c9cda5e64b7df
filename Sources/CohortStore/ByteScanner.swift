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
    var seen: [String] = []
    var started = false
  }

  /// The next key of the object (its colon consumed), or nil after the closing brace.
  mutating func nextKey(_ keys: inout Keys) throws -> String? {
    space()
    guard i < b.count else { throw Mismatch() }
    if b[i] == UInt8(ascii: "}") {
      i += 1
      return nil
    }
    if keys.started {
      guard b[i] == UInt8(ascii: ",") else { throw Mismatch() }
      i += 1
      space()
    }
    keys.started = true
    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Mismatch() }
    let key = try string()
    guard !keys.seen.contains(key) else { throw Mismatch() }
    keys.seen.append(key)
    space()
    guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Mismatch() }
    i += 1
    return key
  }

  /// A JSON array, each element read by `element`.
  mutating func list<T>(_ element: (inout ByteScanner) throws -> T) throws -> [T] {
    space()
    guard i < b.count, b[i] == UInt8(ascii: "[") else { throw Mismatch() }
    i += 1
    var out: [T] = []
    space()
    if i < b.count, b[i] == UInt8(ascii: "]") {
      i += 1
      return out
    }
    while true {
      out.append(try element(&self))
      space()
      guard i < b.count else { throw Mismatch() }
      if b[i] == UInt8(ascii: "]") {
        i += 1
        return out
      }
      guard b[i] == UInt8(ascii: ",") else { throw Mismatch() }
      i += 1
    }
  }

  mutating func strings() throws -> [String] { try list { s in try s.string() } }
}
