import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import Dispatch
import Foundation

/// What the Analysis page shows for one scope, computed off the main thread: at trust level
/// it is several passes over every pupil plus every flag rule for each, which took far longer
/// than a frame (DESIGN: the window never freezes).
public struct AnalysisView: Sendable {
  /// Everything the computation needs, gathered on the main thread.
  public struct Request: Sendable {
    /// One per load of records, kept by the page: its columns and remembered flags make
    /// every drill step after the first a matter of counting.
    var analysis: Analysis
    var subjects: [Subject]
    var subject: Subject
    var scope: AnalysisScope
    var scopeName: String
    var group: PupilGroup
    var when: HalfTermRef
    /// The level below (nil at class level), its name and display names.
    var key: RecordKey?
    var keyName: String
    var names: [String: String]
    var flags: FlagContext
    var rules: [FlagRule]
    /// Whether each flagged pupil is listed (class level) or only counted.
    var listFlagged: Bool

    public init(
      analysis: Analysis, subjects: [Subject], subject: Subject, scope: AnalysisScope, scopeName: String,
      group: PupilGroup, when: HalfTermRef, key: RecordKey?, keyName: String, names: [String: String],
      flags: FlagContext, rules: [FlagRule], listFlagged: Bool
    ) {
      (self.analysis, self.subjects, self.subject) = (analysis, subjects, subject)
      (self.scope, self.scopeName, self.group, self.when) = (scope, scopeName, group, when)
      (self.key, self.keyName, self.names) = (key, keyName, names)
      (self.flags, self.rules, self.listFlagged) = (flags, rules, listFlagged)
    }
  }

  public var bands: ChartSpec
  public var drill: ChartSpec?
  public var drillIDs: [String]
  public var pupils: Int
  public var flaggedCount: Int
  /// Sorted by surname; filled only when `listFlagged`.
  public var flagged: [(PupilRecord, [PupilFlag])]

  public static func compute(_ r: Request) -> AnalysisView {
    let a = r.analysis
    // The counts and the flags are independent passes of similar cost: one on each core.
    let box = Halves()
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      if half == 0 { box.charts = charts(a, r) } else { box.flags = flags(a, r) }
    }
    let (bands, drill, ids) = box.charts!
    let (pupils, count, flagged) = box.flags!
    return AnalysisView(
      bands: bands, drill: drill, drillIDs: ids, pupils: pupils, flaggedCount: count, flagged: flagged)
  }

  static func charts(_ a: Analysis, _ r: Request) -> (ChartSpec, ChartSpec?, [String]) {
    let bands = Charts.bandsBySubject(
      a, scope: r.scope, scopeName: r.scopeName, group: r.group, subjects: r.subjects, at: r.when)
    guard let key = r.key else { return (bands, nil, []) }
    let drill = Charts.atOrAboveBy(
      a, scope: r.scope, scopeName: r.scopeName, by: key, keyName: r.keyName, names: r.names, group: r.group,
      subject: r.subject, at: r.when)
    let ids = a.breakdown(r.scope, by: key, group: r.group, subject: r.subject.id, at: r.when).map(\.0)
    return (bands, drill, ids)
  }

  static func flags(_ a: Analysis, _ r: Request) -> (Int, Int, [(PupilRecord, [PupilFlag])]) {
    let chosen = a.indices(in: r.scope, group: r.group, subject: r.subjects.first?.id ?? "", year: r.when.year)
    guard r.listFlagged else {
      // Above a class only the count is shown: who is flagged at this half-term is worked out
      // once per load, for every pupil, and remembered.
      let flagged = a.remembered("flagged \(r.when)") { flaggedEverywhere(a.records, r) }
      return (chosen.count, chosen.filter { flagged[$0] }.count, [])
    }
    var listed: [(PupilRecord, [PupilFlag])] = []
    for i in chosen {
      let f = r.rules.flatMap { $0.flags(for: a.records[i], in: r.flags) }
      if !f.isEmpty { listed.append((a.records[i], f)) }
    }
    listed.sort { $0.0.pupil.surname < $1.0.pupil.surname }
    return (chosen.count, listed.count, listed)
  }

  /// Whether some rule flags each record, on both cores; the first rule that flags a pupil
  /// settles it.
  static func flaggedEverywhere(_ records: [PupilRecord], _ r: Request) -> [Bool] {
    let halves = [records.startIndex..<records.count / 2, records.count / 2..<records.endIndex]
    let parts = Slots<[Bool]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      parts.set(
        h, .success(records[halves[h]].map { p in r.rules.contains { !$0.flags(for: p, in: r.flags).isEmpty } }))
    }
    // Each half is set, and only ever with `.success`.
    return parts.values.flatMap { (try? $0.get()) ?? [] }
  }
}

/// The two halves' results; each is written by one iteration only, read after both finish.
private final class Halves: @unchecked Sendable {
  var charts: (ChartSpec, ChartSpec?, [String])?
  var flags: (Int, Int, [(PupilRecord, [PupilFlag])])?
}
