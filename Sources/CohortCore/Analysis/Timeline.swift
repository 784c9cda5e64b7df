/// A time that counts in steps: half-terms and terms, numbered so that consecutive ones
/// differ by one and order is kept.
public protocol TimeStep: Comparable, Sendable {
  var ordinal: Int32 { get }
  init(ordinal: Int32)
}

/// One pupil's values over the years loaded, by time and name (a code per subject and
/// half-term, a score per test and term): one flat array sorted by time, then name. It
/// replaced a table of tables per pupil: a trust's seven years are millions of codes, and one
/// allocation per pupil instead of one per half-term made loading them and counting over them
/// several times faster (docs/performance.md). Inlinable: the loader and the flag rules, in
/// other modules, call it once per code.
public struct Timeline<Time: TimeStep, Value: Sendable & Equatable>: Sendable, Equatable, Sequence {
  public struct Entry: Sendable, Equatable {
    /// `Time.ordinal`: four bytes instead of sixteen.
    @usableFromInline let ordinal: Int32
    public let name: String
    public let value: Value
    @inlinable init(ordinal: Int32, name: String, value: Value) {
      (self.ordinal, self.name, self.value) = (ordinal, name, value)
    }
    public var when: Time { Time(ordinal: ordinal) }
    /// `when` as stored, for a binary copy (`DerivedCache`).
    public var timeOrdinal: Int32 { ordinal }
  }

  @usableFromInline var entries: [Entry] = []

  public init() {}
  public init(minimumCapacity: Int) { entries.reserveCapacity(minimumCapacity) }

  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
  public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

  /// Appends a value after every one held, as a stored timeline comes back; false (nothing
  /// appended) when it would be out of order.
  @inlinable public mutating func appendInOrder(ordinal: Int32, name: String, value: Value) -> Bool {
    if let last = entries.last, !Self.isBefore(last, ordinal, name) { return false }
    entries.append(Entry(ordinal: ordinal, name: name, value: value))
    return true
  }

  /// The value for a name at a time, or nil.
  @inlinable public subscript(name: String, at when: Time) -> Value? {
    get {
      let o = when.ordinal
      // Through the buffer: reading an element of the array itself copied (retained) its strings.
      return entries.withUnsafeBufferPointer { e in
        var i = Self.firstIndex(e, atOrAfter: o)
        while i < e.count, e[i].ordinal == o {
          if e[i].name == name { return e[i].value }
          i += 1
        }
        return nil
      }
    }
    set {
      let o = when.ordinal
      // Loading sets values in order: after the last entry, it is an append.
      if let value = newValue, entries.isEmpty || Self.isBefore(entries[entries.count - 1], o, name) {
        entries.append(Entry(ordinal: o, name: name, value: value))
        return
      }
      var i = entries.withUnsafeBufferPointer { Self.firstIndex($0, atOrAfter: o) }
      while i < entries.count, entries[i].ordinal == o, entries[i].name < name { i += 1 }
      let found = i < entries.count && entries[i].ordinal == o && entries[i].name == name
      switch (newValue, found) {
      case (let value?, true): entries[i] = Entry(ordinal: o, name: name, value: value)
      case (let value?, false): entries.insert(Entry(ordinal: o, name: name, value: value), at: i)
      case (nil, true): entries.remove(at: i)
      case (nil, false): break
      }
    }
  }

  /// The latest value for a name at or before `limit`, and after `after` when given.
  @inlinable public func latest(_ name: String, upTo limit: Time, after: Time? = nil) -> (at: Time, value: Value)? {
    let lower = after.map { $0.ordinal + 1 } ?? .min
    return entries.withUnsafeBufferPointer { e in
      var i = Self.firstIndex(e, atOrAfter: limit.ordinal + 1)
      while i > 0, e[i - 1].ordinal >= lower {
        i -= 1
        if e[i].name == name { return (Time(ordinal: e[i].ordinal), e[i].value) }
      }
      return nil
    }
  }

  @inlinable static func isBefore(_ e: Entry, _ o: Int32, _ name: String) -> Bool {
    e.ordinal < o || (e.ordinal == o && e.name < name)
  }

  /// The first entry at or after a time. Searched from the end, widening the step each time,
  /// then halving: almost every question is about the latest half-terms, and a plain binary
  /// search over seven years of a pupil's codes missed the cache at every probe.
  @inlinable static func firstIndex(_ e: UnsafeBufferPointer<Entry>, atOrAfter o: Int32) -> Int {
    var hi = e.count
    var step = 1
    while hi > 0, e[hi - 1].ordinal >= o {
      hi = Swift.max(0, hi - step)
      step *= 2
    }
    // Everything from `hi + step / 2` on is at or after `o`, and e[hi - 1] (if any) before it.
    var lo = hi
    hi = Swift.min(e.count, hi + step / 2)
    while lo < hi {
      let mid = (lo + hi) / 2
      if e[mid].ordinal < o { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// `[when: ["reading": "G"]]`, as tests and small tools write a pupil's values.
extension Timeline: ExpressibleByDictionaryLiteral {
  public init(dictionaryLiteral elements: (Time, [String: Value])...) {
    for (when, values) in elements {
      for (name, value) in values { self[name, at: when] = value }
    }
  }
}

/// A pupil's codes by subject and half-term.
public typealias PupilCodes = Timeline<HalfTermRef, String>
/// A pupil's standardised scores by test and term.
public typealias PupilScores = Timeline<TermRef, Int>

extension HalfTermRef: TimeStep {}

extension TermRef: TimeStep {
  public var ordinal: Int32 { Int32(truncatingIfNeeded: year.startYear * 3 + term.rank) }
  public init(ordinal: Int32) {
    let (y, t) = Int(ordinal).quotientAndRemainder(dividingBy: 3)
    self.init(AcademicYear(startYear: y), Term.allCases[t])
  }
}
