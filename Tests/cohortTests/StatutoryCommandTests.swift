import CohortCore
import CohortStore
import Foundation
import Testing

/// `cohort export csv --what statutory` and `--what pupils --year` through the binary.
@Suite(.serialized) struct StatutoryCommandTests {
  @Test func statutoryResultsAndPupilsOfAYearExportAsCSV() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    #expect(try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs).status == 0)
    let folder = DataFolder(root: dir, author: Author(by: "t", device: "t"))
    let p = try #require(try folder.loadRoster("oakfield").pupils.first { $0.leftOn == nil && $0.upn != nil })
    let xml = """
      <CTfile><Header><CTFversion>26.0</CTFversion></Header><CTFpupilData>
      <Pupil><UPN>\(p.upn!)</UPN><Surname>\(p.surname.uppercased())</Surname><Forename>\(p.forename.uppercased())</Forename>
      <DOB>\(p.dob)</DOB><StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Year>2027</Year>
      <Subject>MAT</Subject><Method>TT</Method><Component>MTC</Component><ResultQualifier>MT</ResultQualifier>
      <Result>A</Result></StageAssessment></KeyStage></StageAssessments></Pupil></CTFpupilData></CTfile>
      """
    try Data(xml.utf8).write(to: URL(fileURLWithPath: s.sub("mtc.xml")))
    let imported = try CLI.run(["import", "ctf", s.sub("mtc.xml"), "--data", dir, "--school", "oakfield"])
    #expect(imported.status == 0, "\(imported.err)")
    let out = try CLI.run(["export", "csv", "--data", dir, "--what", "statutory", "--out", s.sub("s.csv")])
    #expect(out.status == 0, "\(out.err)")
    let lines = try String(contentsOfFile: s.sub("s.csv"), encoding: .utf8).split(separator: "\r\n")
    #expect(
      lines == ["upn,academic_year,kind,subject,component,result,meaning", "\(p.upn!),2026-27,mtc,MAT,MTC,A,absent"])
    #expect(try folder.loadRoster("oakfield").pupil(id: p.id)?.forename == p.forename, "not renamed in capitals")
    let pupils = try CLI.run([
      "export", "csv", "--data", dir, "--what", "pupils", "--year", "2025-26", "--out", s.sub("p.csv"),
    ])
    #expect(pupils.status == 0)
    let rows = try String(contentsOfFile: s.sub("p.csv"), encoding: .utf8).split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let row = try #require(rows.first { $0[0] == p.id })
    #expect(row[8] == Substring(p.yearGroup(in: AcademicYear(startYear: 2025)).ctfCode) && row[13] == "date of birth")
  }

  @Test func aTransferCTFOfTheChosenPupilsSaysWhatLeavesFirst() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    #expect(try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs).status == 0)
    let folder = DataFolder(root: dir, author: Author(by: "t", device: "t"))
    let two = try folder.loadRoster("oakfield").pupils.filter { $0.leftOn == nil }.prefix(2).map { $0.upn! }
    let args = [
      "export", "ctf", "--data", dir, "--what", "pupils", "--school", "oakfield", "--pupils",
      two.joined(separator: ","),
      "--to-la", "202", "--to-estab", "2001", "--out", s.sub("move.xml"),
    ]
    let refused = try CLI.run(args)
    #expect(refused.status == 1 && refused.err.contains("LA code and establishment number are not set"))
    #expect(refused.err.split(separator: "\n").count == 1 && !FileManager.default.fileExists(atPath: s.sub("move.xml")))
    #expect(
      try CLI.run(["school", "edit", "--data", dir, "--id", "oakfield", "--la", "202", "--estab", "3614"]).status == 0)
    let dry = try CLI.run(args + ["--dry-run"])
    #expect(dry.status == 0 && dry.out.contains("personal fields that leave: UPN, surname"), "\(dry.err)")
    #expect(!FileManager.default.fileExists(atPath: s.sub("move.xml")))
    let written = try CLI.run(args)
    #expect(written.status == 0, "\(written.err)")
    #expect(written.out.contains("to LA 202, establishment 2001") && written.out.contains("Wrote"))
    let (header, file) = try CTFReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: s.sub("move.xml")))))
    #expect(header.destEstab == "2001" && file.entries.map { $0.upn!.value } == two)
  }
}
