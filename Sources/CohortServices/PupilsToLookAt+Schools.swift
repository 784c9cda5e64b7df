import CohortCore

/// Each school's rows, worked out once per load of records (`Analysis`) and half-term: every
/// flag rule for every pupil of a trust took over a second, and each drill step, group or
/// return to the trust asked again. A scope's table is then its pupils' rows, merged school by
/// school in order of concern.
extension PupilsToLookAt {
  /// One school's rows, most concerning first, with the record each is about.
  struct SchoolRows: Sendable {
    var records: [Int] = []
    var keys: [SortKey] = []
    var rows: [Row] = []
    /// The first row of its record: pupils are counted, not rows.
    var firsts: [Bool] = []
  }

  /// What a school's rows depend on besides its records.
  struct SchoolKey: Hashable, Sendable {
    var school = ""
    var at: HalfTermRef
    var rules: [String]
    var subjects: [Subject]
    var tests: [TestDefinition]
    var steps: Int
    var settings: [String: [String: Double]]
    /// The names' hash: hashing them once per table, not per school's lookup.
    var names: Int

    init(_ c: FlagContext, rules: [FlagRule], names: ScopeNames) {
      (at, self.rules, subjects, tests) = (c.at, rules.map(\.id), c.subjects, c.tests)
      (steps, settings, self.names) = (c.steps, c.settings, names.hashValue)
    }
  }

  static func schoolRows(
    _ a: Analysis, _ key: SchoolKey, context c: FlagContext, rules: [FlagRule], names: ScopeNames
  ) -> SchoolRows {
    a.memo(key) {
      let chosen = a.current(in: .school(key.school), group: .everyone, subject: "", year: c.at.year)
      let subjectNames = Dictionary(c.subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
      let schoolName = names.school(key.school)
      var found: [(record: Int, key: SortKey, row: Row)] = []
      for i in chosen {
        let r = a.records[i]
        let className = names.schoolClass(r.classID)
        for (order, rule) in rules.enumerated() {
          for f in rule.flags(for: r, in: c) {
            let score = latestScore(r, subject: f.subject, tests: c.tests, upTo: c.at)
            let row = Row(
              pupil: r.pupil.id, name: r.pupil.fullName, school: r.school, schoolName: schoolName,
              classID: r.classID, className: className, subject: f.subject,
              subjectName: f.subject.flatMap { subjectNames[$0] }, rule: rule.id, ruleTitle: rule.title,
              reason: f.reason, since: since(rule, f, r, c), latestScore: score?.value, latestTest: score?.test)
            // Sorted by a key made once per row: comparing rows looked each surname up and
            // copied rows of a dozen strings at every step.
            let sortKey = SortKey(
              rule: order, since: row.since, score: row.latestScore ?? Int.max,
              names: (schoolName, className, r.pupil.surname, row.name, row.subject ?? ""))
            found.append((i, sortKey, row))
          }
        }
      }
      found.sort { $0.key < $1.key }
      var out = SchoolRows()
      var seen = Set<Int>()
      for f in found {
        out.records.append(f.record)
        out.keys.append(f.key)
        out.rows.append(f.row)
        out.firsts.append(seen.insert(f.record).inserted)
      }
      return out
    }
  }

  /// The rows of the chosen pupils from each school's, most concerning first: `limit` of them
  /// merged school by school (a screenful of a trust's thousands), or all of them sorted.
  static func merge(_ lists: [SchoolRows], chosen: [Int], records: Int, limit: Int?) -> PupilsToLookAt {
    var wanted = [Bool](repeating: false, count: records)
    for i in chosen { wanted[i] = true }
    var (flagged, total) = (0, 0)
    let passing = lists.map { list in
      list.records.indices.filter { wanted[list.records[$0]] }
    }
    for (list, rows) in zip(lists, passing) {
      total += rows.count
      flagged += rows.reduce(0) { $0 + (list.firsts[$1] ? 1 : 0) }
    }
    var rows: [Row] = []
    if let limit {
      // The heads of each school's rows: the least of them next, until the limit.
      var heads = [Int](repeating: 0, count: lists.count)
      while rows.count < min(limit, total) {
        var best: Int?
        for k in lists.indices where heads[k] < passing[k].count {
          if let b = best, !(lists[k].keys[passing[k][heads[k]]] < lists[b].keys[passing[b][heads[b]]]) { continue }
          best = k
        }
        guard let b = best else { break }
        rows.append(lists[b].rows[passing[b][heads[b]]])
        heads[b] += 1
      }
    } else {
      let all = zip(lists, passing).flatMap { list, rows in rows.map { (list.keys[$0], list.rows[$0]) } }
      rows = all.sorted { $0.0 < $1.0 }.map(\.1)
    }
    return PupilsToLookAt(rows: rows, flagged: flagged, outOf: chosen.count, rowCount: total)
  }
}
