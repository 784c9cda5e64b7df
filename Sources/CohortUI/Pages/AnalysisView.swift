import CohortCharts
import CohortCore
import CohortPluginKit
import Dispatch
import Foundation

/// What the Analysis page shows for one scope, computed off the main thread: at trust level
/// it is several passes over every pupil plus every flag rule for each, which took far longer
/// than a frame (DESIGN: the window never freezes).
public struct AnalysisView: Sendable {
  /// Everything the computation needs, gathered on the main thread.
  public struct Request: Sendable {
    var records: [PupilRecord]
    var scheme: CodeScheme
    var subjects: [Subject]
    var subject: Subject
    var scope: AnalysisScope
    var scopeName: String
    var group: PupilGroup
    var when: HalfTermRef
    /// The level below (nil at class level), its name and display names.
    var key: (@Sendable (PupilRecord) -> String)?
    var keyName: String
    var names: [String: String]
    var flags: FlagContext
    var rules: [FlagRule]
    /// Whether each flagged pupil is listed (class level) or only counted.
    var listFlagged: Bool
    /// Who is flagged, remembered across drill steps over the same records.
    var memo: FlaggedMemo?

    public init(
      records: [PupilRecord], scheme: CodeScheme, subjects: [Subject], subject: Subject, scope: AnalysisScope,
      scopeName: String, group: PupilGroup, when: HalfTermRef, key: (@Sendable (PupilRecord) -> String)?,
      keyName: String, names: [String: String], flags: FlagContext, rules: [FlagRule], listFlagged: Bool,
      memo: FlaggedMemo? = nil
    ) {
      (self.records, self.scheme, self.subjects, self.subject) = (records, scheme, subjects, subject)
      (self.scope, self.scopeName, self.group, self.when) = (scope, scopeName, group, when)
      (self.key, self.keyName, self.names) = (key, keyName, names)
      (self.flags, self.rules, self.listFlagged, self.memo) = (flags, rules, listFlagged, memo)
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
    let a = Analysis(records: r.records, scheme: r.scheme)
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
    let pupils = a.pupils(in: r.scope, group: r.group, subject: r.subjects.first?.id ?? "", year: r.when.year)
    var flagged: [(PupilRecord, [PupilFlag])] = []
    var count = 0
    if !r.listFlagged, let memo = r.memo {
      let ids = memo.flagged(at: r.when) { flaggedIDs(r.records, r) }
      return (pupils.count, pupils.filter { ids.contains($0.pupil.id) }.count, [])
    }
    for p in pupils {
      // Above a class only the count is shown: the first rule that flags a pupil settles it.
      guard r.listFlagged else {
        if r.rules.contains(where: { !$0.flags(for: p, in: r.flags).isEmpty }) { count += 1 }
        continue
      }
      let f = r.rules.flatMap { $0.flags(for: p, in: r.flags) }
      guard !f.isEmpty else { continue }
      count += 1
      flagged.append((p, f))
    }
    flagged.sort { $0.0.pupil.surname < $1.0.pupil.surname }
    return (pupils.count, count, flagged)
  }
}

extension AnalysisView {
  /// Every pupil of `records` whom some rule flags, on both cores.
  static func flaggedIDs(_ records: [PupilRecord], _ r: Request) -> Set<String> {
    let halves = [records.startIndex..<records.count / 2, records.count / 2..<records.endIndex]
    let box = IDHalves()
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let ids = records[halves[h]].filter { p in r.rules.contains { !$0.flags(for: p, in: r.flags).isEmpty } }
        .map(\.pupil.id)
      box.set(h, ids)
    }
    return box.all
  }
}

/// Who is flagged at each half-term, for one load of the records: the first trust-level view
/// pays for running every rule over every pupil, the drill steps after it only count.
public final class FlaggedMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var byTime: [HalfTermRef: Set<String>] = [:]
  public init() {}

  func flagged(at when: HalfTermRef, _ compute: () -> Set<String>) -> Set<String> {
    if let known = lock.withLock({ byTime[when] }) { return known }
    let ids = compute()
    lock.withLock { byTime[when] = ids }
    return ids
  }
}

private final class IDHalves: @unchecked Sendable {
  private let lock = NSLock()
  private var parts: [[String]] = [[], []]
  func set(_ i: Int, _ ids: [String]) { lock.withLock { parts[i] = ids } }
  var all: Set<String> { lock.withLock { Set(parts[0] + parts[1]) } }
}

/// The two halves' results; each is written by one iteration only, read after both finish.
private final class Halves: @unchecked Sendable {
  var charts: (ChartSpec, ChartSpec?, [String])?
  var flags: (Int, Int, [(PupilRecord, [PupilFlag])])?
}
