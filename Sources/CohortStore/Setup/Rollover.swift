import CohortCore

/// The new academic year: pupils move up a year group into next year's classes (the same
/// class names, or a plan's), Year 6 leave (marked left on 31 August, judgements kept), and
/// the old year is closed: intact and read-only. One all-or-nothing save per school.
public struct Rollover {
  public struct Plan: Sendable {
    /// Next year's classes; nil keeps this year's names and year groups.
    public var classes: [SchoolClass]?
    public init(classes: [SchoolClass]? = nil) { self.classes = classes }
  }

  public struct Outcome: Sendable {
    public var school: String
    public var movedUp = 0
    public var leavers = 0
    public var classes = 0
    /// Pupils left out of every class (no class of their new year group), by id.
    public var unplaced: [String] = []
  }

  let folder: DataFolder
  public init(folder: DataFolder) { self.folder = folder }

  /// Rolls one school from the year before `to` into `to`.
  public func run(school id: String, to: AcademicYear, plan: Plan = Plan(), dryRun: Bool = false) throws -> Outcome {
    let from = to.previous
    let school = try folder.loadSchool(id)
    let roster = try folder.loadRoster(id)
    guard school.classes(in: to).isEmpty else {
      throw InputError("\(id) already has classes in \(to): it has been rolled over (nothing was changed)")
    }
    let old = school.classes(in: from)
    guard !old.isEmpty else { throw InputError("\(id) has no classes in \(from) to roll over from") }
    let next =
      plan.classes ?? old.map { SchoolClass(id: $0.id, name: $0.name, yearGroups: $0.yearGroups, teacher: nil) }
    var out = Outcome(school: id, classes: next.count)
    var docs = Dictionary(uniqueKeysWithValues: next.map { ($0.id, ClassYear(school: id, classID: $0.id, year: to)) })
    var newRoster = roster
    var journal: [JournalEntry] = []
    let rosterPath = DataFolder.rosterPath(id)
    var seen = Set<String>()
    for c in old {
      let doc = try folder.loadClassYear(school: id, classID: c.id, year: from)
      for pid in doc.pupils where !seen.contains(pid) {
        seen.insert(pid)
        guard let k = newRoster.pupils.firstIndex(where: { $0.id == pid }), newRoster.pupils[k].leftOn == nil else {
          continue
        }
        let pupil = newRoster.pupils[k]
        // Up from their own year group (the MIS's, not their age's): a pupil kept in Year 5
        // is not a Year 6 leaver. A year the MIS has already given for `to` wins.
        let was = pupil.yearGroup(in: from)
        let now = pupil.yearGroupSource(in: to) == .mis ? pupil.yearGroup(in: to) : YearGroup(was.number + 1)
        if was.number >= 6 {
          newRoster.pupils[k].leftOn = from.lastDay
          out.leavers += 1
          journal.append(folder.event(doc: rosterPath, pupil: pid, "rollover to \(to): left at the end of Year 6"))
          continue
        }
        // The same stream: the k-th class of a year group goes to the k-th of the next.
        let stream = old.filter { $0.yearGroups.contains(was) }.firstIndex { $0.id == c.id } ?? 0
        let targets = next.filter { $0.yearGroups.contains(now) }
        guard !targets.isEmpty else {
          out.unplaced.append(pid)
          continue
        }
        docs[targets[min(stream, targets.count - 1)].id]!.pupils.append(pid)
        out.movedUp += 1
      }
    }
    var newSchool = school
    newSchool.classes[to] = next
    if !newSchool.readOnlyYears.contains(from) { newSchool.readOnlyYears.append(from) }
    guard !dryRun else { return out }
    let event = folder.event(
      doc: DataFolder.schoolPath(id), "rollover to \(to): \(next.count) classes, \(from) closed (read-only)")
    try folder.saveAll(
      next.map { docs[$0.id]! },
      with: [
        try .roster(newRoster, base: try folder.read(Roster.self, at: rosterPath), journal: journal),
        try .school(newSchool, base: school, journal: [event]),
      ])
    return out
  }
}
