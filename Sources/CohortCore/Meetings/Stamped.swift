/// A record that is replaced whole, never edited in place, with who wrote it and when: the
/// unit in which meetings merge. Two copies keep, per record id, the one that wins (newest,
/// then the same tie-break as a judgement cell), so merges are order-independent.
public struct Stamped<Value: Hashable & Sendable>: Hashable, Sendable {
  public var value: Value
  public var author: Author
  /// Milliseconds since 1970 (UTC).
  public var at: Int64

  public init(_ value: Value, author: Author, at: Int64) {
    self.value = value
    self.author = author
    self.at = at
  }

  public func wins(over other: Stamped) -> Bool {
    if at != other.at { return at > other.at }
    if author != other.author { return other.author < author }
    // Equal time and author with different content: any order that every process agrees on
    // (hash values are seeded per process, so not them).
    return String(describing: value) > String(describing: other.value)
  }
}

extension Dictionary {
  /// Record-by-record merge: the winner of each id.
  func mergedRecords<V>(with other: Self) -> Self where Value == Stamped<V> {
    var out = self
    for (id, theirs) in other {
      if let mine = out[id], !theirs.wins(over: mine) { continue }
      out[id] = theirs
    }
    return out
  }
}
