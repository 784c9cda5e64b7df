/// How much of a half-term is entered in a scope: per subject, the codes entered out of those
/// expected, and the classes behind with their teachers (for leaders to chase). Expected: each
/// pupil in a class now (a leaver is not chased) for each subject that class's year groups
/// enter. A "not assessed" code is entered; only an empty cell is not.
public struct Completeness: Sendable, Codable, Equatable {
  public struct ClassBehind: Sendable, Codable, Equatable {
    public var classID: String
    public var className: String
    public var school: String
    public var schoolName: String
    public var teachers: [String]
    public var entered: Int
    public var expected: Int
    public var missing: Int { expected - entered }

    /// "3B (Ms Patel): 12 of 28 entered".
    public var words: String {
      let who = teachers.isEmpty ? "no teacher set" : teachers.joined(separator: ", ")
      return "\(className) (\(who)): \(grouped(entered)) of \(grouped(expected)) entered"
    }
  }

  public struct SubjectLine: Sendable, Codable, Equatable {
    public var subject: String
    public var name: String
    public var entered: Int
    public var expected: Int
    /// Classes with codes still to enter, the most missing first.
    public var behind: [ClassBehind]

    /// "Reading: 412 of 1,380 entered".
    public var words: String { "\(name): \(grouped(entered)) of \(grouped(expected)) entered" }
  }

  public var when: HalfTermRef
  public var subjects: [SubjectLine]

  public var entered: Int { subjects.map(\.entered).reduce(0, +) }
  public var expected: Int { subjects.map(\.expected).reduce(0, +) }
  /// Whole percent entered, rounded down (so 79.9% is not "80%": not yet mostly entered).
  public var percent: Int { expected == 0 ? 0 : entered * 100 / expected }

  /// At least `threshold`% of the expected codes entered (nothing expected is never mostly entered).
  public func isMostlyEntered(_ threshold: Int) -> Bool { expected > 0 && entered * 100 >= threshold * expected }

  /// "Autumn 2 2026-27: 3,412 of 4,140 codes entered (82%)".
  public var words: String {
    "\(when.halfTerm.label) \(when.year): \(grouped(entered)) of \(plural(expected, "code")) entered (\(percent)%)"
  }
}

/// The half-term a scope opens on, and why.
public struct Opening: Sendable, Equatable {
  public var when: HalfTermRef
  public var completeness: Completeness
  /// False when no half-term up to the one asked about is mostly entered: then it is the one
  /// with the largest share entered (a new year opens on what there is), and views say so.
  public var mostlyEntered: Bool
}

extension Analysis {
  public func completeness(
    _ scope: AnalysisScope, group: PupilGroup = .everyone, subjects: [Subject], names: ScopeNames,
    at when: HalfTermRef
  ) -> Completeness {
    let chosen = current(in: scope, group: group, subject: subjects.first?.id ?? "", year: when.year)
    let classes = columns.key(records, .schoolClass)
    // Per subject and class ordinal: (entered, expected).
    let counts = subjects.map { s in enteredAndExpected(chosen, subject: s, names: names, at: when, by: classes) }
    // A subject no class in the scope enters is not listed (science in Y4 only, asked of Y3).
    let lines = subjects.enumerated().filter { k, _ in counts[k].contains { $0.1 > 0 } }.map { k, s in
      let behind = classes.names.indices.compactMap { c -> Completeness.ClassBehind? in
        let (entered, expected) = counts[k][c]
        guard entered < expected else { return nil }
        let id = classes.names[c]
        let info = names.classes[id]
        let school = info?.school ?? ""
        return Completeness.ClassBehind(
          classID: id, className: info?.name ?? id, school: school, schoolName: names.school(school),
          teachers: info?.teachers ?? [], entered: entered, expected: expected)
      }
      .sorted { ($1.missing, $0.schoolName, $0.className) < ($0.missing, $1.schoolName, $1.className) }
      return Completeness.SubjectLine(
        subject: s.id, name: s.name, entered: counts[k].map(\.0).reduce(0, +),
        expected: counts[k].map(\.1).reduce(0, +), behind: behind)
    }
    return Completeness(when: when, subjects: lines)
  }

  /// Entered and expected codes of one subject for each part of a scope (each school, year
  /// group or class): one pass, where asking each part for its completeness was a pass each.
  public func entered(
    _ scope: AnalysisScope, by key: RecordKey, group: PupilGroup = .everyone, subject: Subject, names: ScopeNames,
    at when: HalfTermRef
  ) -> [String: (entered: Int, expected: Int)] {
    let parts = columns.key(records, key)
    let counts = enteredAndExpected(
      current(in: scope, group: group, subject: subject.id, year: when.year), subject: subject, names: names, at: when,
      by: parts)
    var out: [String: (entered: Int, expected: Int)] = [:]
    for (k, c) in counts.enumerated() where c.1 > 0 { out[parts.names[k]] = c }
    return out
  }

  /// (entered, expected) per value of `column` over the chosen pupils: expected for each pupil
  /// whose class's year groups enter the subject.
  func enteredAndExpected(
    _ chosen: [Int], subject s: Subject, names: ScopeNames, at when: HalfTermRef, by column: Column
  )
    -> [(Int, Int)]
  {
    let classes = columns.key(records, .schoolClass)
    let enters = classes.names.map { id in names.classes[id].map { s.applies(to: $0.yearGroups) } }
    let codes = columns.codes(records, subject: s.id, at: when).ordinals
    var counts = [(Int, Int)](repeating: (0, 0), count: column.names.count)
    for i in chosen {
      // A class not in the directory: the pupil's own year group decides.
      guard enters[Int(classes.ordinals[i])] ?? s.applies(to: [records[i].yearGroup]) else { continue }
      let k = Int(column.ordinals[i])
      counts[k].1 += 1
      if codes[i] != 0 { counts[k].0 += 1 }
    }
    return counts
  }

  /// What a scope opens on: the latest half-term of the year, up to `latest`, at least
  /// `threshold`% entered.
  public func opening(
    _ scope: AnalysisScope, subjects: [Subject], names: ScopeNames, upTo latest: HalfTermRef, threshold: Int
  ) -> Opening {
    let times = HalfTerm.allCases.filter { $0 <= latest.halfTerm }.reversed().map { HalfTermRef(latest.year, $0) }
    var best: Completeness?
    for t in times {
      let c = completeness(scope, subjects: subjects, names: names, at: t)
      if c.isMostlyEntered(threshold) { return Opening(when: t, completeness: c, mostlyEntered: true) }
      if c.entered > 0, best.map({ c.entered * $0.expected > $0.entered * c.expected }) ?? true { best = c }
    }
    let fallback = best ?? completeness(scope, subjects: subjects, names: names, at: latest)
    return Opening(when: fallback.when, completeness: fallback, mostlyEntered: false)
  }
}
