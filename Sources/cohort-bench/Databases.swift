import Foundation

/// The same dashboard query (band counts per subject per school for one half-term) answered
/// by SQLite and by DuckDB, for the ratios. Both return (school, subject, band, count) rows.
enum Databases {
  static func sql(year: String, halfTerm: String, from table: String) -> String {
    "SELECT school, subject, band, count(*) FROM \(table) WHERE academic_year = '\(year)' AND half_term = '\(halfTerm)'"
      + " AND band <> '' GROUP BY school, subject, band"
  }

  /// SQLite: the query alone (`.timer on` inside one sqlite3 process; the table and index
  /// are already built). Returns the time and the total count, for a consistency check.
  static func sqlite(db: String, year: String, halfTerm: String, scratch: String) -> (Double, Int)? {
    let query = sql(year: year, halfTerm: halfTerm, from: "judgements")
    let r = Spawn.run("sqlite3", [db], scratch: scratch, stdin: ".timer on\n" + query + ";\n")
    guard r.ok else { return nil }
    var seconds: Double?
    var total = 0
    for line in r.stdout.split(separator: "\n") {
      if line.hasPrefix("Run Time: real ") {
        seconds = Double(line.dropFirst("Run Time: real ".count).split(separator: " ")[0])
      } else if let n = line.split(separator: "|").last.flatMap({ Int($0) }) {
        total += n
      }
    }
    return seconds.map { ($0, total) }
  }

  /// DuckDB (the Python package): read_csv of every judgement plus the same GROUP BY, timed
  /// inside Python after `import duckdb` (so interpreter start-up is not counted).
  static func duckdb(csv: String, year: String, halfTerm: String, scratch: String) -> (Double, Int)? {
    let query = sql(year: year, halfTerm: halfTerm, from: "read_csv('\(csv)', header = true, all_varchar = true)")
    let script = """
      import time, duckdb
      con = duckdb.connect()
      con.execute("SET enable_progress_bar = false")
      t = time.perf_counter()
      rows = con.execute(\"\"\"\(query)\"\"\").fetchall()
      print(time.perf_counter() - t, sum(r[3] for r in rows))
      """
    let r = Spawn.run("python3", ["-c", script], scratch: scratch)
    guard r.ok else { return nil }
    let last = r.stdout.split(separator: "\n").last ?? ""
    let parts = last.split(whereSeparator: \.isWhitespace)
    guard parts.count == 2, let s = Double(parts[0]), let n = Int(parts[1]) else { return nil }
    return (s, n)
  }

  static func duckdbAvailable(scratch: String) -> Bool {
    Spawn.run("python3", ["-c", "import duckdb"], scratch: scratch).ok
  }
}
