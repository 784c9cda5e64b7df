/// Gaps between each pupil group and the rest, in percentage points at or above expectations,
/// for a scope as a whole and for each part of the level below it (schools of a trust, year
/// groups of a school, classes of a year group), every cell with both sides' n. A cell where
/// either side has fewer assessed pupils than the trust's minimum shows its n and no figures.
public struct GapTable: Sendable, Codable, Equatable {
  public struct Cell: Sendable, Codable, Equatable {
    /// Assessed pupils (with a banded code) in the group and in the rest.
    public var groupN: Int
    public var restN: Int
    /// Percent at or above; nil when suppressed or nobody is assessed on that side.
    public var groupPercent: Double?
    public var restPercent: Double?
    public var suppressed: Bool

    public init(groupN: Int, restN: Int, groupPercent: Double?, restPercent: Double?, suppressed: Bool) {
      (self.groupN, self.restN, self.groupPercent, self.restPercent) = (groupN, restN, groupPercent, restPercent)
      self.suppressed = suppressed
    }

    /// Group minus rest (negative: the group is behind); nil when not shown.
    public var points: Double? { groupPercent.flatMap { g in restPercent.map { g - $0 } } }
  }

  public struct Row: Sendable, Codable, Equatable {
    /// "" for the scope as a whole, else the school's id, the year group's number or the class's id.
    public var key: String
    public var name: String
    /// One per group, in `groups` order.
    public var cells: [Cell]

    public init(key: String, name: String, cells: [Cell]) { (self.key, self.name, self.cells) = (key, name, cells) }
  }

  public var subject: String
  public var subjectName: String
  public var when: HalfTermRef
  /// The groups' trait names ("disadvantaged") and labels ("disadvantaged" against "not disadvantaged").
  public var groups: [String]
  public var groupLabels: [String]
  public var minimum: Int
  public var rows: [Row]

  public init(
    subject: String, subjectName: String, when: HalfTermRef, groups: [String], groupLabels: [String], minimum: Int,
    rows: [Row]
  ) {
    (self.subject, self.subjectName, self.when, self.groups) = (subject, subjectName, when, groups)
    (self.groupLabels, self.minimum, self.rows) = (groupLabels, minimum, rows)
  }

  /// The groups the packs and `show gaps` compare with the rest.
  public static let standardGroups: [PupilGroup.Trait] = [.disadvantaged, .send, .eal, .female, .summerBorn]

  /// "-12 points (14 against 126 pupils)", or "fewer than 5 pupils on one side (3 against 25)".
  public func words(_ c: Cell) -> String {
    let sizes = "\(grouped(c.groupN)) against \(plural(c.restN, "pupil"))"
    if c.suppressed { return "fewer than \(minimum) pupils on one side (\(sizes))" }
    guard let p = c.points else { return "no pupils assessed on one side (\(sizes))" }
    return "\(Self.points(p)) points (\(sizes))"
  }

  /// A gap in whole points, "+4" or "-12"; never "-0".
  public static func points(_ x: Double) -> String {
    let r = x.rounded()
    return r == 0 ? "0" : (r > 0 ? "+" : "-") + String(Int(abs(r)))
  }
}

extension Analysis {
  /// One pass over the scope's pupils: counts per row, group, side (in the group or not) of
  /// assessed and at-or-above pupils.
  public func gapTable(
    _ scope: AnalysisScope, subject: Subject, at when: HalfTermRef, names: ScopeNames,
    groups: [PupilGroup.Trait] = GapTable.standardGroups, minimum: Int
  ) -> GapTable {
    let chosen = indices(in: scope, group: .everyone, subject: subject.id, year: when.year)
    let level = ScopeNames.levelBelow(scope)
    let keys = level.map { columns.key(records, $0) }
    let traits = columns.traits(records)
    let codes = columns.codes(records, subject: subject.id, at: when)
    // Per code ordinal: 0 no band, 1 below, 2 at or above.
    let kind = codes.names.indices.map { k -> Int in
      guard k > 0, let b = band(of: codes.names[k]) else { return 0 }
      return b == .below ? 1 : 2
    }
    let width = groups.count * 2
    var assessed = [Int](repeating: 0, count: (1 + (keys?.names.count ?? 0)) * width)
    var atOrAbove = assessed
    var present = Set<UInt32>()
    for i in chosen {
      if let keys { present.insert(keys.ordinals[i]) }
      let k = kind[Int(codes.ordinals[i])]
      guard k > 0 else { continue }
      let rows = [0] + (keys.map { [1 + Int($0.ordinals[i])] } ?? [])
      for (g, t) in groups.enumerated() {
        let side = traits[i] & t.bit != 0 ? 0 : 1
        for row in rows {
          assessed[row * width + g * 2 + side] += 1
          if k == 2 { atOrAbove[row * width + g * 2 + side] += 1 }
        }
      }
    }
    func cells(_ row: Int) -> [GapTable.Cell] {
      groups.indices.map { g in
        let (a, b) = (row * width + g * 2, row * width + g * 2 + 1)
        let small = assessed[a] < minimum || assessed[b] < minimum
        func pct(_ j: Int) -> Double? {
          small || assessed[j] == 0 ? nil : 100 * Double(atOrAbove[j]) / Double(assessed[j])
        }
        return GapTable.Cell(
          groupN: assessed[a], restN: assessed[b], groupPercent: pct(a), restPercent: pct(b), suppressed: small)
      }
    }
    var rows = [GapTable.Row(key: "", name: names.name(of: scope), cells: cells(0))]
    if let level, let keys {
      let display = names.names(for: level)
      // Every part with pupils in the scope, assessed or not (a class with nothing entered shows as such).
      rows += present.map { Int($0) }.map { k in
        GapTable.Row(key: keys.names[k], name: display[keys.names[k]] ?? keys.names[k], cells: cells(1 + k))
      }
      .sorted { level == .yearGroup ? Int($0.key) ?? 0 < Int($1.key) ?? 0 : $0.name < $1.name }
    }
    return GapTable(
      subject: subject.id, subjectName: subject.name, when: when, groups: groups.map(\.rawValue),
      groupLabels: groups.map(\.label), minimum: minimum, rows: rows)
  }
}
