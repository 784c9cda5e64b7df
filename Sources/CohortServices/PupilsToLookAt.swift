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

  /// "Pupils to look at: 37 of 1,380".
  public var words: String { "Pupils to look at: \(grouped(flagged)) of \(grouped(outOf))" }

  /// "Autumn 1", or "Summer 2 2025-26" for a run that began last year.
  public static func since(_ t: HalfTermRef, now: HalfTermRef) -> String {
    t.year == now.year ? t.halfTerm.label : "\(t.halfTerm.label) \(t.year)"
  }

  /// `rules` in their order of concern (the registry's: the built-in ones register most
  /// concerning first); within a rule, the longest-standing, then the lowest score.
  public static func build(
    _ a: Analysis, scope: AnalysisScope, group: PupilGroup = .everyone, context c: FlagContext, rules: [FlagRule],
    names: ScopeNames
  ) -> PupilsToLookAt {
    let chosen = a.indices(in: scope, group: group, subject: c.subjects.first?.id ?? "", year: c.at.year).filter {
      a.records[$0].pupil.leftOn == nil
    }
    let subjectNames = Dictionary(c.subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
    var rows: [(Int, Row)] = []
    var pupils = Set<String>()
    for i in chosen {
      let r = a.records[i]
      for (order, rule) in rules.enumerated() {
        for f in rule.flags(for: r, in: c) {
          pupils.insert(r.pupil.id)
          let score = latestScore(r, subject: f.subject, tests: c.tests, upTo: c.at)
          rows.append(
            (
              order,
              Row(
                pupil: r.pupil.id, name: r.pupil.fullName, school: r.school, schoolName: names.school(r.school),
                classID: r.classID, className: names.schoolClass(r.classID), subject: f.subject,
                subjectName: f.subject.flatMap { subjectNames[$0] }, rule: rule.id, ruleTitle: rule.title,
                reason: f.reason, since: since(rule, f, r, c), latestScore: score?.value, latestTest: score?.test)
            ))
        }
      }
    }
    let surnames = Dictionary(chosen.map { (a.records[$0].pupil.id, a.records[$0].pupil.surname) }) { x, _ in x }
    // Sorted by a key made once per row: comparing rows looked each surname up (hashing) and
    // copied rows of a dozen strings at every step, over a second for a trust's thousands.
    let keys = rows.map { o, r in
      SortKey(
        rule: o, since: r.since, score: r.latestScore ?? Int.max,
        names: (r.schoolName, r.className, surnames[r.pupil] ?? "", r.name, r.subject ?? ""))
    }
    let order = rows.indices.sorted { keys[$0] < keys[$1] }
    return PupilsToLookAt(rows: order.map { rows[$0].1 }, flagged: pupils.count, outOf: chosen.count)
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
