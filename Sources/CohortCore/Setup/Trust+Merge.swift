/// Two laptops' copies of trust.json (or a school.json) merge part by part: each school, member
/// of staff, subject, year's term dates and setting has the time it was last changed, and the
/// newer copy of each part wins (a removed part wins as a removal). Parts are independent, so
/// the same copies merge to the same result in any order.
public struct ChangeTimes: Sendable {
  public let mine: [String: Int64]
  public let theirs: [String: Int64]

  /// 1: take theirs, -1: keep mine, 0: the same time.
  func side(_ key: String) -> Int {
    let m = mine[key] ?? 0
    let t = theirs[key] ?? 0
    return t > m ? 1 : t < m ? -1 : 0
  }

  public var merged: [String: Int64] { mine.merging(theirs) { max($0, $1) } }

  /// One value: the newer, or at the same time any choice every process agrees on.
  func pick<T>(_ key: String, _ m: T, _ t: T) -> T {
    switch side(key) {
    case 1: return t
    case -1: return m
    default: return String(describing: t) > String(describing: m) ? t : m
    }
  }

  /// A list of parts by id, each the newer copy's (a removal wins as a removal; at the same
  /// time a part that only one copy holds is kept, so nothing is lost to a tie). The order is
  /// the copy with the newest change's, then the other's new parts: the same either way round.
  func pickParts<T: Identifiable>(_ prefix: String, _ m: [T], _ t: [T], key: (T.ID) -> String = { "\($0)" }) -> [T] {
    let newest = { (times: [String: Int64]) in times.filter { $0.key.hasPrefix(prefix) }.values.max() ?? 0 }
    let (nm, nt) = (newest(mine), newest(theirs))
    let mineLeads = nm != nt ? nm > nt : String(describing: m) >= String(describing: t)
    let mineByID = Dictionary(m.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let theirsByID = Dictionary(t.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var seen = Set<T.ID>()
    var out: [T] = []
    for part in mineLeads ? m + t : t + m where !seen.contains(part.id) {
      seen.insert(part.id)
      let k = prefix + key(part.id)
      let (a, b) = (mineByID[part.id], theirsByID[part.id])
      let chosen: T?
      switch side(k) {
      case 1: chosen = b
      case -1: chosen = a
      default: chosen = a.flatMap { a in b.map { pick(k, a, $0) } ?? a } ?? b
      }
      if let chosen { out.append(chosen) }
    }
    return out
  }
}

/// A document that records when each of its parts last changed.
public protocol ChangedByPart {
  var changed: [String: Int64] { get set }
}

extension ChangedByPart {
  /// Marks a part as changed now (never earlier than its last change, so the edit wins).
  public mutating func touch(_ part: String, at now: Int64) { changed[part] = max(now, (changed[part] ?? 0) + 1) }
}

extension Trust: ChangedByPart {
  public func merged(with other: Trust) -> Trust {
    let t = ChangeTimes(mine: changed, theirs: other.changed)
    var out = self
    out.format = max(format, other.format)
    out.name = t.pick("name", name, other.name)
    out.codeScheme = t.pick("codeScheme", codeScheme, other.codeScheme)
    out.disagreementSteps = t.pick("disagreementSteps", disagreementSteps, other.disagreementSteps)
    out.disabledPlugins = t.pick("disabledPlugins", disabledPlugins, other.disabledPlugins)
    out.tests = t.pick("tests", tests, other.tests)
    out.retentionYears = t.pick("retentionYears", retentionYears, other.retentionYears)
    out.schools = t.pickParts("school:", schools, other.schools)
    out.staff = t.pickParts("staff:", staff, other.staff)
    out.subjects = t.pickParts("subject:", subjects, other.subjects)
    let years = t.pickParts(
      "terms:", terms.values.sorted { $0.year < $1.year }, other.terms.values.sorted { $0.year < $1.year })
    out.terms = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
    out.changed = t.merged
    return out
  }
}

extension TermDates: Identifiable {
  public var id: AcademicYear { year }
}

extension School: ChangedByPart {
  /// Part by part, like the trust: each class of each year, each closed year, the name and URN.
  public func merged(with other: School) -> School {
    let t = ChangeTimes(mine: changed, theirs: other.changed)
    var out = self
    out.format = max(format, other.format)
    out.name = t.pick("name", name, other.name)
    out.urn = t.pick("urn", urn, other.urn)
    var classes: [AcademicYear: [SchoolClass]] = [:]
    for year in Set(self.classes.keys).union(other.classes.keys) {
      let list = t.pickParts("class:\(year):", self.classes(in: year), other.classes(in: year))
      if !list.isEmpty || self.classes[year] != nil || other.classes[year] != nil { classes[year] = list }
    }
    out.classes = classes
    // A year once closed stays closed: a rollover is not undone by a merge.
    out.readOnlyYears = Array(Set(readOnlyYears).union(other.readOnlyYears)).sorted()
    out.changed = t.merged
    return out
  }
}
