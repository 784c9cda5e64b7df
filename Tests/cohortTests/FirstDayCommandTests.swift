import CohortCore
import CohortStore
import Foundation
import Testing

/// A new trust's school made from its MIS's CTF, its pupils placed in two classes of one year
/// group, and who made each change as the device remembers them.
@Suite(.serialized) struct FirstDayCommandTests {
  let s = Scratch()
  var dir: String { s.sub("trust") }

  @discardableResult
  func run(_ args: String..., env: [String: String] = [:]) throws -> CLI.Result {
    try CLI.run(args + ["--data", dir], env: env)
  }

  func ctf(_ file: CTFFile = CTFFile()) throws -> String {
    let path = s.sub("mis-\(file.urn).xml")
    try file.xml.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  var folder: DataFolder { DataFolder(root: dir, author: Author(by: "t", device: "t")) }

  @Test func aCTFMakesItsSchoolFromTheHeaderAfterAPreview() throws {
    try run("init", "--trust", "Meadow Learning Trust")
    let file = try ctf()
    let preview = try run("import", "ctf", file, "--dry-run")
    #expect(preview.status == 0, "\(preview.err)")
    #expect(preview.out.contains("new school Meadow Primary (DfE 873/2001, URN 123456), made from the CTF's header"))
    #expect(try folder.loadTrust().schools.isEmpty, "a preview changes nothing")
    let applied = try run("import", "ctf", file)
    #expect(applied.status == 0, "\(applied.err)")
    let school = try #require(try folder.loadTrust().schools.first)
    #expect((school.id, school.la, school.estab, school.urn) == ("meadow-primary", "873", "2001", "123456"))
    #expect(try folder.loadRoster(school.id).pupils.count == 4)
    // The same file again finds the school by its numbers: nothing new.
    let again = try run("import", "ctf", file)
    let schools = try folder.loadTrust().schools.count
    #expect(again.out.contains("4 unchanged") && schools == 1, "\(again.out)")
  }

  @Test func aCTFFromAnotherSchoolIsRefusedNamingBoth() throws {
    try run("init", "--trust", "T")
    try run("school", "add", "--id", "ash", "--name", "Ash Primary", "--la", "873", "--estab", "2002")
    try run("import", "ctf", try ctf())
    let before = Scratch.snapshot(dir)
    let r = try run("import", "ctf", try ctf(), "--school", "ash")
    #expect(r.status == 1)
    #expect(r.err.contains("this CTF is from Meadow Primary") && r.err.contains("not Ash Primary"), "\(r.err)")
    #expect(Scratch.snapshot(dir) == before)
    let unknown = try run("import", "ctf", try ctf(CTFFile(urn: "999999")), "--school", "ash")
    #expect(unknown.status == 1 && unknown.err.contains("not Ash Primary"), "\(unknown.err)")
  }

  @Test func pupilsOfAYearWithTwoClassesWaitToBePlaced() throws {
    try run("init", "--trust", "T")
    try run("import", "ctf", try ctf())
    for name in ["3A", "3B"] {
      #expect(
        try run("class", "add", "--school", "meadow-primary", "--year", "2026-27", "--name", name, "--year-groups", "3")
          .status == 0)
    }
    let check = try run("check")
    #expect(check.status == 0 && check.out.contains("4 pupils on roll in 2026-27 in no class"), "\(check.out)")
    let list = try JSONSerialization.jsonObject(
      with: Data(try run("class", "list", "--school", "meadow-primary", "--year", "2026-27", "--json").out.utf8))
    let unplaced = try #require((list as? [String: Any])?["unplaced"] as? [[String: Any]])
    #expect(unplaced.count == 4)
    for (n, to) in [(1, "3a"), (2, "3a"), (3, "3b")] {
      let r = try run("class", "move", "--pupil", CTFFile.upn(n), "--to", "meadow-primary-\(to)", "--year", "2026-27")
      #expect(r.status == 0, "\(r.err)")
    }
    let y6 = try run("class", "move", "--pupil", CTFFile.upn(4), "--to", "meadow-primary-3b", "--year", "2026-27")
    #expect(y6.out.contains("Note: Ava Brown is in Year 6; 3B is Y3"), "a pupil outside the class's years is noted")
    #expect(
      try run(
        "set", "--pupil", CTFFile.upn(1), "--subject", "reading", "--year", "2026-27", "--half-term", "autumn2",
        "--code", "G"
      ).status == 0)
    // Moving Hannah to 3B: her code stays with 3A, which no longer lists her.
    #expect(
      try run("class", "move", "--pupil", CTFFile.upn(1), "--to", "meadow-primary-3b", "--year", "2026-27").status == 0)
    let a = try folder.loadClassYear(
      school: "meadow-primary", classID: "meadow-primary-3a", year: AcademicYear(startYear: 2026))
    let b = try folder.loadClassYear(
      school: "meadow-primary", classID: "meadow-primary-3b", year: AcademicYear(startYear: 2026))
    let hannah = try folder.findPupil(CTFFile.upn(1)).pupil.id
    #expect(!a.members.contains(hannah) && b.members.contains(hannah))
    #expect(a.code(pupil: hannah, subject: "reading", halfTerm: .autumn2) == "G")
    let after = try run("check")
    #expect(after.status == 0 && !after.out.contains("in no class"), "\(after.out)")
  }

  @Test func changesAreRecordedUnderTheNameTheDeviceRemembers() throws {
    try run("init", "--trust", "Meadow Learning Trust")
    let config = s.sub("config")
    try FileManager.default.createDirectory(atPath: config + "/cohort", withIntermediateDirectories: true)
    try #"{"people": {"meadow-learning-trust": "Ms A Patel"}}"#.write(
      toFile: config + "/cohort/settings.json", atomically: false, encoding: .utf8)
    try run("school", "add", "--id", "oak", "--name", "Oak", env: ["XDG_CONFIG_HOME": config])
    try run("school", "add", "--id", "elm", "--name", "Elm", "--by", "Mr B Jones", env: ["XDG_CONFIG_HOME": config])
    try run("school", "add", "--id", "ash", "--name", "Ash")
    let lines = try String(contentsOfFile: dir + "/journal/cli-test.jsonl", encoding: .utf8).split(separator: "\n")
    let by = try lines.map { try JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8)) }.filter {
      $0.event?.hasPrefix("added school") == true
    }.map(\.by)
    #expect(by == ["Ms A Patel", "Mr B Jones", "tester"])
  }

  @Test func aChildOfNurseryAgeThatYearIsNotAPupilToPlace() throws {
    try run("init", "--trust", "T")
    try run("import", "ctf", try ctf())
    var roster = try folder.loadRoster("meadow-primary")
    roster.pupils.append(
      Pupil(id: "meadow-primary-0099", forename: "Nia", surname: "Ode", dob: SchoolDate(year: 2022, month: 1, day: 5)!))
    try folder.saveRoster(roster)
    let setup = TrustSetup(folder: folder)
    let now = try setup.unplaced(school: "meadow-primary", year: AcademicYear(startYear: 2026)).map(\.id)
    #expect(now.contains("meadow-primary-0099"), "in Reception in 2026-27")
    let before = try setup.unplaced(school: "meadow-primary", year: AcademicYear(startYear: 2025)).map(\.id)
    #expect(
      !before.contains("meadow-primary-0099") && before.count == 4, "of Nursery age in 2025-26: not at school yet")
  }
}
