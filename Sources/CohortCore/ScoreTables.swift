/// A test's age-standardisation tables, keyed by level (year group), term and edition: the
/// publisher prints one per level and term, with ages that overlap, so a lookup picks the
/// table of the pupil's level and the test's term (the newest edition of it) and names it.
public struct ScoreTables: Sendable {
  public let tables: [ScoreTable]
  public init(_ tables: [ScoreTable]) { self.tables = tables }

  public var isEmpty: Bool { tables.isEmpty }

  /// The score and the table that gave it.
  public struct Lookup: Sendable, Hashable {
    public let score: Int
    public let table: ScoreTable
  }

  /// The table for a level and term: one printed for both beats one for either, which beats
  /// one for any; among equals the newest edition.
  public func table(level: YearGroup, term: Term) -> ScoreTable? {
    func fits(_ t: ScoreTable) -> Bool { (t.level ?? level.number) == level.number && (t.term ?? term) == term }
    func specificity(_ t: ScoreTable) -> Int { (t.level == nil ? 0 : 2) + (t.term == nil ? 0 : 1) }
    return tables.filter(fits).max { a, b in
      specificity(a) != specificity(b) ? specificity(a) < specificity(b) : Edition.isOlder(a.edition, than: b.edition)
    }
  }

  /// Throws with the reason (no table for the level and term, or the age or raw score
  /// outside the table it chose), naming the table.
  public func standardise(raw: Int, age: Age, level: YearGroup, term: Term, test: String) throws -> Lookup {
    guard let t = table(level: level, term: term) else {
      let have = tables.map(\.name).joined(separator: "; ")
      throw InputError(
        "no age-standardisation table of \(test) for \(level.shortLabel) in \(term.rawValue)\(have.isEmpty ? "" : " (there are: \(have))"): import one with `cohort import table --level \(level.number) --term \(term.rawValue)`"
      )
    }
    return Lookup(score: try t.standardised(raw: raw, age: age), table: t)
  }
}

/// Editions compared as editions: by their numbers in order ("2nd" < "10th", "2019" <
/// "2023", "v2.1" < "v2.10"), then as text.
public enum Edition {
  public static func isOlder(_ a: String, than b: String) -> Bool {
    let (na, nb) = (numbers(a), numbers(b))
    if na != nb { return na.lexicographicallyPrecedes(nb) }
    return a < b
  }

  static func numbers(_ s: String) -> [Int] {
    s.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0.prefix(9)) }
  }
}
