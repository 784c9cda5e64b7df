/// A pupil's judgements over the years loaded: one entry per code, sorted by half-term and
/// subject. A flat array rather than a table of tables: a trust's seven years are millions of
/// codes, and one allocation per pupil instead of one per half-term made loading them and
/// counting over them several times faster (docs/performance.md).
public struct PupilCodes: Sendable, Equatable, Sequence {
  public struct Entry: Sendable, Equatable {
    /// `HalfTermRef.ordinal`: four bytes instead of sixteen.
    let ordinal: Int32
    public let subject: String
    public let code: String
    public var when: HalfTermRef { HalfTermRef(ordinal: ordinal) }
  }

  private var entries: [Entry] = []

  public init() {}
  public init(minimumCapacity: Int) { entries.reserveCapacity(minimumCapacity) }

  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
  public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

  /// The code for a subject at a half-term, or nil when none was entered.
  public subscript(subject: String, at when: HalfTermRef) -> String? {
    get {
      let o = when.ordinal
      // Through the buffer: reading an element of the array itself copied (retained) its strings.
      return entries.withUnsafeBufferPointer { e in
        var i = Self.firstIndex(e, atOrAfter: o)
        while i < e.count, e[i].ordinal == o {
          if e[i].subject == subject { return e[i].code }
          i += 1
        }
        return nil
      }
    }
    set {
      let o = when.ordinal
      var i = entries.withUnsafeBufferPointer { Self.firstIndex($0, atOrAfter: o) }
      while i < entries.count, entries[i].ordinal == o, entries[i].subject < subject { i += 1 }
      let found = i < entries.count && entries[i].ordinal == o && entries[i].subject == subject
      switch (newValue, found) {
      case (let code?, true): entries[i] = Entry(ordinal: o, subject: subject, code: code)
      case (let code?, false): entries.insert(Entry(ordinal: o, subject: subject, code: code), at: i)
      case (nil, true): entries.remove(at: i)
      case (nil, false): break
      }
    }
  }

  /// The latest code for a subject at or before `limit`, and after `after` when given.
  public func latest(_ subject: String, upTo limit: HalfTermRef, after: HalfTermRef? = nil) -> String? {
    let lower = after.map { $0.ordinal + 1 } ?? .min
    return entries.withUnsafeBufferPointer { e in
      var i = Self.firstIndex(e, atOrAfter: limit.ordinal + 1)
      while i > 0, e[i - 1].ordinal >= lower {
        i -= 1
        if e[i].subject == subject { return e[i].code }
      }
      return nil
    }
  }

  /// The first entry at or after a half-term. Searched from the end, widening the step each
  /// time, then halving: almost every question is about the latest half-terms, and a plain
  /// binary search over seven years of a pupil's codes missed the cache at every probe.
  private static func firstIndex(_ e: UnsafeBufferPointer<Entry>, atOrAfter o: Int32) -> Int {
    var hi = e.count
    var step = 1
    while hi > 0, e[hi - 1].ordinal >= o {
      hi = Swift.max(0, hi - step)
      step *= 2
    }
    // Now everything from `hi + step / 2` on is at or after `o`, and e[hi - 1] (if any) before it.
    var lo = hi
    hi = Swift.min(e.count, hi + step / 2)
    while lo < hi {
      let mid = (lo + hi) / 2
      if e[mid].ordinal < o { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// `[when: ["reading": "G"]]`, as tests and small tools write a pupil's codes.
extension PupilCodes: ExpressibleByDictionaryLiteral {
  public init(dictionaryLiteral elements: (HalfTermRef, [String: String])...) {
    for (when, codes) in elements {
      for (subject, code) in codes { self[subject, at: when] = code }
    }
  }
}
