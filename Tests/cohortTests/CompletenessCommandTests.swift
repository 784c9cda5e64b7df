import CohortCore
import Foundation
import Testing

/// A trust made as a school starts one (`cohort init`, its MIS's CTF, two Year 3 classes, a
/// pupil moved between them after a code was entered), then what leaders read of it.
struct CTFTrust {
  let s = Scratch()
  var dir: String { s.sub("trust") }
  static let school = "meadow-primary"
  static let year = ["--year", "2026-27"]

  @discardableResult
  func run(_ args: String...) throws -> CLI.Result { try run(args) }
  @discardableResult
  func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--data", dir]) }

  func ok(_ args: String...) throws {
    let r = try run(args)
    #expect(r.status == 0, "\(args): \(r.err)")
  }

  func json(_ args: String...) throws -> [String: Any] { try json(args) }
  func json(_ args: [String]) throws -> [String: Any] {
    let r = try run(args + ["--json"])
    #expect(r.status == 0, "\(args): \(r.err)")
    return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
  }

  func code(_ pupil: Int, _ subject: String, _ half: String, _ code: String) throws {
    try ok(
      "set", "--pupil", CTFFile.upn(pupil), "--subject", subject, "--year", "2026-27", "--half-term", half, "--code",
      code)
  }

  /// Hannah (1) starts in 3B and is moved to 3A once her Autumn 2 reading is entered there;
  /// Omar (2) is in 3A; Ruby (3) and Ava (4, Year 6 by the MIS) are in 3B. Science is judged
  /// in Year 4 only.
  init() throws {
    try ok("init", "--trust", "Meadow Learning Trust")
    let path = s.sub("mis.xml")
    try CTFFile().xml.write(toFile: path, atomically: false, encoding: .utf8)
    try ok("import", "ctf", path)
    for name in ["Ms Patel", "Mr Jones"] { try ok("staff", "add", "--name", name, "--school", Self.school) }
    try ok("trust", "add-subject", "--name", "Science", "--year-groups", "4")
    for (name, teacher) in [("3A", "Ms Patel"), ("3B", "Mr Jones")] {
      try ok(
        "class", "add", "--school", Self.school, "--year", "2026-27", "--name", name, "--year-groups", "3",
        "--teacher", teacher)
    }
    for (n, to) in [(1, "3b"), (2, "3a"), (3, "3b"), (4, "3b")] {
      try ok("class", "move", "--pupil", CTFFile.upn(n), "--to", "\(Self.school)-\(to)", "--year", "2026-27")
    }
    try code(1, "reading", "autumn2", "G")
    try ok("class", "move", "--pupil", CTFFile.upn(1), "--to", "\(Self.school)-3a", "--year", "2026-27")
    try code(2, "reading", "autumn1", "Y")
    try code(3, "reading", "autumn1", "P")
    try code(2, "reading", "autumn2", "Y")
    try code(3, "reading", "autumn2", "G")
    try code(2, "writing", "autumn2", "N")
    try code(1, "writing", "autumn2", "Y")
  }
}

@Suite(.serialized) struct CompletenessCommandTests {
  let when = ["--year", "2026-27", "--half-term", "autumn2"]

  func subjects(_ out: [String: Any]) -> [String: [String: Any]] {
    Dictionary(
      uniqueKeysWithValues: (out["subjects"] as? [[String: Any]] ?? []).map { ($0["subject"] as? String ?? "", $0) })
  }

  func behind(_ s: [String: Any]?) -> [String] {
    (s?["behind"] as? [[String: Any]] ?? []).map { "\($0["className"]!) \($0["entered"]!)/\($0["expected"]!)" }
  }

  @Test func completenessCountsThePupilsInEachClassNowAndCodesWhereverEntered() throws {
    let t = try CTFTrust()
    let school = try t.json(
      "show", "completeness", "--scope", "school:\(CTFTrust.school)", "--year", "2026-27", "--half-term", "autumn2")
    let by = subjects(school)
    // Science is judged in Year 4 only: no class here enters it.
    #expect(Set(by.keys) == ["reading", "writing", "maths"])
    // Hannah's reading was entered in 3B before she moved: it counts, and she is expected once, in 3A.
    #expect(by["reading"]?["entered"] as? Int == 3 && by["reading"]?["expected"] as? Int == 4)
    #expect(behind(by["reading"]) == ["3B 1/2"])
    // Omar's "not assessed" is entered; Ava's and Ruby's writing are not.
    #expect(by["writing"]?["entered"] as? Int == 2 && behind(by["writing"]) == ["3B 0/2"])
    #expect(behind(by["maths"]) == ["3A 0/2", "3B 0/2"])
    #expect((school["entered"] as? Int, school["expected"] as? Int, school["percent"] as? Int) == (5, 12, 41))
    let teachers = (by["maths"]?["behind"] as? [[String: Any]])?.map { $0["teachers"] as? [String] ?? [] }
    #expect(teachers == [["Ms Patel"], ["Mr Jones"]])
    let a = try t.json(
      "show", "completeness", "--scope", "class:\(CTFTrust.school)-3a", "--year", "2026-27", "--half-term", "autumn2")
    let b = try t.json(
      "show", "completeness", "--scope", "class:\(CTFTrust.school)-3b", "--year", "2026-27", "--half-term", "autumn2")
    #expect((a["entered"] as? Int, a["expected"] as? Int) == (4, 6))
    #expect((b["entered"] as? Int, b["expected"] as? Int) == (1, 6), "Hannah is not counted in the class she left")
    let text = try t.run("show", "completeness", "--scope", "trust", "--year", "2026-27", "--half-term", "autumn2")
    #expect(text.out.contains("Reading: 3 of 4 entered") && text.out.contains("3B (Mr Jones): 1 of 2 entered"))
    #expect(!text.out.contains("meadow-primary"), "names, not ids: \(text.out)")
  }

  @Test func theHalfTermAScopeOpensOnFollowsTheTrustsSetting() throws {
    let t = try CTFTrust()
    let args = ["show", "completeness", "--scope", "trust", "--year", "2026-27", "--half-term", "spring1"]
    var out = try t.json(args)
    // Spring 1 has nothing, Autumn 2 41%, Autumn 1 2 of 12: none is 80% entered.
    #expect(out["opensOn"] as? String == "2026-27 autumn2" && out["opensOnMostlyEntered"] as? Bool == false)
    #expect(out["threshold"] as? Int == 80)
    try t.ok("trust", "set", "--mostly-entered", "40")
    #expect(try t.json("trust", "show")["mostlyEnteredPercent"] as? Int == 40)
    out = try t.json(args)
    #expect(out["opensOn"] as? String == "2026-27 autumn2" && out["opensOnMostlyEntered"] as? Bool == true)
    let text = try t.run(args)
    #expect(text.out.contains("Opens on Autumn 2 2026-27: the latest half-term at least 40% entered"))
    let refused = try t.run("trust", "set", "--mostly-entered", "0")
    #expect(refused.status == 1 && refused.err.contains("give 1 to 100"))
  }

  @Test func pupilsToLookAtAreInOrderOfConcernAndAnEmptyCellIsNeverAFlag() throws {
    let t = try CTFTrust()
    let out = try t.json("show", "flags", "--scope", "trust", "--year", "2026-27", "--half-term", "autumn2")
    let rows = out["rows"] as? [[String: Any]] ?? []
    let seen = rows.map { "\($0["name"]!) \($0["className"]!) \($0["subjectName"]!) \($0["rule"]!) \($0["since"]!)" }
    #expect(
      seen == [
        "Omar Khan 3A Reading flag.falling-behind 2026-27 autumn1",
        "Hannah Lee 3A Writing flag.falling-behind 2026-27 autumn2",
        "Ruby Jones 3B Reading flag.dropped-band 2026-27 autumn2",
      ])
    // Ava has nothing entered and is not flagged for it.
    #expect(out["flagged"] as? Int == 3 && out["outOf"] as? Int == 4)
    #expect(rows.allSatisfy { ($0["reason"] as? String)?.contains("no judgement") == false })
    let girls = try t.json(
      "show", "flags", "--scope", "trust", "--group", "female", "--year", "2026-27", "--half-term", "autumn2")
    #expect((girls["flagged"] as? Int, girls["outOf"] as? Int) == (2, 3))
    let text = try t.run("show", "flags", "--scope", "trust", "--year", "2026-27", "--half-term", "autumn2")
    #expect(text.out.hasPrefix("Pupils to look at: 3 of 4: Meadow Learning Trust"))
    #expect(
      text.out.contains("Omar Khan, 3A: Reading: Not yet secure (Y) at Autumn 2") && text.out.contains("since Autumn 1")
    )
    #expect(!text.out.contains("no judgement yet") && !text.out.contains("meadow-primary"))
  }

  @Test func gapsAndChartsNameSchoolsAndClassesAndSuppressSmallGroups() throws {
    let t = try CTFTrust()
    let r = try t.run(
      "show", "gaps", "--scope", "school:\(CTFTrust.school)", "--subject", "reading", "--year", "2026-27",
      "--half-term", "autumn2", "--json")
    #expect(r.status == 0, "\(r.err)")
    let tables = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
    let rows = try #require(tables.first?["rows"] as? [[String: Any]])
    #expect(rows.map { $0["name"] as? String } == ["Meadow Primary", "Year 3", "Year 6"])
    let cells = try #require(rows.first?["cells"] as? [[String: Any]])
    // Three pupils assessed in reading: every group and its rest split them, all too few to show.
    #expect(
      cells.allSatisfy { ($0["groupN"] as! Int) + ($0["restN"] as! Int) == 3 && $0["suppressed"] as? Bool == true })
    let text = try t.run(
      "show", "gaps", "--scope", "school:\(CTFTrust.school)", "--year", "2026-27", "--half-term", "autumn2")
    #expect(text.out.contains("too few (") && text.out.contains("fewer than 5 pupils shows its size only"))
    for (kind, title) in [
      ("bands", "3A, Meadow Primary: judgements at Autumn 2 2026-27"), ("gaps", "Reading: gaps between groups"),
      ("over-time", "Reading over time: 3A, Meadow Primary"), ("scores", ": 3A, Meadow Primary"),
    ] {
      let out = t.s.sub("\(kind).png")
      let drawn = try t.run(
        "chart", kind, "--scope", "class:\(CTFTrust.school)-3a", "--year", "2026-27", "--half-term", "autumn2", "--out",
        out)
      #expect(drawn.status == 0 && drawn.out.contains(title), "\(kind): \(drawn.out) \(drawn.err)")
      #expect(FileManager.default.fileExists(atPath: out))
    }
  }
}
