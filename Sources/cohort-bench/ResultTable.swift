import Foundation

/// The figures as they are measured, printed as one Markdown table (the same text goes into
/// docs/performance.md between its markers).
struct ResultTable {
  struct Row {
    var name: String
    var text: [String: String] = [:]
    var median: [String: Double] = [:]
  }

  var rows: [Row] = []
  var failures: [String] = []
  /// Judgements with a band in the dashboard, per size, from Cohort and from each database.
  var cohortTotal: [String: Int?] = [:]
  var databaseTotal: [String: Int?] = [:]

  mutating func set(_ name: String, _ size: String, _ stats: Stats) {
    set(name, size, stats.text, value: stats.samples.isEmpty ? nil : stats.median)
  }

  mutating func set(_ name: String, _ size: String, _ text: String?, value: Double? = nil, failure: String? = nil) {
    if rows.firstIndex(where: { $0.name == name }) == nil { rows.append(Row(name: name)) }
    let i = rows.firstIndex { $0.name == name }!
    rows[i].text[size] = text ?? "failed"
    if let value { rows[i].median[size] = value }
    if let failure { failures.append("\(name) (\(size)): \(failure)") }
  }

  /// The issue's targets for the large trust, by figure; memory is in bytes.
  static let targets: [(prefix: String, text: String, limit: Double)] = [
    ("open a class", "< 10 ms", 0.010), ("one code edited", "< 5 ms", 0.005),
    ("cold dashboard", "< 120 ms, <= DuckDB/8", 0.12), ("drill step", "< 20 ms", 0.020),
    ("transition matrix", "< 20 ms", 0.020), ("how much is entered", "< 100 ms", 0.1),
    ("gap heat map", "< 100 ms", 0.1), ("statutory results", "< 100 ms", 0.1), ("other tabs", "< 100 ms", 0.1),
    ("open actions", "< 0.3 s", 0.3),
    ("all 7 years", "< 1.5 s", 1.5), ("main-thread stall", "< 100 ms", 0.1),
    ("app window: longest", "< 50 ms", 0.05), ("app window, other core busy", "< 50 ms", 0.05),
    ("launch to the first painted", "< 0.5 s", 0.5), ("launch to an editable", "< 1 s", 1),
    ("keystroke", "< 16 ms", 0.016), ("cohort check", "< 1.5 s", 1.5),
    ("class meeting pack", "< 0.5 s", 0.5), ("school pack", "< 2 s", 2), ("peak memory", "< 500 MiB", 500 * 1_048_576),
  ]

  /// The cold dashboard may take at most this share of DuckDB's time on the same query.
  static let duckDBShare = 8.0

  /// What each figure is bound by on this machine (from profiles; see docs/performance.md).
  static let bounds: [(prefix: String, text: String)] = [
    ("sample", "compute + write I/O"), ("open a class", "parse: roster, last year's classes, the class"),
    ("one code edited", "fsync I/O + strict re-read"),
    ("cold dashboard, cache emptied", "parse: rosters and classes; the cache written"),
    ("cold dashboard", "process start, the cache's records, then compute"),
    ("peak memory", "memory: pupil records"),
    ("first trust view", "compute: every flag rule for every pupil (kept for the load), columns built"),
    ("other tabs", "compute: counts over columns, scores by pupil"),
    ("drill step", "compute: counts over columns"),
    ("transition matrix", "compute"), ("load this year", "reading the cache's records"),
    ("all 7 years loaded, cache emptied", "parse: every class-year of every school"),
    ("all ", "reading the cache's records (18 MB)"),
    ("how much is entered", "compute: counts over columns"),
    ("gap heat map", "compute: each group against the rest, per school"),
    ("open actions, cache emptied", "parse: two years of class-years (cells stepped over to the meetings)"),
    ("open actions", "stamps of two years of class-years (4,041 files)"),
    ("statutory results, cache emptied", "parse: each school's roster (38 MB), then its results"),
    ("statutory results", "compute: each pupil's outcomes, per school"),
    ("main-thread stall", "scheduling (2 cores)"),
    ("app window: longest", "main thread: layout, text, applying results"),
    ("app window, other", "main thread: layout and text, on a shared core"),
    ("launch to the first", "GTK start-up, the schools, the first layout"),
    ("launch to an editable", "the class read, the grid's first layout"),
    ("keystroke", "layout and drawing of the frame after the key"),
    ("class meeting pack", "parse: the school's classes, strict; then layout"),
    ("school pack", "compute + layout: an agenda and pages per class"),
    ("cohort check", "parse + checks"), ("SQLite", "compute (covering index)"), ("DuckDB", "parse (CSV)"),
  ]

  func render(sizes: [String], machine: String) -> String {
    let large = sizes.last!
    var lines = [
      "| figure | " + sizes.joined(separator: " | ") + " | target (\(large)) | met | bound by |",
      "|---|" + sizes.map { _ in "---|" }.joined() + "---|---|---|",
    ]
    for row in rows {
      let target = Self.targets.first { row.name.hasPrefix($0.prefix) }
      var met = "-"
      if let target, let v = row.median[large] { met = v < target.limit ? "yes" : "NO" }
      if row.name.hasPrefix("cold dashboard"), let v = row.median[large], let duck = self.row("DuckDB")?.median[large] {
        let share = Int(Self.duckDBShare)
        met += v <= duck / Self.duckDBShare ? "; yes vs DuckDB/\(share)" : "; NO vs DuckDB/\(share)"
      }
      let bound = Self.bounds.first { row.name.hasPrefix($0.prefix) }?.text ?? "-"
      lines.append(
        "| \(row.name) | " + sizes.map { row.text[$0] ?? "-" }.joined(separator: " | ")
          + " | \(target?.text ?? "-") | \(met) | \(bound) |")
    }
    lines.append("")
    lines.append("Cold dashboard ratios (median / median):")
    for size in sizes {
      guard let cohort = row("cold dashboard")?.median[size] else { continue }
      var parts: [String] = []
      if let s = row("SQLite")?.median[size] {
        // sqlite3's timer counts whole milliseconds.
        parts.append(s > 0 ? String(format: "Cohort / SQLite %.1fx", cohort / s) : "SQLite under 1 ms")
      }
      if let d = row("DuckDB")?.median[size] { parts.append(String(format: "Cohort / DuckDB %.2fx", cohort / d)) }
      let totals = [
        cohortTotal[size] ?? nil, databaseTotal["sqlite " + size] ?? nil, databaseTotal["duckdb " + size] ?? nil,
      ]
      .compactMap { $0 }
      let same = Set(totals).count == 1 && totals.count > 1 ? "same counts (\(totals[0]))" : "counts \(totals)"
      parts.append(same)
      lines.append("- \(size): " + parts.joined(separator: ", "))
    }
    lines.append("")
    lines.append("Medians of repeated runs, (min-max) in brackets; \(machine).")
    for f in failures { lines.append("FAILED: \(f)") }
    return lines.joined(separator: "\n")
  }

  func row(_ prefix: String) -> Row? { rows.first { $0.name.hasPrefix(prefix) } }

  /// Replaces the text between `<!-- bench:begin -->` and `<!-- bench:end -->`.
  static func write(_ output: String, into path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard let a = text.range(of: "<!-- bench:begin -->\n"), let b = text.range(of: "<!-- bench:end -->") else {
      throw BenchError("\(path) has no <!-- bench:begin --> / <!-- bench:end --> markers")
    }
    let date = ISO8601DateFormatter().string(from: Date())
    let new = text[..<a.upperBound] + "Measured \(date).\n\n" + output + "\n" + text[b.lowerBound...]
    try String(new).write(toFile: path, atomically: false, encoding: .utf8)
  }
}
