import CohortCore
import Foundation
import Testing

/// A device that holds some of the trust's schools (a teacher's laptop): every view and
/// command works on the schools present, names the others as not on this device, and writes
/// nothing about them.
@Suite(.serialized) struct PartialFolderTests {
  let s = Scratch()
  var dir: String { s.sub("laptop") }
  let y = ["--year", "2026-27", "--half-term", "autumn1"]

  init() throws {
    let r = try CLI.run(["sample", "--data", s.sub("laptop")] + CommandLineTests.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
    try FileManager.default.removeItem(atPath: s.sub("laptop") + "/schools/riverside")
  }

  func run(_ args: [String]) throws -> CLI.Result {
    let r = try CLI.run(args + ["--data", dir])
    #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.err)")
    return r
  }

  @Test func trustViewsShowTheSchoolsPresentAndNameTheOthers() throws {
    let analysis = try run(["show", "analysis", "--scope", "trust", "--breakdown", "school", "--json"] + y)
    #expect(analysis.err.contains("note: not on this device: Riverside"), "\(analysis.err)")
    #expect(analysis.out.contains("\"oakfield\"") && !analysis.out.contains("\"riverside\""))
    for args in [
      ["show", "flags", "--scope", "trust"] + y, ["show", "analysis", "--scope", "school:oakfield"] + y,
      ["show", "transitions", "--subject", "reading", "--from", "2025-26:summer2", "--to", "2026-27:autumn1"],
      ["meeting", "actions", "--school", "oakfield", "--year", "2025-26", "--all"],
      ["history", "--pupil", "oakfield-0001"], ["class", "list", "--school", "oakfield", "--year", "2026-27"],
      ["school", "list"], ["staff", "list"], ["trust", "show"], ["terms", "show", "--year", "2026-27"],
    ] {
      _ = try run(args)
    }
    let check = try run(["check"])
    #expect(check.out.contains("note: schools/riverside: Riverside") && check.out.contains("not on this device"))
  }

  @Test func outputsAndChangesTouchOnlyTheSchoolsPresent() throws {
    for (i, args) in [
      ["chart", "by-school"] + y, ["report", "trust-overview", "--scope", "trust"] + y,
      ["report", "school-summary", "--scope", "school:oakfield"] + y,
    ].enumerated() {
      _ = try run(args + ["--out", s.sub("out-\(i).\(args[0] == "chart" ? "png" : "pdf")")])
    }
    for what in ["judgements", "pupils", "scores"] {
      _ = try run(["export", "csv", "--what", what, "--out", s.sub("\(what).csv")])
    }
    _ = try run(["export", "xlsx", "--what", "workbook", "--out", s.sub("book.xlsx")])
    _ = try run(["merge"])
    let grid = try run(["show", "--class", "oakfield-y3", "--json"] + y)
    let first = try #require(
      ((try JSONSerialization.jsonObject(with: Data(grid.out.utf8)) as? [String: Any])?["pupils"] as? [[String: Any]])?
        .first?["id"] as? String)
    _ = try run(["set", "--pupil", first, "--subject", "reading", "--code", "G"] + y)
    _ = try run(["staff", "add", "--name", "Ms New", "--school", "oakfield"])
    _ = try run(["rollover", "--to", "2027-28", "--dry-run"])
    let refused = try CLI.run(["class", "list", "--school", "riverside", "--year", "2026-27", "--data", dir])
    #expect(
      refused.status == 1 && refused.err.contains("Riverside") && refused.err.contains("not on this device"),
      "\(refused.err)")
    let scheme = try CLI.run(["trust", "set", "--code-scheme", "wts-exs-gds", "--data", dir])
    #expect(scheme.status == 1 && scheme.err.contains("every school"), "\(scheme.err)")
    #expect(
      !FileManager.default.fileExists(atPath: dir + "/schools/riverside"), "nothing about the absent school is written")
  }
}
