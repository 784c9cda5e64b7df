import CohortCore
import CohortStore
import Foundation
import Testing

/// Statutory results from a results-only CTF beside national figures (the trust's own file
/// wins), and the meeting rules through the binary, on a trust made from a CTF.
@Suite(.serialized) struct StatutoryMeetingCommandTests {
  /// KS2 for Ava (Year 6) and the MTC for the three Year 3 pupils, as DfE's services write them.
  func results(_ t: CTFTrust) throws -> String {
    func pupil(_ n: Int, _ results: [(String, String, String, String?, String)]) -> String {
      let p = CTFFile.pupils[n - 1]
      var x = "<Pupil><UPN>\(CTFFile.upn(n))</UPN><Surname>\(p.1.uppercased())</Surname>"
      x += "<Forename>\(p.0.uppercased())</Forename><DOB>\(p.2)</DOB><StageAssessments><KeyStage><Stage>KS2</Stage>"
      for (subject, method, _, component, result) in results {
        x += "<StageAssessment><Year>2027</Year><Subject>\(subject)</Subject><Method>\(method)</Method>"
        if let component { x += "<Component>\(component)</Component>" }
        x += "<Result>\(result)</Result></StageAssessment>"
      }
      return x + "</KeyStage></StageAssessments></Pupil>"
    }
    let ks2 = pupil(
      4, [("ENG", "TT", "", "RD", "104"), ("ENG", "TA", "", "WRIT", "EXS"), ("MAT", "TT", "", nil, "111")])
    let mtc = [(1, "25"), (2, "20"), (3, "A")].map { pupil($0.0, [("MAT", "TT", "", "MTC", $0.1)]) }
    let xml = """
      <CTfile><Header><CTFversion>26.0</CTFversion></Header><CTFpupilData>
      \(([ks2] + mtc).joined(separator: "\n"))
      </CTFpupilData></CTfile>
      """
    let path = t.s.sub("results.xml")
    try xml.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  @Test func statutoryResultsByMeasureWithNBesideNationalFigures() throws {
    let t = try CTFTrust()
    let imported = try t.run("import", "ctf", try results(t), "--school", CTFTrust.school)
    #expect(imported.status == 0, "\(imported.err)")
    let out = try t.json("show", "statutory", "--scope", "school:\(CTFTrust.school)", "--year", "2026-27")
    let summary = try #require(out["summary"] as? [String: Any])
    let rows = try #require(summary["rows"] as? [[String: Any]])
    let all = try #require(rows.first { $0["group"] as? String == "all pupils" })
    #expect(all["schoolName"] as? String == "Meadow Primary")
    let figures = Dictionary(
      uniqueKeysWithValues: (all["figures"] as? [[String: Any]] ?? []).map { ($0["measure"] as! String, $0) })
    #expect(figures["ks2-rwm-expected"]?["n"] as? Int == 1 && figures["ks2-rwm-expected"]?["value"] as? Double == 100)
    #expect(figures["ks2-rwm-high"]?["met"] as? Int == 0 && figures["ks2-maths-high"]?["met"] as? Int == 1)
    #expect(figures["mtc-mean"]?["n"] as? Int == 2 && figures["mtc-mean"]?["value"] as? Double == 22.5)
    #expect(figures["mtc-full-marks"]?["value"] as? Double == 50)
    #expect(figures["phonics-y1"] == nil, "no phonics results: no phonics figure")
    let national = try #require(summary["national"] as? [[String: Any]])
    let rwm = try #require(national.first { $0["measure"] as? String == "ks2-rwm-expected" })
    #expect(rwm["year"] as? String == "2023-24" && (rwm["publication"] as? String)?.contains("Key stage 2") == true)
    var text = try t.run("show", "statutory", "--scope", "school:\(CTFTrust.school)", "--year", "2026-27")
    #expect(text.out.contains("KS2 reading, writing and maths combined, expected standard (national 61% (2023-24))"))
    #expect(text.out.contains("100% of 1 pupil") && text.out.contains("22.5 from 2 pupils"))
    // A trust corrects a national figure with a file of its own: it wins over the built-in one.
    let plugin = """
      {"format": 1, "manifest": {"api": 1, "id": "trust.national", "name": "Our national figures", "version": "1",
       "provides": ["national-figures"]},
       "nationalFigures": {"source": "checked by the trust", "figures": [
         {"measure": "ks2-rwm-expected", "year": "2023-24", "value": 62, "publication": "DfE, revised"}]}}
      """
    try FileManager.default.createDirectory(atPath: t.dir + "/plugins", withIntermediateDirectories: true)
    try plugin.write(toFile: t.dir + "/plugins/national.json", atomically: false, encoding: .utf8)
    text = try t.run("show", "statutory", "--scope", "trust", "--year", "2026-27")
    #expect(text.out.contains("expected standard (national 62% (2023-24))"), "\(text.out)")
    #expect(text.out.contains("Meadow Learning Trust, results of 2026-27"))
    let none = try t.run("show", "statutory", "--scope", "trust", "--year", "2025-26")
    #expect(none.out.contains("No statutory results for 2025-26 have been imported."))
    let bad = try t.run("show", "statutory", "--scope", "class:\(CTFTrust.school)-3a", "--year", "2026-27")
    #expect(bad.status == 1 && bad.err.contains("statutory results are by school"))
  }

  @Test func anActionWithPupilsMustBeAnInterventionAndAReviewNeedsAnImpact() throws {
    let t = try CTFTrust()
    let meeting = ["--class", "\(CTFTrust.school)-3a", "--year", "2026-27", "--half-term", "autumn2"]
    let before = Scratch.snapshot(t.dir)
    let teaching = try t.run(
      [
        "meeting", "add-action", "--kind", "teaching", "--pupils", CTFFile.upn(2), "--description", "Phonics",
        "--owner", "Ms Patel",
      ] + meeting)
    #expect(teaching.status == 1)
    #expect(teaching.err.contains("Future teaching is for the whole class, so it names no pupils"), "\(teaching.err)")
    #expect(Scratch.snapshot(t.dir) == before, "nothing saved")
    let added = try t.run(
      [
        "meeting", "add-action", "--kind", "intervention", "--pupils", "\(CTFFile.upn(1)),\(CTFFile.upn(2))",
        "--subject", "reading", "--description", "Reading catch-up", "--owner", "Ms Patel", "--due", "spring1",
      ]
        + meeting)
    #expect(added.status == 0, "\(added.err)")
    let id = added.out.trimmingCharacters(in: .whitespacesAndNewlines)
    let spring = ["--class", "\(CTFTrust.school)-3a", "--year", "2026-27", "--half-term", "spring1"]
    let noImpact = try t.run(["meeting", "review", "--action", id] + spring)
    #expect(noImpact.status != 0 && noImpact.err.contains("--impact"), "\(noImpact.err)")
    let shown = try t.run(["meeting", "show"] + spring)
    #expect(shown.out.contains("impact: None of the 2 pupils has a code before and after yet"), "\(shown.out)")
    #expect(shown.out.contains("Too few pupils to tell.") && !shown.out.contains("n="))
    let pack = t.s.sub("pack.pdf")
    #expect(
      try t.run(["report", "class-pack", "--scope", "class:\(CTFTrust.school)-3a", "--out", pack] + spring.suffix(4))
        .status == 0)
    let all = try Tool.run("/usr/bin/pdftotext", ["-layout", pack, "-"])
    #expect(all.contains("too few pupils to tell") && all.contains("Pupils to look at"))
  }
}
