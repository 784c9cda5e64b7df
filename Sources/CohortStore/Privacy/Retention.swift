import CohortCore

/// The trust's retention period: leavers whose data has been kept longer than it, due for
/// erasure. Only schools on this device are looked at.
public enum Retention {
  public struct Due: Sendable {
    public var school: String
    public var pupil: Pupil
  }

  public static func due(_ folder: DataFolder, today: SchoolDate) throws -> [Due] {
    let trust = try folder.loadTrust()
    guard let years = trust.retentionYears else { return [] }
    var out: [Due] = []
    for ref in folder.presentSchools(of: trust) {
      for p in try folder.loadRoster(ref.id).pupils {
        guard let left = p.leftOn,
          let until = SchoolDate(
            year: left.year + years, month: left.month,
            day: min(left.day, SchoolDate.daysIn(month: left.month, year: left.year + years)))
        else { continue }
        if until < today { out.append(Due(school: ref.id, pupil: p)) }
      }
    }
    return out
  }
}
