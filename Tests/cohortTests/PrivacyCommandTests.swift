import CohortCore
import CohortStore
import Foundation
import Testing

/// A subject access request and an erasure on a trust made from its MIS's CTF: the export
/// holds everything, and after the erasure no byte of the folder (journals, sync conflict
/// copies and set-aside copies included) holds the pupil's name, UPN or date of birth.
@Suite(.serialized) struct PrivacyCommandTests {
  let s = Scratch()
  var dir: String { s.sub("trust") }
  let hannah = (name: "Hannah Lee", upn: CTFFile.upn(1), dob: "2018-10-04")
  let school = "meadow-primary"
  let y = ["--year", "2026-27", "--half-term", "autumn2"]

  @discardableResult
  func ok(_ args: [String]) throws -> CLI.Result {
    let r = try CLI.run(args + ["--data", dir])
    #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.err)")
    return r
  }

  /// A school from a CTF, its Year 3 in one class, codes and a meeting that names Hannah.
  func setUp() throws {
    try ok(["init", "--trust", "Meadow Learning Trust"])
    let ctf = s.sub("mis.xml")
    try CTFFile().xml.write(toFile: ctf, atomically: false, encoding: .utf8)
    try ok(["import", "ctf", ctf])
    try ok(["class", "add", "--school", school, "--year", "2026-27", "--name", "Oak", "--year-groups", "3"])
    for n in 1...3 {
      try ok(["class", "move", "--pupil", CTFFile.upn(n), "--to", "\(school)-oak", "--year", "2026-27"])
    }
    try ok(["staff", "add", "--name", "Ms A Patel"])
    for (subject, code) in [("reading", "G"), ("maths", "Y")] {
      try ok(["set", "--pupil", hannah.upn, "--subject", subject, "--code", code] + y)
    }
    try ok(["set", "--pupil", CTFFile.upn(2), "--subject", "reading", "--code", "P"] + y)
    let meeting = ["--class", "\(school)-oak"] + y
    try ok(["meeting", "note", "--pupil", hannah.upn, "--text", "Hannah Lee read a whole chapter"] + meeting)
    try ok(
      [
        "meeting", "add-action", "--kind", "intervention", "--pupils", "\(hannah.upn),\(CTFFile.upn(2))", "--subject",
        "reading", "--description", "Phonics group for Hannah Lee and Omar", "--owner", "Ms A Patel",
      ] + meeting)
  }

  var classDoc: String { dir + "/schools/\(school)/2026-27/\(school)-oak.json" }

  @Test func theExportHoldsEverythingAndTheErasureLeavesNoTrace() throws {
    try setUp()
    let json = s.sub("hannah.json")
    try ok(["pupil", "export", "--pupil", hannah.upn, "--out", json])
    let e = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    #expect((e["pupil"] as? [String: Any])?["upn"] as? String == hannah.upn)
    let judgements = try #require(e["judgements"] as? [[String: Any]])
    #expect(judgements.count == 2 && judgements.allSatisfy { $0["by"] as? String == "tester" })
    #expect((e["meetings"] as? [[String: Any]])?.count == 2, "the evidence note and the action naming her")
    #expect(((e["history"] as? [[String: Any]])?.count ?? 0) >= 3, "import, class move and two codes")
    try ok(["pupil", "export", "--pupil", hannah.upn, "--out", s.sub("hannah.pdf")])
    #expect(try Data(contentsOf: URL(fileURLWithPath: s.sub("hannah.pdf"))).starts(with: Array("%PDF".utf8)))
    // Copies a sync tool and an earlier merge left: they hold her too.
    let folder = (classDoc as NSString).deletingLastPathComponent
    try FileManager.default.copyItem(
      atPath: classDoc, toPath: folder + "/\(school)-oak.sync-conflict-20261201-101010-AAAAAAA.json")
    try FileManager.default.createDirectory(atPath: folder + "/.conflicts", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: classDoc, toPath: folder + "/.conflicts/\(school)-oak.sync-conflict-old.json")
    let roster = dir + "/schools/\(school)/pupils.json"
    try FileManager.default.copyItem(
      atPath: roster, toPath: dir + "/schools/\(school)/pupils.sync-conflict-20261201-101010-AAAAAAA.json")
    let refused = try CLI.run(["pupil", "erase", "--pupil", hannah.upn, "--data", dir])
    #expect(refused.status == 1 && refused.err.contains("add --yes"), "an erasure asks first, naming whom")
    try ok(["pupil", "erase", "--pupil", hannah.upn, "--yes", "--reason", "subject's request"])
    for (path, bytes) in Scratch.snapshot(dir) {
      let text = String(decoding: bytes, as: UTF8.self)
      for needle in [hannah.name, hannah.upn, hannah.dob, "Hannah"] {
        #expect(!text.localizedCaseInsensitiveContains(needle), "\(path) still holds \(needle)")
      }
    }
    let omar = try ok(["show", "--class", "\(school)-oak", "--json"] + y).out
    #expect(omar.contains("\"reading\" : \"P\"") && !omar.contains(hannah.upn), "the other pupils' data stays")
    let journal = try String(contentsOfFile: dir + "/schools/\(school)/journal/cli-test.jsonl", encoding: .utf8)
    #expect(journal.contains("erased a pupil's personal data (subject's request)"))
    #expect(try ok(["check"]).status == 0)
    // A laptop that had not synced yet sends its older copy: merging it brings nothing back.
    try FileManager.default.copyItem(
      atPath: folder + "/.conflicts/\(school)-oak.sync-conflict-20261201-101010-AAAAAAA.json",
      toPath: folder + "/\(school)-oak.sync-conflict-20261201-121212-BBBBBBB.json")
    try ok(["merge"])
    #expect(try !String(contentsOfFile: classDoc, encoding: .utf8).contains("Hannah"))
  }

  @Test func leaversPastTheRetentionPeriodAreListedThenErased() throws {
    try setUp()
    // Ava (pupil 4) is not in the next file from the MIS: she left in July 2019.
    let ctf = s.sub("without-ava.xml")
    try CTFFile().xml
      .split(separator: "\n").filter { !$0.contains(CTFFile.upn(4)) }.joined(separator: "\n")
      .write(toFile: ctf, atomically: false, encoding: .utf8)
    try ok(["import", "ctf", ctf, "--leavers", "--date", "20/07/2019"])
    let none = try CLI.run(["retention", "apply", "--dry-run", "--data", dir])
    #expect(none.status == 1 && none.err.contains("no retention period"))
    try ok(["retention", "set", "--years", "6"])
    let before = Scratch.snapshot(dir)
    let dry = try ok(["retention", "apply", "--dry-run"])
    #expect(dry.out.contains("Would erase Ava Brown, left 20/07/2019") && dry.out.contains("1 leaver"))
    #expect(Scratch.snapshot(dir) == before, "a dry run changes nothing")
    try ok(["retention", "apply"])
    #expect(Scratch.snapshot(dir).values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("Ava Brown") })
    #expect(try ok(["retention", "apply", "--dry-run"]).out.contains("0 leavers"))
  }
}

/// The set-up and privacy commands leave nothing in temp files and name no pupil on stderr
/// (where logs end up); only what the person asked for goes to standard output.
@Suite(.serialized) struct NoPupilDataOutsideTheFolderTests {
  @Test func newCommandsWriteNoTempFilesAndNoNamesToStderr() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    let temp = s.sub("tmp")
    try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
    let ctf = s.sub("mis.xml")
    try CTFFile().xml.write(toFile: ctf, atomically: false, encoding: .utf8)
    let school = "meadow-primary"
    let runs: [[String]] = [
      ["init", "--trust", "T"], ["import", "ctf", ctf], ["school", "list"], ["staff", "add", "--name", "Ms A Patel"],
      ["class", "add", "--school", school, "--year", "2026-27", "--name", "Oak", "--year-groups", "3"],
      ["class", "move", "--pupil", CTFFile.upn(1), "--to", "\(school)-oak", "--year", "2026-27"],
      ["class", "list", "--school", school, "--year", "2026-27", "--json"],
      [
        "terms", "set", "--year", "2026-27", "--starts",
        "03/09/2026,02/11/2026,05/01/2027,22/02/2027,12/04/2027,07/06/2027",
      ],
      ["trust", "show"], ["check"], ["merge"], ["pupil", "export", "--pupil", CTFFile.upn(1), "--out", s.sub("p.pdf")],
      ["pupil", "export", "--pupil", CTFFile.upn(2), "--out", s.sub("p.json")], ["retention", "set", "--years", "6"],
      ["retention", "apply", "--dry-run"], ["pupil", "erase", "--pupil", CTFFile.upn(3), "--yes"],
    ]
    for args in runs {
      let r = try CLI.run(args + ["--data", dir], env: ["TMPDIR": temp])
      #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.err)")
      for p in CTFFile.pupils {
        #expect(!r.err.contains(p.1), "\(args[0]) \(args.count > 1 ? args[1] : ""): stderr names \(p.0) \(p.1)")
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp).isEmpty, "no temp files outside the folder")
    for (path, _) in Scratch.snapshot(dir) where !path.hasSuffix(".cohort.lock") {
      let mode = try FileManager.default.attributesOfItem(atPath: dir + "/" + path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(path) is private")
    }
  }
}
