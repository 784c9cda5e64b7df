import CohortCore
import CohortStore
import Foundation

/// A generated trust, made once with `cohort sample` and kept in the cache folder (outside
/// the repository) with its CSV export and SQLite copy. A stamp file written last says it is
/// complete; anything without one is regenerated.
struct TrustSize {
  var name: String
  var schools: Int
  var pupils: Int
  var years: Int

  static let endYear = "2026-27"
  static let through = "autumn1"
  static let standard = [
    TrustSize(name: "small", schools: 1, pupils: 660, years: 7),
    TrustSize(name: "medium", schools: 7, pupils: 660, years: 7),
    TrustSize(name: "large", schools: 90, pupils: 660, years: 7),
  ]
  static let smoke = [TrustSize(name: "smoke", schools: 2, pupils: 60, years: 2)]

  /// Bump when `cohort sample` or the document format changes what is generated.
  static let version = "v3"  // v2: the sample holds meetings (format 3); v3: their compact layout
  var key: String { "\(name)-\(schools)x\(pupils)x\(years)-\(Self.version)" }
  var sampleArguments: [String] {
    [
      "--schools", "\(schools)", "--pupils-per-school", "\(pupils)", "--years", "\(years)", "--seed", "1",
      "--end-year", Self.endYear, "--through", Self.through,
    ]
  }
}

struct TrustCache {
  let root: String
  let cohort: String
  let scratch: String

  static var defaultRoot: String {
    let env = ProcessInfo.processInfo.environment
    if let r = env["COHORT_BENCH_CACHE"], !r.isEmpty { return r }
    let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
    return base + "/cohort-bench"
  }

  func folder(_ size: TrustSize) -> String { root + "/" + size.key }
  func csv(_ size: TrustSize) -> String { root + "/" + size.key + ".csv" }
  func sqlite(_ size: TrustSize) -> String { root + "/" + size.key + ".sqlite" }

  /// Generates the trust if it is not cached; returns how long that took (nil: cached).
  func ensureTrust(_ size: TrustSize) throws -> Double? {
    let stamp = folder(size) + ".ready"
    if FileManager.default.fileExists(atPath: stamp) { return nil }
    let tmp = folder(size) + ".tmp"
    try? FileManager.default.removeItem(atPath: tmp)
    try? FileManager.default.removeItem(atPath: folder(size))
    log("generating the \(size.name) trust (\(size.schools) x \(size.pupils) x \(size.years)) in \(folder(size))")
    let r = Spawn.run(cohort, ["sample", "--data", tmp] + size.sampleArguments, scratch: scratch)
    guard r.ok else { throw BenchError("cohort sample failed: \(r.reason)") }
    try? FileManager.default.removeItem(atPath: tmp + "/.cohort.lock")
    try FileManager.default.moveItem(atPath: tmp, toPath: folder(size))
    _ = FileManager.default.createFile(atPath: stamp, contents: Data(size.sampleArguments.joined(separator: " ").utf8))
    return r.seconds
  }

  /// Reads every file of the trust once, untimed, so that a row measures the work on files
  /// in the page cache, as on a laptop where the trust was just open. This machine's kernel
  /// (DAMON reclaim) pages out file pages left alone for a minute, so a row run minutes after
  /// the last read of them read from the disk: `cohort check` took 1.84-2.0 s here against
  /// 1.3-1.5 s by hand.
  func warm(_ size: TrustSize) {
    let folder = DataFolder(root: folder(size), author: Author(by: "bench", device: "bench"))
    let fs = PosixFileSystem()
    for relative in folder.allFiles() {
      guard let fd = try? fs.open(folder.absolute(relative), flags: O_RDONLY, mode: 0) else { continue }
      if let size = try? fs.size(fd) { _ = try? fs.pread(fd, count: size, at: 0) }
      fs.close(fd)
    }
  }

  /// Every judgement as CSV (`cohort export csv`), for SQLite and DuckDB.
  func ensureCSV(_ size: TrustSize) throws {
    if FileManager.default.fileExists(atPath: csv(size) + ".ready") { return }
    log("exporting the \(size.name) trust to CSV")
    let r = Spawn.run(
      cohort, ["export", "csv", "--what", "judgements", "--data", folder(size), "--out", csv(size)], scratch: scratch)
    guard r.ok else { throw BenchError("cohort export csv failed: \(r.reason)") }
    _ = FileManager.default.createFile(atPath: csv(size) + ".ready", contents: Data())
  }

  /// The CSV imported into SQLite with an index that covers the dashboard query.
  func ensureSQLite(_ size: TrustSize) throws {
    if FileManager.default.fileExists(atPath: sqlite(size) + ".ready") { return }
    try? FileManager.default.removeItem(atPath: sqlite(size))
    log("loading the \(size.name) CSV into SQLite")
    let script = """
      .mode csv
      .import '\(csv(size))' judgements
      CREATE INDEX judgements_dashboard ON judgements(academic_year, half_term, school, subject, band);
      ANALYZE;

      """
    let r = Spawn.run("sqlite3", [sqlite(size)], scratch: scratch, stdin: script)
    guard r.ok, r.stderr.isEmpty else { throw BenchError("sqlite3 import failed: \(r.reason)") }
    // Pupil names are in it (generated ones, but the rule is the same): private like the folder.
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: sqlite(size))
    _ = FileManager.default.createFile(atPath: sqlite(size) + ".ready", contents: Data())
  }
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ d: String) { description = d }
}

/// Progress goes to stderr so that stdout is only the table.
func log(_ line: String) { FileHandle.standardError.write(Data("cohort-bench: \(line)\n".utf8)) }
