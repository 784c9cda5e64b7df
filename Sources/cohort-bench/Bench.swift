import CohortCore
import CohortStore
import CohortUI
import Foundation

/// `make bench`: generates (once) and measures the small, medium and large trusts, prints the
/// table, and with --write-doc puts it in docs/performance.md. `--smoke` runs every
/// measurement once on a tiny trust, to prove the benchmark still works (CI).
@MainActor
final class Bench {
  let smoke: Bool
  let doc: String?
  let arguments: [String]
  let cache: TrustCache
  let year = AcademicYear(TrustSize.endYear)!
  let halfTerm = HalfTerm(rawValue: TrustSize.through)!
  var table = ResultTable()

  init(arguments: [String]) throws {
    self.arguments = arguments
    smoke = arguments.contains("--smoke")
    doc = arguments.firstIndex(of: "--write-doc").flatMap {
      arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
    }
    let root = smoke ? TrustCache.defaultRoot + "/smoke" : TrustCache.defaultRoot
    try FileManager.default.createDirectory(
      atPath: root + "/scratch", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    cache = TrustCache(root: root, cohort: Spawn.binDirectory + "/cohort", scratch: root + "/scratch")
  }

  var repeats: Int { smoke ? 1 : 11 }
  var processRepeats: Int { smoke ? 1 : 5 }

  func run() throws {
    let loadBefore = Self.loadAverage()
    // --sizes small,medium measures only those (the table then has only their columns).
    let only = arguments.firstIndex(of: "--sizes").flatMap {
      arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
    }
    let sizes = (smoke ? TrustSize.smoke : TrustSize.standard).filter {
      only == nil || only!.split(separator: ",").contains(Substring($0.name))
    }
    for size in sizes {
      if let s = try cache.ensureTrust(size) { table.set("sample: generate the trust", size.name, Stats.seconds(s)) }
      try StatutoryFixture.ensure(cache.folder(size), year: year)
      try measure(size)
    }
    let output = table.render(sizes: sizes.map(\.name), machine: Self.machine(loadBefore: loadBefore))
    print(output)
    if let doc { try ResultTable.write(output, into: doc) }
    if smoke, !table.failures.isEmpty { throw BenchError("failed: " + table.failures.joined(separator: "; ")) }
  }

  /// `--only open,save,dashboard,drill,years,window,reports,check,databases` measures only those
  /// parts (for profiling one of them); the default is all.
  func wants(_ part: String) -> Bool {
    guard let i = arguments.firstIndex(of: "--only"), arguments.indices.contains(i + 1) else { return true }
    return arguments[i + 1].split(separator: ",").contains(Substring(part))
  }

  /// Whether `part` is measured; if so, on files just read (`TrustCache.warm`).
  func ready(_ part: String, _ size: TrustSize) -> Bool {
    guard wants(part) else { return false }
    cache.warm(size)
    return true
  }

  func measure(_ size: TrustSize) throws {
    let path = cache.folder(size)
    let s = size.name
    log("measuring the \(s) trust")
    let context = try AppContext(path: path, author: Author(by: "bench", device: "bench"))
    let inProcess = InProcess(context: context, year: year, halfTerm: halfTerm, repeats: repeats)
    if ready("open", size) { table.set("open a class (load + grid model)", s, try inProcess.openClass()) }
    if ready("save", size) {
      table.set(
        "one code edited, durably saved", s,
        try InProcess.durableSave(
          scratch: cache.scratch + "/save", from: path, year: year, halfTerm: halfTerm, repeats: repeats * 2))
    }
    if ready("dashboard", size) { dashboard(size) }
    if ready("drill", size) {
      let (loadTwo, _, records) = try inProcess.loadInBackground(history: 1)
      table.set("load this year + last (warm cache)", s, loadTwo)
      for (step, stats) in inProcess.drill(records) {
        table.set(step.hasPrefix("first") || step.hasPrefix("other") ? step : "drill step: \(step)", s, stats)
      }
      table.set("transition matrix, trust year group", s, inProcess.transitions(records))
      do {
        for (name, stats) in try inProcess.newViews(records) { table.set(name, s, stats) }
      } catch {
        table.set("open actions across the trust", s, nil, failure: "\(error)")
      }
      do {
        let (kept, emptied) = try inProcess.statutoryView()
        table.set("statutory results, trust view", s, kept)
        table.set("statutory results, cache emptied", s, emptied)
      } catch {
        table.set("statutory results, trust view", s, nil, failure: "\(error)")
      }
    }
    if ready("years", size) {
      let (seven, stall, _) = try inProcess.loadInBackground(history: size.years - 1)
      table.set("all \(size.years) years loaded (background)", s, seven)
      let (emptied, worse, _) = try inProcess.loadInBackground(history: size.years - 1, emptied: true)
      table.set("all \(size.years) years loaded, cache emptied", s, emptied)
      table.set("main-thread stall during that load", s, Stats.seconds(max(stall, worse)), value: max(stall, worse))
    }
    // The window's figures take minutes per trust (the app started ten times, 24 steps twice):
    // on the largest trust of the run only, where the targets are.
    if size.name == (smoke ? TrustSize.smoke : TrustSize.standard).last?.name, ready("window", size) {
      windowFigures(size, context: context)
    }
    if ready("reports", size) { reports(size, context: context) }
    if ready("check", size) {
      // Three runs, their median: one run of a few seconds moved by a third between runs.
      let runs = (0..<3).map { _ in Spawn.run(cache.cohort, ["check", "--data", path], scratch: cache.scratch) }
      if let bad = runs.first(where: { !$0.ok }) {
        table.set("cohort check (whole folder)", s, nil, failure: bad.reason)
      } else {
        table.set("cohort check (whole folder)", s, Stats(samples: runs.map(\.seconds)))
      }
    }
    if wants("databases") { databases(size) }
  }

  /// A fresh `cohort show analysis` process per run: band counts per subject per school.
  func dashboard(_ size: TrustSize) {
    let args = [
      "show", "analysis", "--data", cache.folder(size), "--year", "\(year)", "--half-term", halfTerm.rawValue,
      "--breakdown", "school", "--json",
    ]
    let derived = DerivedCache(for: DataFolder(root: cache.folder(size), author: Author(by: "bench", device: "bench")))
    // Each run after the cache is emptied (every document parsed, the school's entries written).
    var emptied: [Spawned] = []
    for _ in 0..<processRepeats {
      derived?.removeAll()
      emptied.append(Spawn.run(cache.cohort, args, scratch: cache.scratch))
    }
    // Then as a leader's next look is: the documents unchanged since the last.
    var runs: [Spawned] = []
    for _ in 0..<processRepeats { runs.append(Spawn.run(cache.cohort, args, scratch: cache.scratch)) }
    if let bad = (emptied + runs).first(where: { !$0.ok }) {
      table.set("cold dashboard (fresh process)", size.name, nil, failure: bad.reason)
      return
    }
    table.set("cold dashboard (fresh process)", size.name, Stats(samples: runs.map(\.seconds)))
    table.set("cold dashboard, cache emptied", size.name, Stats(samples: emptied.map(\.seconds)))
    let rss = runs.map(\.maxRSSBytes).max() ?? 0
    table.set("peak memory of the dashboard", size.name, Stats.mebibytes(rss), value: Double(rss))
    table.cohortTotal[size.name] = Self.bandTotal(runs[0].stdout)
  }

  /// Sum of the band counts in `show analysis --json` output, to compare with the databases.
  static func bandTotal(_ json: String) -> Int? {
    guard let rows = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return nil }
    return rows.reduce(0) { sum, row in
      let bands = (row["summary"] as? [String: Any])?["bands"] as? [String: Int] ?? [:]
      return sum + bands.values.reduce(0, +)
    }
  }

  /// The meeting pack and the school pack, once `cohort report` exists.
  func reports(_ size: TrustSize, context: AppContext) {
    // An unknown subcommand with --help prints the top-level help and exits 0: look for its own usage.
    let help = Spawn.run(cache.cohort, ["report", "--help"], scratch: cache.scratch)
    let available = help.ok && help.stdout.contains("USAGE: cohort report")
    let school = context.schools[0]
    let kinds = [
      ("class meeting pack (PDF)", "class-pack", "class:" + (school.classes(in: year).first?.id ?? "")),
      ("school pack (PDF)", "school-pack", "school:" + school.id),
    ]
    for (name, kind, scope) in kinds {
      guard available else {
        table.set(name, size.name, "not available", value: nil)
        continue
      }
      let out = cache.scratch + "/report.pdf"
      let runs = (0..<processRepeats).map { _ in
        Spawn.run(
          cache.cohort,
          [
            "report", kind, "--data", cache.folder(size), "--scope", scope, "--year", "\(year)", "--half-term",
            halfTerm.rawValue, "--out", out,
          ],
          scratch: cache.scratch)
      }
      if let bad = runs.first(where: { !$0.ok }) {
        // Printed, but not a smoke failure: the report kinds' names belong to `cohort report`.
        table.set(name, size.name, "failed: \(bad.reason)", value: nil)
        log("cohort report \(kind) failed: \(bad.reason)")
      } else {
        table.set(name, size.name, Stats(samples: runs.map(\.seconds)))
      }
    }
  }

  func databases(_ size: TrustSize) {
    let s = size.name
    do {
      try cache.ensureCSV(size)
      if Spawn.which("sqlite3", scratch: cache.scratch) {
        try cache.ensureSQLite(size)
        let runs = (0..<processRepeats).compactMap { _ in
          Databases.sqlite(db: cache.sqlite(size), year: "\(year)", halfTerm: halfTerm.rawValue, scratch: cache.scratch)
        }
        table.set("SQLite: the dashboard query alone", s, Stats(samples: runs.map(\.0)))
        table.databaseTotal["sqlite " + s] = runs.first?.1
      } else {
        table.set("SQLite: the dashboard query alone", s, "no sqlite3", value: nil)
      }
      if Databases.duckdbAvailable(scratch: cache.scratch) {
        let runs = (0..<processRepeats).compactMap { _ in
          Databases.duckdb(csv: cache.csv(size), year: "\(year)", halfTerm: halfTerm.rawValue, scratch: cache.scratch)
        }
        table.set("DuckDB: read_csv + the same GROUP BY", s, Stats(samples: runs.map(\.0)))
        table.databaseTotal["duckdb " + s] = runs.first?.1
      } else {
        table.set("DuckDB: read_csv + the same GROUP BY", s, "no duckdb", value: nil)
      }
    } catch {
      table.set("SQLite: the dashboard query alone", s, nil, failure: "\(error)")
    }
  }

  /// The 1-minute load average: other work on the machine makes every figure slower.
  static func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap { $0.split(separator: " ").first }
      .map(String.init) ?? "?"
  }

  static func machine(loadBefore: String) -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    return
      "\(cores) cores; load average \(loadBefore) before the run, \(loadAverage()) after it (the run itself adds up to 2)"
  }
}
