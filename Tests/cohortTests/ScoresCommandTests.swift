import Foundation
import Testing

@Suite(.serialized) struct ScoresCommandTests {
  func sample(_ s: Scratch) throws -> String {
    let dir = s.sub("trust")
    let r = try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
    return dir
  }

  func pupils(_ dir: String, half: String = "autumn2") throws -> [[String: Any]] {
    let show = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", half, "--json",
    ])
    let grid = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any]
    return grid?["pupils"] as? [[String: Any]] ?? []
  }

  @Test func importRefusesABadFileWholeThenAcceptsPartOnRequest() throws {
    let s = Scratch()
    let dir = try sample(s)
    let ps = try pupils(dir)
    let upn0 = try #require(ps[0]["upn"] as? String)
    let upn1 = try #require(ps[1]["upn"] as? String)
    let csv = s.sub("scores.csv")
    try Data("UPN,Standardised score\n\(upn0),104\n\(upn1),200\n".utf8).write(to: URL(fileURLWithPath: csv))
    let args = [
      "import", "scores", csv, "--data", dir, "--test", "nfer-reading", "--year", "2026-27", "--term", "autumn",
      "--date", "20/11/2026",
    ]
    let before = Scratch.snapshot(dir)
    let refused = try CLI.run(args)
    #expect(refused.status == 1)
    #expect(refused.out.contains("line 3: will not import") && refused.out.contains("200 is outside"))
    #expect(refused.err.contains("nothing was changed"))
    #expect(Scratch.snapshot(dir) == before)
    let dry = try CLI.run(args + ["--dry-run", "--accept-partial"])
    #expect(dry.status == 0 && dry.out.contains("Would import 1 change"))
    #expect(Scratch.snapshot(dir) == before)
    let partial = try CLI.run(args + ["--accept-partial"])
    #expect(partial.status == 0 && partial.out.contains("Imported 1 change"))
    let again = try CLI.run(args + ["--accept-partial", "--json"])
    let out = try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any]
    #expect((out?["changes"] as? [Any])?.isEmpty == true && out?["unchanged"] as? Int == 1)

    let side = try CLI.run([
      "show", "side-by-side", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--term", "autumn",
      "--json",
    ])
    #expect(side.status == 0, "\(side.err)")
    let grid = try JSONSerialization.jsonObject(with: Data(side.out.utf8)) as? [String: Any]
    let row = (grid?["pupils"] as? [[String: Any]])?.first { $0["id"] as? String == ps[0]["id"] as? String }
    let reading = (row?["subjects"] as? [String: Any])?["reading"] as? [String: Any]
    #expect(reading?["score"] as? Int == 104 && reading?["scoreBand"] as? String == "In line with average")
    #expect(reading?["test"] as? String == "nfer-reading")

    let export = try CLI.run(["export", "csv", "--what", "scores", "--data", dir, "--out", s.sub("s.csv")])
    #expect(export.status == 0)
    let text = try String(contentsOfFile: s.sub("s.csv"), encoding: .utf8)
    #expect(
      text.hasPrefix(
        "school,class,pupil_id,upn,academic_year,term,test,subject,raw,standardised,age_months,band,percentile\r\n"))
    #expect(text.contains(",\(upn0),2026-27,autumn,nfer-reading,reading,,104,"))
  }

  @Test func unknownTestsAndTermsAreNamed() throws {
    let s = Scratch()
    let dir = try sample(s)
    let csv = s.sub("x.csv")
    try Data("UPN,Score\n".utf8).write(to: URL(fileURLWithPath: csv))
    let r = try CLI.run([
      "import", "scores", csv, "--data", dir, "--test", "sats", "--year", "2026-27", "--term", "autumn",
    ])
    #expect(r.status == 1 && r.err.contains("unknown test 'sats'") && r.err.contains("nfer-reading"))
    let t = try CLI.run([
      "import", "scores", csv, "--data", dir, "--test", "pira", "--year", "2026-27", "--term", "winter",
    ])
    #expect(t.status == 1 && t.err.contains("unknown term 'winter'"))
    let k = try CLI.run(["import", "marks", csv, "--data", dir])
    #expect(k.status == 1 && k.err.contains("no importer for 'marks'"))
  }
}

@Suite(.serialized) struct BackupAndHistoryCommandTests {
  @Test func historyBackupAndRestoreThroughTheCLI() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    #expect(try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs).status == 0)
    let show = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json",
    ])
    let grid = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any]
    let id = try #require((grid?["pupils"] as? [[String: Any]])?.first?["id"] as? String)
    let set = [
      "set", "--data", dir, "--pupil", id, "--subject", "reading", "--year", "2026-27", "--half-term", "autumn2",
    ]
    #expect(try CLI.run(set + ["--code", "G", "--by", "Ms Khan"]).status == 0)
    #expect(try CLI.run(set + ["--code", "Y", "--by", "Mr Shah"]).status == 0)
    let history = try CLI.run(["history", "--data", dir, "--pupil", id])
    #expect(history.out.contains("Ms Khan on cli-test  reading autumn2: - -> G"))
    #expect(history.out.contains("Mr Shah on cli-test  reading autumn2: G -> Y"))
    let archive = s.sub("trust.cohortbackup")
    let env = ["COHORT_PASSPHRASE": "correct horse battery"]
    let backup = try CLI.run(["backup", "--data", dir, "--out", archive], env: env)
    #expect(backup.status == 0, "\(backup.err)")
    let wrong = try CLI.run(
      ["restore", "--data", s.sub("copy"), "--in", archive], env: ["COHORT_PASSPHRASE": "wrong passphrase!"])
    #expect(wrong.status == 1 && wrong.err.contains("wrong passphrase"))
    #expect(!FileManager.default.fileExists(atPath: s.sub("copy") + "/trust.json"))
    let restore = try CLI.run(["restore", "--data", s.sub("copy"), "--in", archive], env: env)
    #expect(restore.status == 0, "\(restore.err)")
    #expect(try CLI.run(["check", "--data", s.sub("copy")]).status == 0)
    let after = try CLI.run(["history", "--data", s.sub("copy"), "--pupil", id])
    #expect(after.out == history.out)
    #expect(try CLI.run(["merge", "--data", dir]).status == 0)
    // Every kind of write above left files private to the user.
    for root in [dir, s.sub("copy")] {
      for rel in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
        let attrs = try FileManager.default.attributesOfItem(atPath: root + "/" + rel)
        let mode = (attrs[.posixPermissions] as? Int) ?? 0
        let isDir = attrs[.type] as? FileAttributeType == .typeDirectory
        #expect(mode == (isDir ? 0o700 : 0o600), "\(rel) is \(String(mode, radix: 8))")
      }
    }
    let archiveMode = try FileManager.default.attributesOfItem(atPath: archive)[.posixPermissions] as? Int
    #expect(archiveMode == 0o600)
  }
}

@Suite(.serialized) struct AnalysisCommandTests {
  @Test func analysisFlagsTransitionsAndChartsHeadless() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    #expect(try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs).status == 0)
    let base = ["--data", dir, "--year", "2026-27", "--half-term", "autumn1"]
    let analysis = try CLI.run(["show", "analysis", "--group", "eal", "--json"] + base)
    #expect(analysis.status == 0, "\(analysis.err)")
    let rows = try JSONSerialization.jsonObject(with: Data(analysis.out.utf8)) as? [[String: Any]]
    #expect(rows?.map { $0["subject"] as? String } == ["reading", "writing", "maths"])
    let gap = rows?.first?["gap"] as? [String: Any]
    #expect((gap?["groupSummary"] as? [String: Any])?["assessed"] as? Int ?? 0 > 0)
    let flags = try CLI.run(["show", "flags", "--scope", "class:oakfield-y3", "--json"] + base)
    #expect(flags.status == 0 && flags.out.contains("below the year's expectations"))
    let t = try CLI.run([
      "show", "transitions", "--data", dir, "--subject", "reading", "--from", "2025-26:summer2", "--to",
      "2026-27:autumn1",
    ])
    #expect(t.status == 0 && t.out.contains("from \\ to"))
    for ext in ["png", "svg", "pdf"] {
      let out = s.sub("chart.\(ext)")
      let r = try CLI.run(["chart", "bands", "--out", out] + base)
      #expect(r.status == 0, "\(r.err)")
      #expect((try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0 > 2000)
    }
    let bad = try CLI.run(["chart", "pie", "--out", s.sub("x.png")] + base)
    #expect(bad.status == 1 && bad.err.contains("unknown chart 'pie'"))
    let badGroup = try CLI.run(["show", "analysis", "--group", "tall"] + base)
    #expect(badGroup.status == 1 && badGroup.err.contains("unknown group 'tall'"))
  }
}
