import CohortCore
import Foundation
import Testing

/// The `cohort` commands through the built binary: output, exit codes, and files untouched
/// when input is bad.
@Suite(.serialized) struct CommandLineTests {
  static let sampleArgs = [
    "--schools", "2", "--pupils-per-school", "70", "--end-year", "2026-27", "--through", "autumn1",
  ]

  func sample(_ s: Scratch, _ name: String = "trust") throws -> String {
    let dir = s.sub(name)
    let r = try CLI.run(["sample", "--data", dir] + Self.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
    return dir
  }

  @Test func initCreatesATrustAndRefusesToRunTwice() throws {
    let s = Scratch()
    let dir = s.sub("new")
    let r = try CLI.run(["init", "--data", dir, "--trust", "Learn AT"])
    #expect(r.status == 0)
    let trust =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/trust.json")))
      as? [String: Any]
    #expect(trust?["name"] as? String == "Learn AT")
    #expect(trust?["id"] as? String == "learn-at")
    #expect(trust?["format"] as? Int == DocumentFormat.current)
    let again = try CLI.run(["init", "--data", dir, "--trust", "Other"])
    #expect(again.status != 0)
    #expect(again.err.contains("already holds a trust"))
    #expect(again.err.split(separator: "\n").count == 1)
    #expect(try CLI.run(["check", "--data", dir]).status == 0)
  }

  @Test func sampleIsDeterministicAndChecksClean() throws {
    let s = Scratch()
    let a = try sample(s, "a")
    let b = try sample(s, "b")
    let snapA = Scratch.snapshot(a)
    #expect(snapA.count > 20)
    #expect(snapA == Scratch.snapshot(b))
    let check = try CLI.run(["check", "--data", a, "--json"])
    #expect(check.status == 0, "\(check.out)")
    let json = try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any]
    #expect(json?["ok"] as? Bool == true)
    #expect((json?["judgements"] as? Int ?? 0) > 1000)
    let other = try CLI.run(["sample", "--data", s.sub("c"), "--seed", "2"] + Self.sampleArgs)
    #expect(other.status == 0)
    #expect(Scratch.snapshot(s.sub("c")) != snapA)
  }

  @Test func setThenShowJSON() throws {
    let s = Scratch()
    let dir = try sample(s)
    let show = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json",
    ])
    #expect(show.status == 0, "\(show.err)")
    let grid = try #require(try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])
    #expect(grid["class"] as? String == "oakfield-y3")
    #expect(grid["year"] as? String == "2026-27")
    #expect(grid["halfTerm"] as? String == "autumn2")
    let pupils = try #require(grid["pupils"] as? [[String: Any]])
    let first = try #require(pupils.first)
    #expect((first["judgements"] as? [String: String])?.isEmpty == true)
    let upn = try #require(first["upn"] as? String)
    let id = try #require(first["id"] as? String)
    #expect(first["name"] as? String != nil)

    let set = try CLI.run([
      "set", "--data", dir, "--pupil", upn.lowercased(), "--subject", "Reading", "--year", "2026-27", "--half-term",
      "autumn2", "--code", "g", "--by", "Ms Khan",
    ])
    #expect(set.status == 0, "\(set.err)")
    try CLI.run([
      "set", "--data", dir, "--pupil", id, "--subject", "maths", "--year", "2026-27", "--half-term", "autumn2",
      "--code", "Y",
    ])
    let after = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json",
    ])
    let grid2 = try JSONSerialization.jsonObject(with: Data(after.out.utf8)) as? [String: Any]
    let row = (grid2?["pupils"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    #expect(row?["judgements"] as? [String: String] == ["reading": "G", "maths": "Y"])

    let text = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2",
    ])
    #expect(text.out.contains("Reading") && text.out.contains("Codes: Y Not yet secure"))

    // A school's changes are journalled in its own folder; the trust's journal holds none.
    let journal = try String(contentsOfFile: dir + "/schools/oakfield/journal/cli-test.jsonl", encoding: .utf8)
    #expect(journal.contains("\"by\":\"Ms Khan\"") && journal.contains("\"new\":\"G\""))
    let trustJournal = (try? String(contentsOfFile: dir + "/journal/cli-test.jsonl", encoding: .utf8)) ?? ""
    #expect(!trustJournal.contains("\"pupil\""))
    let csv = s.sub("j.csv")
    #expect(try CLI.run(["export", "csv", "--data", dir, "--out", csv]).status == 0)
    let exported = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(exported.contains(",\(id),\(upn),") && exported.contains(",2026-27,autumn2,reading,G,at,Ms Khan,"))
    let attrs = try FileManager.default.attributesOfItem(atPath: csv)
    #expect((attrs[.posixPermissions] as? Int) == 0o600)
  }

  /// Each bad input: one line on stderr naming the value, a non-zero exit, no file changed.
  @Test(arguments: [
    (["--code", "Q"], "unknown code 'Q'"), (["--half-term", "autum2"], "unknown half-term 'autum2'"),
    (["--subject", "art"], "unknown subject 'art'"), (["--pupil", "A123"], "no pupil with id or UPN 'A123'"),
    (["--year", "2026/27"], "'2026/27' is not an academic year"),
  ])
  func badInputChangesNothing(override: [String], message: String) throws {
    let s = Scratch()
    let dir = try sample(s)
    let before = Scratch.snapshot(dir)
    var args: [String: String] = [
      "--pupil": "oakfield-0100", "--subject": "reading", "--year": "2026-27", "--half-term": "autumn2", "--code": "G",
    ]
    args[override[0]] = override[1]
    let r = try CLI.run(["set", "--data", dir] + args.flatMap { [$0.key, $0.value] })
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("cohort: ") && r.err.contains(message), "\(r.err)")
    #expect(r.err.split(separator: "\n").count == 1)
    #expect(Scratch.snapshot(dir) == before)
  }

  @Test func malformedDocumentsAreNamedAndLeftAlone() throws {
    let s = Scratch()
    let dir = try sample(s)
    let path = dir + "/schools/oakfield/2026-27/oakfield-y3.json"
    let broken = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "\"format\" : \(DocumentFormat.current),", with: "\"format\" : \(DocumentFormat.current),,")
    try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
    let before = Scratch.snapshot(dir)
    let show = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn1",
    ])
    #expect(show.status == 1)
    #expect(show.err.contains("schools/oakfield/2026-27/oakfield-y3.json") && show.err.contains("line "))
    let set = try CLI.run([
      "set", "--data", dir, "--pupil", "oakfield-0100", "--subject", "reading", "--year", "2026-27", "--half-term",
      "autumn2", "--code", "G",
    ])
    #expect(set.status == 1)
    let check = try CLI.run(["check", "--data", dir])
    #expect(check.status == 1)
    #expect(check.out.contains("oakfield-y3.json"))
    #expect(Scratch.snapshot(dir) == before)

    try Data(#"{"format": 7, "id": "x"}"#.utf8).write(to: URL(fileURLWithPath: dir + "/trust.json"))
    let newer = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn1",
    ])
    #expect(newer.status == 1 && newer.err.contains("newer version of Cohort (format 7"))
  }

  @Test func notADataFolderAndUsageErrors() throws {
    let s = Scratch()
    let r = try CLI.run(["check", "--data", s.sub("nothing")])
    #expect(r.status == 1 && r.err.contains("not a Cohort data folder"))
    let usage = try CLI.run(["show", "--data", s.path])
    #expect(usage.status != 0 && usage.err.contains("--class"))
    let exportPupils = try CLI.run([
      "export", "csv", "--data", try sample(s), "--out", s.sub("p.csv"), "--what", "pupils",
    ])
    #expect(exportPupils.status == 0)
    let header = try String(contentsOfFile: s.sub("p.csv"), encoding: .utf8).split(separator: "\r\n").first
    #expect(
      header
        == "pupil_id,upn,surname,forename,dob,sex,school,class,year_group,pupil_premium,fsm,sen,eal,year_group_source,age_year_group"
    )
  }
}
