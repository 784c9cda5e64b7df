import CohortCore

/// Pupils to look at as one table, the same in the CLI, the app and the packs: a row per
/// reason (pupil, class, subject, the reason in words, since when it has held, the latest
/// standardised score), most concerning first, with the count of pupils beside the n of the
/// scope and group it is out of.
public struct PupilsToLookAt: Sendable {
  public struct Row: Sendable, Codable, Equatable {
    public var pupil: String
    public var name: String
    public var school: String
    public var schoolName: String
    public var classID: String
    public var className: String
    /// Nil for a reason about no one subject.
    public var subject: String?
    public var subjectName: String?
    public var rule: String
    public var ruleTitle: String
    public var reason: String
    /// The first half-term of the unbroken run in which the rule has held, walking back.
    public var since: HalfTermRef
    public var latestScore: Int?
    /// "PiRA Spring" for the latest score.
    public var latestTest: String?
  }

  public var rows: [Row]
  /// Pupils with at least one reason, and the pupils in the scope and group.
  public var flagged: Int
  public var outOf: Int
  /// All the rows, of which `rows` may be the first few.
  public var rowCount: Int

  public init(rows: [Row], flagged: Int, outOf: Int, rowCount: Int? = nil) {
    (self.rows, self.flagged, self.outOf, self.rowCount) = (rows, flagged, outOf, rowCount ?? rows.count)
  }

  /// "Pupils to look at: 37 of 1,380".
  public var words: String { "Pupils to look at: \(grouped(flagged)) of \(grouped(outOf))" }

  /// "Autumn 1", or "Summer 2 2025-26" for a run that began last year.
  public static func since(_ t: HalfTermRef, now: HalfTermRef) -> String {
    t.year == now.year ? t.halfTerm.label : "\(t.halfTerm.label) \(t.year)"
  }

  /// `rules` in their order of concern (the registry's: the built-in ones register most
  /// concerning first); within a rule, the longest-standing, then the lowest score. `limit`
  /// rows at most (the count of all of them in `rowCount`).
  public static func build(
    _ a: Analysis, scope: AnalysisScope, group: PupilGroup = .everyone, context c: FlagContext, rules: [FlagRule],
    names: ScopeNames, limit: Int? = nil
  ) -> PupilsToLookAt {
    let chosen = a.current(in: scope, group: group, subject: c.subjects.first?.id ?? "", year: c.at.year)
    let schools = a.distinct(.school, in: chosen)
    let key = SchoolKey(c, rules: rules, names: names)
    // Schools are independent: their rows on both cores.
    let lists = Parallel.map(schools.count) { i in
      var k = key
      k.school = schools[i]
      return schoolRows(a, k, context: c, rules: rules, names: names)
    }
    return merge(lists, chosen: chosen, records: a.records.count, limit: limit)
  }

  /// Most concerning rule first; within it the longest-standing, then the lowest score, then
  /// by school, class and pupil.
  struct SortKey {
    var rule: Int
    var since: HalfTermRef
    var score: Int
    var names: (String, String, String, String, String)

    static func < (x: SortKey, y: SortKey) -> Bool {
      if x.rule != y.rule { return x.rule < y.rule }
      if x.since != y.since { return x.since < y.since }
      if x.score != y.score { return x.score < y.score }
      return x.names < y.names
    }
  }

  /// Walks back half-term by half-term while the rule still gives the same subject's reason
  /// (at most three years: the records hold no more).
  static func since(_ rule: FlagRule, _ f: PupilFlag, _ r: PupilRecord, _ c: FlagContext) -> HalfTermRef {
    var first = c.at
    for _ in 0..<18 {
      let before = first.previous
      guard rule.flags(for: r, in: c.at(before)).contains(where: { $0.subject == f.subject }) else { break }
      first = before
    }
    return first
  }

  /// The pupil's latest standardised score in the subject up to the half-term's term, any year.
  static func latestScore(_ r: PupilRecord, subject: String?, tests: [TestDefinition], upTo at: HalfTermRef)
    -> (value: Int, test: String)?
  {
    let limit = TermRef(at.year, at.halfTerm.term)
    var best: (TermRef, Int, String)?
    for t in tests where t.subject == subject {
      guard let s = r.scores.latest(t.id, upTo: limit) else { continue }
      if best.map({ s.at > $0.0 }) ?? true { best = (s.at, s.value, "\(t.name) \(s.at.term.label)") }
    }
    return best.map { ($0.1, $0.2) }
  }
}

extension FlagContext {
  /// The same context at another half-term.
  public func at(_ when: HalfTermRef) -> FlagContext {
    FlagContext(scheme: scheme, subjects: subjects, tests: tests, at: when, steps: steps, settings: settings)
  }
}
