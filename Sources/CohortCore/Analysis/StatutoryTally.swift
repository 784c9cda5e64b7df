/// What each pupil's results of a year count towards, pupil by pupil: the school, the groups
/// the pupil is in (a bit per `StatutorySummary.groups`) and the outcomes as bits. Worked out
/// once per pupil, and a school's on its own core; counting is then adding bits.
public struct StatutoryCounts: Sendable {
  var schools: [String] = []
  var member: [UInt8] = []
  var tallies: [StatutoryTally.Pupil] = []

  public init(_ pupils: [StatutoryPupil], table: StatutoryTable, year: AcademicYear) {
    var verdicts = StatutoryOutcomes.Verdicts()
    let groups = StatutorySummary.groups
    precondition(groups.count <= UInt8.bitWidth, "a group's bit would fall off the byte")
    for p in pupils {
      let r = PupilRecord(pupil: p.pupil, school: p.school, classID: "", yearGroup: p.pupil.yearGroup(in: year))
      schools.append(p.school)
      member.append(groups.indices.reduce(0 as UInt8) { $0 | (groups[$1].contains(r) ? 1 << $1 : 0) })
      tallies.append(StatutoryTally.Pupil(StatutoryOutcomes(p, table: table, year: year, verdicts: &verdicts)))
    }
  }

  /// Several sets of pupils as one, in order.
  public init(joining parts: [StatutoryCounts]) {
    for part in parts {
      schools += part.schools
      member += part.member
      tallies += part.tallies
    }
  }
}

/// Counts per group and measure of a set of pupils: how many counted, how many met, and the
/// MTC's total, in flat arrays.
struct StatutoryTally {
  /// One pupil's outcomes as bits by measure slot: counted, and met (for the MTC: a score,
  /// and full marks).
  struct Pupil: Sendable {
    var counted: UInt16 = 0
    var met: UInt16 = 0
    var mtc = 0

    init(_ o: StatutoryOutcomes) {
      for m in StatutoryMeasure.allCases {
        let bit: UInt16 = 1 << m.slot
        if m == .mtcMean || m == .mtcFullMarks {
          guard let s = o.mtc else { continue }
          counted |= bit
          if s == StatutoryOutcomes.mtcMax { met |= bit }
        } else if let outcome = o[m] {
          counted |= bit
          if outcome { met |= bit }
        }
      }
      mtc = o.mtc ?? 0
    }
  }

  static let measures = StatutoryMeasure.allCases.count
  var n: [Int]
  var met: [Int]
  var mtcTotal: [Int]

  init(groups: Int) {
    n = .init(repeating: 0, count: groups * Self.measures)
    met = n
    mtcTotal = .init(repeating: 0, count: groups)
  }

  mutating func add(_ p: Pupil, groups: UInt8) {
    guard p.counted != 0 else { return }
    var g = 0
    var left = groups
    while left != 0 {
      if left & 1 != 0 {
        let base = g * Self.measures
        for m in 0..<Self.measures where p.counted & (1 << m) != 0 {
          n[base + m] += 1
          if p.met & (1 << m) != 0 { met[base + m] += 1 }
        }
        mtcTotal[g] += p.mtc
      }
      left >>= 1
      g += 1
    }
  }

  func figure(_ m: StatutoryMeasure, group g: Int, minimum: Int) -> StatutoryFigure? {
    let k = g * Self.measures + m.slot
    let (n, met) = (n[k], met[k])
    guard n > 0 else { return nil }
    let suppressed = n < minimum
    let value = m == .mtcMean ? Double(mtcTotal[g]) / Double(n) : 100 * Double(met) / Double(n)
    return StatutoryFigure(measure: m, n: n, met: met, value: suppressed ? nil : value, suppressed: suppressed)
  }
}
