import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// The views this turn added, each for the whole trust as the Analysis and Meetings pages
/// compute them (off the main thread there), on a fresh `Analysis` each time so that nothing
/// is reused from a view before.
extension InProcess {
  func newViews(_ records: [PupilRecord]) throws -> [(String, Stats)] {
    let when = HalfTermRef(year, halfTerm)
    let trust = context.trust
    let names = ScopeNames(trust: trust, classes: context.schools.flatMap { ScopeNames.classes(of: $0, in: year) })
    let subjects = trust.activeSubjects
    let (folder, registry, scheme) = (context.folder, context.registry, context.scheme)
    var out: [(String, Stats)] = []
    out.append(
      (
        "how much is entered, trust view",
        Stats.time(repeats: repeats, warmup: 1) {
          let c = Analysis(records: records, scheme: scheme).completeness(
            .trust, subjects: subjects, names: names, at: when)
          precondition(!c.subjects.isEmpty)
        }
      ))
    out.append(
      (
        "gap heat map, trust view",
        Stats.time(repeats: repeats, warmup: 1) {
          let g = Analysis(records: records, scheme: scheme).gapTable(
            .trust, subject: subjects[0], at: when, names: names, minimum: trust.minimumGroupSize)
          precondition(!g.rows.isEmpty)
        }
      ))
    let derived = DerivedCache(for: folder)
    for emptied in [false, true] {
      out.append(
        (
          emptied ? "open actions, cache emptied" : "open actions across the trust",
          try Stats.time(repeats: repeats, warmup: 1, before: { if emptied { derived?.removeAll() } }) {
            let counts = try SchoolYearData.openActions(
              folder, schools: trust.schools.map(\.id), year: year, now: when)
            precondition(counts.count == trust.schools.count)
          }
        ))
    }
    return out
  }

  /// The statutory results beside national figures, for the trust (read from each school).
  /// With the derived cache as the last read left it, then emptied before each read.
  func statutoryView() throws -> (kept: Stats, emptied: Stats) {
    let (folder, trust, registry) = (context.folder, context.trust, context.registry)
    let first = try StatutorySummary.latest(folder, trust: trust, registry: registry, scope: .trust, upTo: year)
    guard first.rows.contains(where: { !$0.figures.isEmpty }) else {
      throw BenchError("the trust has no statutory results to measure")
    }
    let derived = DerivedCache(for: folder)
    let runs = try [false, true].map { emptied in
      try Stats.time(repeats: repeats, before: { if emptied { derived?.removeAll() } }) {
        _ = try StatutorySummary.latest(folder, trust: trust, registry: registry, scope: .trust, upTo: year)
      }
    }
    return (runs[0], runs[1])
  }
}
