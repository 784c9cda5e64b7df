import Foundation

/// How a breakdown groups pupils: the level below a scope.
public enum RecordKey: Sendable, Hashable {
  case school, yearGroup, schoolClass
  /// DfE's main ethnicity category (special category data: shown to leaders in groups of 5 or more).
  case ethnicity

  /// The school's id, the year group's number ("0" for Reception), the class's id or the
  /// ethnicity category.
  public func value(of r: PupilRecord) -> String {
    switch self {
    case .school: r.school
    case .yearGroup: String(r.yearGroup.number)
    case .schoolClass: r.classID
    case .ethnicity: EthnicityCodes.category(of: r.pupil.ethnicity)
    }
  }

  /// The year group a `.yearGroup` value stands for.
  public static func yearGroup(_ value: String) -> YearGroup { YearGroup(Int(value) ?? 0) }

  /// The primary year groups' values and names ("3": "Year 3"), for showing a breakdown.
  public static let yearGroupNames = Dictionary(
    uniqueKeysWithValues: YearGroup.primary.map { (String($0.number), $0.label) })
}

/// One small number per record and the strings the numbers stand for.
struct Column: Sendable {
  var ordinals: [UInt32]
  var names: [String]
}

/// Strings numbered in the order first seen.
struct Numbering {
  private(set) var names: [String] = []
  private var index: [String: UInt32] = [:]

  init(reserving first: String? = nil) {
    if let first { _ = number(first) }
  }

  mutating func number(_ name: String) -> UInt32 {
    // A scheme has a handful of codes: comparing a few strings beats hashing each one.
    if names.count <= 16, let i = names.firstIndex(of: name) { return UInt32(i) }
    if names.count > 16, let i = index[name] { return i }
    let n = UInt32(names.count)
    names.append(name)
    index[name] = n
    return n
  }
}

/// What trust-wide counts read of every record, as arrays aligned with the records, built on
/// first use and kept for the life of the `Analysis` (one load of records). Counting a
/// subject over 60,000 pupils is then a walk over an array of numbers, not a lookup in each
/// pupil's codes: the trust level of the drill-down went from ~160 ms to a few.
/// `@unchecked Sendable`: `lock` guards every cache (`cached` reads and fills them under it).
final class RecordColumns: @unchecked Sendable {
  private let lock = NSLock()
  private var codes: [CodeColumnKey: Column] = [:]
  private var keys: [RecordKey: Column] = [:]
  /// One entry (key 0), a table only so that it is cached like the others.
  private var traits: [Int: [UInt32]] = [:]
  private var chosen: [ChosenKey: [Int]] = [:]
  private var memos: [AnyHashable: any Sendable] = [:]

  /// A scope and group; the subject and year only where the group needs prior attainment.
  struct ChosenKey: Hashable {
    let scope: AnalysisScope
    let group: PupilGroup
    let subject: String
    let year: AcademicYear?
    /// Only pupils still in their class (leavers are neither chased nor flagged).
    let current: Bool
  }

  struct CodeColumnKey: Hashable {
    let subject: String
    let when: HalfTermRef
  }

  /// Each record's code for a subject at a half-term; ordinal 0 is "no code".
  func codes(_ records: [PupilRecord], subject: String, at when: HalfTermRef) -> Column {
    cached(\.codes, CodeColumnKey(subject: subject, when: when)) {
      var numbering = Numbering(reserving: "")
      // By position: a closure taking each record copied (retained) all of its fields.
      let ordinals = records.withUnsafeBufferPointer { buf in
        buf.indices.map { i -> UInt32 in buf[i].codes[subject, at: when].map { numbering.number($0) } ?? 0 }
      }
      return Column(ordinals: ordinals, names: numbering.names)
    }
  }

  func key(_ records: [PupilRecord], _ key: RecordKey) -> Column {
    cached(\.keys, key) {
      var numbering = Numbering()
      let ordinals = records.withUnsafeBufferPointer { buf in
        buf.indices.map { numbering.number(key.value(of: buf[$0])) }
      }
      return Column(ordinals: ordinals, names: numbering.names)
    }
  }

  /// The traits that do not depend on codes, as bits (`PupilGroup.Trait.bit`).
  func traits(_ records: [PupilRecord]) -> [UInt32] {
    cached(\.traits, 0) {
      let fixed = PupilGroup.Trait.allCases.filter { $0.priorBand == nil }
      return records.withUnsafeBufferPointer { buf in
        buf.map { r in
          fixed.reduce(UInt32(0)) { bits, t in PupilGroup.has(t, r, { _ in nil }) ? bits | t.bit : bits }
        }
      }
    }
  }

  /// A column from the cache, or built (outside the lock, so that columns for different
  /// subjects are built on both cores at once) and kept; the first one kept wins.
  private func cached<K: Hashable, V>(
    _ table: ReferenceWritableKeyPath<RecordColumns, [K: V]>, _ key: K, _ build: () -> V
  ) -> V {
    if let known = lock.withLock({ self[keyPath: table][key] }) { return known }
    let built = build()
    return lock.withLock {
      if let first = self[keyPath: table][key] { return first }
      self[keyPath: table][key] = built
      return built
    }
  }

  /// The positions of a scope and group's pupils: every chart of a view asks for them again.
  func chosen(_ key: ChosenKey, _ compute: () -> [Int]) -> [Int] { cached(\.chosen, key, compute) }

  /// Anything worked out once over the records, under a key the caller makes (a key of its
  /// own type, so that no two callers' keys meet).
  func memo<K: Hashable & Sendable, V: Sendable>(_ key: K, _ compute: () -> V) -> V {
    let any = cached(\.memos, AnyHashable(key)) { compute() as any Sendable }
    return any as? V ?? compute()
  }
}

extension PupilGroup.Trait {
  var bit: UInt32 { 1 << UInt32(Self.allCases.firstIndex(of: self)!) }

  /// The band of the first judgement of the year that the trait stands for.
  var priorBand: CommonBand? {
    switch self {
    case .lowPrior: .below
    case .middlePrior: .at
    case .highPrior: .above
    default: nil
    }
  }
}

extension PupilGroup {
  var withBits: UInt32 { with.reduce(0) { $0 | $1.bit } }
  var withoutBits: UInt32 { without.reduce(0) { $0 | $1.bit } }
  var needsPrior: Bool { (with + without).contains { $0.priorBand != nil } }
}
