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
      var i = firstIndex(atOrAfter: o)
      while i < entries.count, entries[i].ordinal == o {
        if entries[i].subject == subject { return entries[i].code }
        i += 1
      }
      return nil
    }
    set {
      let o = when.ordinal
      var i = firstIndex(atOrAfter: o)
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
    var i = firstIndex(atOrAfter: limit.ordinal + 1)
    while i > 0, entries[i - 1].ordinal >= lower {
      i -= 1
      if entries[i].subject == subject { return entries[i].code }
    }
    return nil
  }

  /// Binary search: the first entry at or after a half-term.
  private func firstIndex(atOrAfter o: Int32) -> Int {
    // Codes are usually set in order: the end is the common answer.
    if let last = entries.last, last.ordinal < o { return entries.count }
    var (lo, hi) = (0, entries.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if entries[mid].ordinal < o { lo = mid + 1 } else { hi = mid }
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
