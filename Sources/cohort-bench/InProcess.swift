import CohortCharts
import CohortCore
import CohortPluginKit
import CohortPlugins
import CohortStore
import CohortUI
import Foundation

/// The figures measured inside this process, on a trust already on disk (page cache warm):
/// what the app does when a teacher opens a class or saves a code, and when a leader drills
/// down.
@MainActor
struct InProcess {
  let context: AppContext
  let year: AcademicYear
  let halfTerm: HalfTerm
  let repeats: Int

  /// Opening a class: its document, the roster, last year's summer codes, the grid model.
  /// Each repetition opens a class in another school, so that no roster is cached.
  func openClass() throws -> Stats {
    var n = 0
    return try Stats.time(repeats: repeats) {
      let school = context.schools[n % context.schools.count]
      n += 1
      guard let c = school.classes(in: year).first else { return }
      let (_, model) = try context.openJudgements(c.id, school: school.id, year: year, halfTerm: halfTerm) { _ in }
      precondition(model.rowCount == context.folder.loadClassColumnsCount(school: school.id, classID: c.id, year: year))
    }
  }

  /// One code changed and saved durably (lock, re-read and merge, write, fsync, rename,
  /// fsync the folder, journal), in a scratch copy of one school so the cached trust stays as
  /// generated.
  static func durableSave(scratch: String, from trust: String, year: AcademicYear, halfTerm: HalfTerm, repeats: Int)
    throws -> Stats
  {
    let fm = FileManager.default
    try? fm.removeItem(atPath: scratch)
    try fm.createDirectory(atPath: scratch + "/schools", withIntermediateDirectories: true)
    try fm.copyItem(atPath: trust + "/trust.json", toPath: scratch + "/trust.json")
    let folder = DataFolder(root: scratch, author: Author(by: "bench", device: "bench"))
    let first = try folder.loadTrust().schools[0].id
    try fm.copyItem(atPath: trust + "/schools/" + first, toPath: scratch + "/schools/" + first)
    let school = try folder.loadSchool(first)
    guard let c = school.classes(in: year).first else { return Stats(samples: []) }
    var doc = try folder.loadClassYear(school: first, classID: c.id, year: year)
    let codes = ["G", "Y", "P"]
    var n = 0
    return try Stats.time(repeats: repeats, warmup: 1) {
      n += 1
      doc.set(
        codes[n % 3], pupil: doc.pupils[n % doc.pupils.count], subject: "reading", halfTerm: halfTerm,
        by: folder.author, at: DataFolder.now())
      doc = try folder.save(doc)
    }
  }

  /// One step of the Analysis page's drill-down: what it computes for a level (off the main
  /// thread since this change): the bands of every subject, the chart and buttons of the level
  /// below, and the pupils to look at (every flag rule over every pupil in scope).
  func drill(_ records: [PupilRecord]) -> [(String, Stats)] {
    let when = HalfTermRef(year, halfTerm)
    let subjects = context.trust.subjects
    let school = context.schools[0]
    let schoolClass = school.classes(in: year).first { $0.yearGroups.contains(YearGroup(3)) }
    let steps: [(String, AnalysisScope, (@Sendable (PupilRecord) -> String)?)] = [
      ("trust", .trust, { $0.school }),
      ("school", .school(school.id), { String($0.yearGroup.number) }),
      ("year", .yearGroup(school: school.id, YearGroup(3)), { $0.classID }),
      ("class", .schoolClass(schoolClass?.id ?? ""), nil),
    ]
    let registry = context.registry
    let flags = FlagContext(
      scheme: context.scheme, subjects: subjects, tests: registry.tests(for: context.trust), at: when,
      steps: context.trust.disagreementSteps, settings: registry.flagSettings)
    // As the page does: one memo of who is flagged per load, filled by the first trust view.
    let memo = FlaggedMemo()
    var out: [(String, Stats)] = []
    let full = AnalysisView.Request(
      records: records, scheme: context.scheme, subjects: subjects, subject: subjects[0], scope: .trust,
      scopeName: "trust", group: .everyone, when: when, key: { $0.school }, keyName: "school", names: [:],
      flags: flags, rules: registry.flagRules, listFlagged: false)
    out.append(
      (
        "flags over the trust (once per load)",
        Stats.time(repeats: repeats, warmup: 1) {
          _ = AnalysisView.compute(full)
        }
      ))
    return out
      + steps.map { name, scope, key in
        let request = AnalysisView.Request(
          records: records, scheme: context.scheme, subjects: subjects, subject: subjects[0], scope: scope,
          scopeName: name, group: .everyone, when: when, key: key, keyName: name, names: [:], flags: flags,
          rules: registry.flagRules, listFlagged: key == nil, memo: memo)
        let stats = Stats.time(repeats: repeats, warmup: 1) {
          let view = AnalysisView.compute(request)
          precondition(view.pupils >= view.flaggedCount)
        }
        return (name, stats)
      }
  }

  /// A year-group transition matrix across the trust: last summer to this half-term.
  func transitions(_ records: [PupilRecord]) -> Stats {
    Stats.time(repeats: repeats, warmup: 1) {
      let m = Analysis(records: records, scheme: context.scheme).transitions(
        .yearGroup(school: nil, YearGroup(3)), group: .everyone, subject: context.trust.subjects[0].id,
        from: HalfTermRef(year.previous, .summer2), to: HalfTermRef(year, halfTerm))
      precondition(m.total >= 0)
    }
  }

  /// Loading `history` earlier years as well, on a background queue as the app does, while
  /// this (main) thread ticks every 2 ms: the longest gap between ticks beyond 2 ms is how
  /// long the main loop would have stalled.
  func loadInBackground(history: Int) throws -> (load: Stats, stall: Double, records: [PupilRecord]) {
    var times: [Double] = []
    var worstStall = 0.0
    var last: [PupilRecord] = []
    for _ in 0..<max(1, repeats / 4) {
      let done = DispatchSemaphore(value: 0)
      let box = ResultBox()
      let (folder, trust, year) = (context.folder, context.trust, year)
      let start = DispatchTime.now().uptimeNanoseconds
      DispatchQueue.global().async {
        box.result = Result { try AnalysisLoader.load(folder, trust: trust, year: year, history: history) }
        box.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        done.signal()
      }
      var tick = DispatchTime.now().uptimeNanoseconds
      while done.wait(timeout: .now() + .milliseconds(2)) == .timedOut {
        let now = DispatchTime.now().uptimeNanoseconds
        worstStall = max(worstStall, Double(now - tick) / 1e9 - 0.002)
        tick = now
      }
      times.append(box.seconds)
      last = try box.result!.get()
    }
    return (Stats(samples: times), worstStall, last)
  }
}

/// Hands a background result to the main thread (written before the semaphore is signalled).
final class ResultBox: @unchecked Sendable {
  var result: Result<[PupilRecord], any Error>?
  var seconds = 0.0
}

extension DataFolder {
  /// How many pupils a class lists (a check that the class really opened).
  func loadClassColumnsCount(school: String, classID: String, year: AcademicYear) -> Int {
    (try? loadClassColumns(school: school, classID: classID, year: year).pupils.count) ?? -1
  }
}
