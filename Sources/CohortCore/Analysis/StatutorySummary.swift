/// One pupil's statutory results, with the school that holds them.
public struct StatutoryPupil: Sendable {
  public var pupil: Pupil
  public var school: String
  public var results: [StatutoryResult]

  public init(pupil: Pupil, school: String, results: [StatutoryResult]) {
    (self.pupil, self.school, self.results) = (pupil, school, results)
  }
}

/// A measure for a set of pupils: how many it counts, how many met it, and the figure.
public struct StatutoryFigure: Sendable, Codable, Equatable {
  public var measure: StatutoryMeasure
  /// Pupils counted (for the MTC: pupils with a score).
  public var n: Int
  /// Pupils meeting it (for the mean: pupils with full marks).
  public var met: Int
  /// Percent, or the MTC's mean; nil when nobody is counted or the group is too small to show.
  public var value: Double?
  public var suppressed: Bool
}

public struct StatutoryRow: Sendable, Codable, Equatable {
  /// "" for every school in the scope together.
  public var school: String
  public var schoolName: String
  public var group: String
  /// Only the measures some pupil of the row is counted in.
  public var figures: [StatutoryFigure]

  public func figure(_ m: StatutoryMeasure) -> StatutoryFigure? { figures.first { $0.measure == m } }
}

/// Statutory results of a year by school and group, each with n, beside DfE's national figures.
public struct StatutorySummary: Sendable, Codable, Equatable {
  public var year: AcademicYear
  public var minimum: Int
  public var rows: [StatutoryRow]
  /// The national figure for each measure: the year's, else the latest before it (its year says which).
  public var national: [NationalFigure]

  /// How pupils are counted, for every table that shows these figures.
  public static let rule =
    "Pupils absent, working below a test's standard or disapplied count as not meeting it; pupils who left before it "
    + "are left out. Combined reading, writing and maths counts pupils with all three results. The multiplication "
    + "tables check's mean and full marks are of pupils with a score. Phonics by the end of Year 2 is Year 2's "
    + "pupils who met the standard in Year 1 or at the re-check."

  public static let groups: [PupilGroup] = [
    .everyone, PupilGroup(with: [.disadvantaged]), PupilGroup(without: [.disadvantaged]), PupilGroup(with: [.send]),
    PupilGroup(with: [.eal]), PupilGroup(with: [.female]), PupilGroup(with: [.male]),
  ]

  public func national(_ m: StatutoryMeasure) -> NationalFigure? { national.first { $0.measure == m } }

  /// Rows for all the pupils given together (when `together`) and for each school, per group.
  public static func build(
    _ pupils: [StatutoryPupil], table: StatutoryTable, year: AcademicYear, names: ScopeNames, together: Bool,
    minimum: Int, national: NationalFigures
  ) -> StatutorySummary {
    build(
      StatutoryCounts(pupils, table: table, year: year), year: year, names: names, together: together,
      minimum: minimum, national: national)
  }

  /// The same from pupils already counted (a school's on a core of its own).
  public static func build(
    _ counts: StatutoryCounts, year: AcademicYear, names: ScopeNames, together: Bool, minimum: Int,
    national: NationalFigures
  ) -> StatutorySummary {
    var rows: [StatutoryRow] = []
    var bySchool: [String: [Int]] = [:]
    for i in counts.schools.indices { bySchool[counts.schools[i], default: []].append(i) }
    let schools = bySchool.keys.sorted { names.school($0) < names.school($1) }
    for school in (together ? [""] : []) + schools {
      // One pass over the school's pupils counts every group and measure (a pass per group
      // and measure, asking each pupil's outcomes, was most of a trust's view).
      var tally = StatutoryTally(groups: groups.count)
      for i in school.isEmpty ? Array(counts.schools.indices) : bySchool[school] ?? [] {
        tally.add(counts.tallies[i], groups: counts.member[i])
      }
      for (g, group) in groups.enumerated() {
        let least = group != .everyone ? minimum : 0
        let figures = StatutoryMeasure.allCases.compactMap { tally.figure($0, group: g, minimum: least) }
        // A row with nothing counted says nothing (a school without results of the year).
        guard !figures.isEmpty else { continue }
        rows.append(
          StatutoryRow(
            school: school, schoolName: school.isEmpty ? names.trustName : names.school(school),
            group: group.description, figures: figures))
      }
    }
    return StatutorySummary(
      year: year, minimum: minimum, rows: rows,
      national: StatutoryMeasure.allCases.compactMap { national.figure($0, for: year) })
  }
}

/// What one pupil's results of a year count towards: met or not per measure (absent: not
/// counted), and an MTC score.
struct StatutoryOutcomes {
  static let mtcMax = 25
  /// Met or not per measure, at its position in `allCases` (nil: not counted). An array: a
  /// trust's view asks each pupil once per school, group and measure (hashing was a tenth).
  var met = [Bool?](repeating: nil, count: StatutoryMeasure.allCases.count)
  var mtc: Int?

  subscript(_ m: StatutoryMeasure) -> Bool? {
    get { met[m.slot] }
    set { met[m.slot] = newValue }
  }

  /// A result's standing: nil when the pupil left before it (not counted).
  enum Standing {
    case notMet, met, high
  }

  /// What the table makes of each distinct result (a trust's thousands of results are a few
  /// hundred distinct ones): its assessment's id when known, and its standing. The assessment
  /// is found once per spelling of stage, subject, method and component (finding it folds the
  /// case of every pattern of the table: most of a trust's statutory view when done per result).
  struct Verdicts {
    struct Pattern: Hashable {
      var stage, subject, method, component: String
    }
    struct Key: Hashable {
      var assessment: Int
      var result: String
      var year: Int
    }
    /// Index into `found`, -1 for none.
    var assessments: [Pattern: Int] = [:]
    var found: [StatutoryAssessment] = []
    var known: [Key: (id: String, standing: Standing?)?] = [:]

    mutating func of(_ r: StatutoryResult, table: StatutoryTable) -> (id: String, standing: Standing?)? {
      let pattern = Pattern(stage: r.stage, subject: r.subject, method: r.method, component: r.component ?? "")
      let index: Int
      if let i = assessments[pattern] {
        index = i
      } else {
        index =
          table.assessment(for: r).map { a in
            found.append(a)
            return found.count - 1
          } ?? -1
        assessments[pattern] = index
      }
      guard index >= 0 else { return nil }
      let key = Key(assessment: index, result: r.result, year: r.year)
      if let v = known[key] { return v }
      let a = found[index]
      let result = r.result.trimmingWhitespace
      let (_, isKnown, band) = StatutoryTable.meaning(of: result, in: a, year: r.year)
      var v: (id: String, standing: Standing?)?
      if isKnown {
        v = (a.id, result.uppercased() == "L" ? nil : band == .above ? .high : band == .at ? .met : .notMet)
      }
      known[key] = v
      return v
    }
  }

  init(_ p: borrowing StatutoryPupil, table: StatutoryTable, year: AcademicYear, verdicts: inout Verdicts) {
    var ks2: [String: Standing] = [:]
    var phonics: [(year: AcademicYear, standing: Standing)] = []
    for r in p.results where r.academicYear == year || r.academicYear == year.previous {
      // The year group only names a re-check: the verdict does not depend on it.
      guard let (id, standing) = verdicts.of(r, table: table) else { continue }
      if id == "phonics", let standing { phonics.append((r.academicYear, standing)) }
      guard r.academicYear == year, let standing else { continue }
      switch id {
      case "ks2-reading-test", "ks2-writing-ta", "ks2-maths-test": ks2[id] = standing
      case "mtc": mtc = Int(r.result.trimmingWhitespace).flatMap { (0...Self.mtcMax).contains($0) ? $0 : nil }
      case "eyfs-gld": self[.eyfsGLD] = standing != .notMet
      default: break
      }
    }
    let pairs: [(String, StatutoryMeasure, StatutoryMeasure)] = [
      ("ks2-reading-test", .ks2ReadingExpected, .ks2ReadingHigh),
      ("ks2-writing-ta", .ks2WritingExpected, .ks2WritingHigh),
      ("ks2-maths-test", .ks2MathsExpected, .ks2MathsHigh),
    ]
    for (id, expected, high) in pairs {
      guard let s = ks2[id] else { continue }
      self[expected] = s != .notMet
      self[high] = s == .high
    }
    let all = pairs.compactMap { ks2[$0.0] }
    if all.count == pairs.count {
      self[.ks2RWMExpected] = !all.contains(.notMet)
      self[.ks2RWMHigh] = all.allSatisfy { $0 == .high }
    }
    let group = p.pupil.yearGroup(in: year).number
    let now = phonics.filter { $0.year == year }
    if group == 1, !now.isEmpty { self[.phonicsY1] = now.contains { $0.standing != .notMet } }
    if group == 2, !phonics.isEmpty { self[.phonicsEndY2] = phonics.contains { $0.standing != .notMet } }
  }
}
