import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
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
    var opened: [(school: String, classID: String, rows: Int)] = []
    let stats = try Stats.time(repeats: repeats) {
      let school = context.schools[n % context.schools.count]
      n += 1
      guard let c = school.classes(in: year).first else { return }
      let (_, model) = try context.openJudgements(c.id, school: school.id, year: year, halfTerm: halfTerm) { _ in }
      opened.append((school.id, c.id, model.rowCount))
    }
    // Checked after the timing: reading the class again is not part of opening it.
    for o in opened {
      precondition(o.rows == context.folder.loadClassColumnsCount(school: o.school, classID: o.classID, year: year))
    }
    return stats
  }

  /// One code changed and saved durably (lock, re-read and merge, write, fsync, rename,
  /// fsync the folder, journal), in a scratch copy of one school so the cached trust stays as
  /// generated.
  static func durableSave(scratch: String, from trust: String, year: AcademicYear, halfTerm: HalfTerm, repeats: Int)
    throws -> Stats
  {
    let first = try DataFolder(root: trust, author: Author(by: "bench", device: "bench")).loadTrust().schools[0].id
    let folder = DataFolder(
      root: try scratchSchool(scratch, from: trust, school: first), author: Author(by: "bench", device: "bench"))
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

  /// A fresh copy of the trust holding one of its schools (a teacher's laptop holds only
  /// theirs), to edit without changing the cached trust; returns its path.
  static func scratchSchool(_ scratch: String, from trust: String, school: String) throws -> String {
    let fm = FileManager.default
    try? fm.removeItem(atPath: scratch)
    try fm.createDirectory(atPath: scratch + "/schools", withIntermediateDirectories: true)
    try fm.copyItem(atPath: trust + "/trust.json", toPath: scratch + "/trust.json")
    try fm.copyItem(atPath: trust + "/schools/" + school, toPath: scratch + "/schools/" + school)
    return scratch
  }

  /// One step of the Analysis page's drill-down: what it computes for a level (off the main
  /// thread): the bands of every subject, the chart and buttons of the level below, and the
  /// pupils to look at (counted above a class, listed with reasons in a class).
  func drill(_ records: [PupilRecord]) -> [(String, Stats)] {
    let when = HalfTermRef(year, halfTerm)
    let subjects = context.trust.subjects
    let school = context.schools[0]
    let schoolClass = school.classes(in: year).first { $0.yearGroups.contains(YearGroup(3)) }
    let steps: [(String, AnalysisScope, RecordKey?)] = [
      ("trust", .trust, .school),
      ("school", .school(school.id), .yearGroup),
      ("year", .yearGroup(school: school.id, YearGroup(3)), .schoolClass),
      ("class", .schoolClass(schoolClass?.id ?? ""), nil),
    ]
    let registry = context.registry
    let flags = FlagContext(
      scheme: context.scheme, subjects: subjects, tests: registry.tests(for: context.trust), at: when,
      steps: context.trust.disagreementSteps, settings: registry.flagSettings)
    func request(_ analysis: Analysis, _ name: String, _ scope: AnalysisScope, _ key: RecordKey?)
      -> AnalysisView.Request
    {
      AnalysisView.Request(
        analysis: analysis, subjects: subjects, subject: subjects[0], scope: scope,
        names: ScopeNames(trust: context.trust, classes: []), group: .everyone, asked: when,
        threshold: context.trust.mostlyEnteredPercent, minimum: context.trust.minimumGroupSize, flags: flags,
        rules: registry.flagRules)
    }
    // The first view after a load: a fresh Analysis each time, so every column and who is
    // flagged are worked out again. The overview is what the window shows first.
    var out: [(String, Stats)] = [
      (
        "first trust view after a load",
        Stats.time(repeats: repeats, warmup: 1) {
          _ = AnalysisView.overview(
            request(Analysis(records: records, scheme: context.scheme), "trust", .trust, .school))
        }
      )
    ]
    // Then, as the page does, one Analysis for the load: each step counts from it.
    let analysis = Analysis(records: records, scheme: context.scheme)
    let trust = AnalysisView.overview(request(analysis, "trust", .trust, .school))
    for (name, scope, key) in steps {
      let stats = Stats.time(repeats: repeats, warmup: 1) {
        let view = AnalysisView.overview(request(analysis, name, scope, key))
        precondition(view.outOf >= view.flagged)
      }
      out.append((name, stats))
    }
    // The other tabs follow the overview on screen: gaps, over time, movement and tests.
    out.append(
      (
        "other tabs, trust view",
        Stats.time(repeats: repeats, warmup: 1) {
          precondition(AnalysisView.withTabs(trust, request(analysis, "trust", .trust, .school)).tabs != nil)
        }
      ))
    return out
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
  /// `emptied`: the derived cache removed before each run (every document parsed, the cache
  /// written); else filled by a run first, untimed.
  func loadInBackground(history: Int, emptied: Bool = false) throws
    -> (load: Stats, stall: Double, records: [PupilRecord])
  {
    var times: [Double] = []
    var worstStall = 0.0
    var last: [PupilRecord] = []
    let cache = DerivedCache(for: context.folder)
    if !emptied { _ = try AnalysisLoader.load(context.folder, trust: context.trust, year: year, history: history) }
    for _ in 0..<max(1, repeats / 2) {
      if emptied { cache?.removeAll() }
      let done = DispatchSemaphore(value: 0)
      let loaded = Slots<(records: [PupilRecord], seconds: Double)>(count: 1)
      let (folder, trust, year) = (context.folder, context.trust, year)
      let start = DispatchTime.now().uptimeNanoseconds
      DispatchQueue.global().async {
        loaded.set(
          0,
          Result {
            let records = try AnalysisLoader.load(folder, trust: trust, year: year, history: history)
            return (records, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
          })
        done.signal()
      }
      var tick = DispatchTime.now().uptimeNanoseconds
      while done.wait(timeout: .now() + .milliseconds(2)) == .timedOut {
        let now = DispatchTime.now().uptimeNanoseconds
        worstStall = max(worstStall, Double(now - tick) / 1e9 - 0.002)
        tick = now
      }
      let (records, seconds) = try loaded.values[0].get()
      times.append(seconds)
      last = records
    }
    return (Stats(samples: times), worstStall, last)
  }
}

extension DataFolder {
  /// How many pupils a class lists (a check that the class really opened).
  func loadClassColumnsCount(school: String, classID: String, year: AcademicYear) -> Int {
    (try? loadClassColumns(school: school, classID: classID, year: year).pupils.count) ?? -1
  }
}
