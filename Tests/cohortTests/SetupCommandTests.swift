import CohortCore
import CohortStore
import Foundation
import Testing

/// A trust's first day from the command line: `cohort init`, then schools, staff, classes,
/// term dates and subjects, and a CTF that makes its school; each bad input refused in one
/// line that names the field, with nothing changed.
@Suite(.serialized) struct SetupCommandTests {
  let s = Scratch()
  var dir: String { s.sub("trust") }

  @discardableResult
  func ok(_ args: String..., env: [String: String] = [:]) throws -> String {
    let r = try CLI.run(args + ["--data", dir], env: env)
    #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.err)")
    return r.out
  }

  /// Fails with one line that contains `message`, and leaves every file as it was.
  func refused(_ message: String, _ args: String...) throws {
    let before = Scratch.snapshot(dir)
    let r = try CLI.run(args + ["--data", dir])
    #expect(r.status == 1, "\(args.joined(separator: " ")) should fail")
    #expect(r.err.contains(message), "\(args.joined(separator: " ")): \(r.err)")
    #expect(r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
    #expect(Scratch.snapshot(dir) == before, "\(args.joined(separator: " ")) changed a file")
  }

  func json(_ args: String...) throws -> Any {
    let r = try CLI.run(args + ["--data", dir, "--json"])
    #expect(r.status == 0, "\(r.err)")
    return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
  }

  func newTrust() throws {
    try ok("init", "--trust", "Meadow Learning Trust")
    try ok(
      "school", "add", "--id", "meadow", "--name", "Meadow Primary", "--short", "Meadow", "--urn", "123456",
      "--la", "873", "--estab", "2001")
    try ok("staff", "add", "--name", "Ms A Patel", "--role", "teacher", "--school", "meadow")
  }

  @Test func schoolsAreAddedEditedListedAndRemoved() throws {
    try newTrust()
    try ok("school", "add", "--id", "ash", "--name", "Ash Church School")
    try ok("school", "edit", "--id", "ash", "--short", "Ash", "--urn", "654321")
    let rows = try #require(try json("school", "list") as? [[String: Any]])
    #expect(rows.map { $0["id"] as? String } == ["meadow", "ash"])
    #expect(rows[0]["la"] as? String == "873" && rows[0]["estab"] as? String == "2001")
    #expect(rows[1]["shortName"] as? String == "Ash" && rows[1]["urn"] as? String == "654321")
    let school = try DataFolder(root: dir, author: Author(by: "t", device: "t")).loadSchool("ash")
    #expect(school.urn == "654321", "the school's own document follows the edit")
    try ok("school", "remove", "--id", "ash")
    #expect((try json("school", "list") as? [[String: Any]])?.count == 1)
    let journal = try String(contentsOfFile: dir + "/journal/cli-test.jsonl", encoding: .utf8)
    #expect(journal.contains("added school Ash Church School") && journal.contains("removed school Ash Church School"))
  }

  @Test func badSchoolInputIsRefusedInOneLineNamingTheField() throws {
    try newTrust()
    try refused("school id 'meadow' is already Meadow Primary", "school", "add", "--id", "meadow", "--name", "Again")
    try refused("URN '12345' is not valid", "school", "add", "--id", "b", "--name", "B", "--urn", "12345")
    try refused(
      "LA code '87' is not valid", "school", "add", "--id", "b", "--name", "B", "--la", "87", "--estab", "2002")
    try refused(
      "establishment number '20x1' is not valid", "school", "add", "--id", "b", "--name", "B", "--la", "873",
      "--estab", "20x1")
    try refused("go together", "school", "add", "--id", "b", "--name", "B", "--la", "873")
    try refused(
      "URN 123456 is already Meadow Primary's", "school", "add", "--id", "b", "--name", "B", "--urn", "123456")
    try refused("school id 'Bad Id' is not valid", "school", "add", "--id", "Bad Id", "--name", "B")
    try refused("no school 'nowhere'", "school", "edit", "--id", "nowhere", "--name", "X")
  }

  @Test func aSchoolWithPupilsCannotBeRemoved() throws {
    try newTrust()
    try ok("import", "ctf", try ctf(), "--school", "meadow")
    try refused("Meadow Primary still holds 4 pupils", "school", "remove", "--id", "meadow")
  }

  @Test func classesAreAddedEditedListedAndRemoved() throws {
    try newTrust()
    let out = try ok(
      "class", "add", "--school", "meadow", "--year", "2026-27", "--name", "Oak", "--year-groups", "3,4",
      "--teacher", "ms a patel")
    #expect(out.contains("Oak (Y3/4)") && out.contains("meadow-oak"))
    try ok("class", "add", "--school", "meadow", "--year", "2026-27", "--name", "Elm", "--year-groups", "5")
    try ok("class", "edit", "--class", "meadow-elm", "--year", "2026-27", "--name", "Elm Class", "--year-groups", "5,6")
    let list = try #require(try json("class", "list", "--school", "meadow", "--year", "2026-27") as? [String: Any])
    let classes = try #require(list["classes"] as? [[String: Any]])
    #expect(classes.map { $0["name"] as? String } == ["Oak", "Elm Class"])
    #expect(classes[0]["teachers"] as? [String] == ["Ms A Patel"])
    #expect(classes[1]["yearGroups"] as? [String] == ["Y5", "Y6"])
    try ok("class", "remove", "--class", "meadow-elm", "--year", "2026-27")
    let after = try #require(try json("class", "list", "--school", "meadow", "--year", "2026-27") as? [String: Any])
    #expect((after["classes"] as? [[String: Any]])?.count == 1)
  }

  @Test func badClassInputIsRefused() throws {
    try newTrust()
    try ok("class", "add", "--school", "meadow", "--year", "2026-27", "--name", "Oak", "--year-groups", "3")
    try refused(
      "no year group given", "class", "add", "--school", "meadow", "--year", "2026-27", "--name", "A", "--year-groups",
      "")
    try refused(
      "already has a class Oak", "class", "add", "--school", "meadow", "--year", "2026-27", "--name", "oak",
      "--year-groups", "3")
    try refused(
      "no one called 'Mr Nobody'", "class", "add", "--school", "meadow", "--year", "2026-27", "--name", "B",
      "--year-groups", "3", "--teacher", "Mr Nobody")
    try refused(
      "Year 8 is not a primary year group", "class", "add", "--school", "meadow", "--year", "2026-27", "--name", "B",
      "--year-groups", "8")
    try refused(
      "'2026/27' is not an academic year", "class", "add", "--school", "meadow", "--year", "2026/27", "--name", "B",
      "--year-groups", "3")
    try ok("import", "ctf", try ctf(), "--school", "meadow")
    try refused("Oak still has 3 pupils in 2026-27", "class", "remove", "--class", "meadow-oak", "--year", "2026-27")
  }

  @Test func staffAreAddedListedAndRemoved() throws {
    try newTrust()
    try ok("staff", "add", "--name", "Mr B Jones", "--role", "leader")
    let staff = try #require(try json("staff", "list") as? [[String: Any]])
    #expect(staff.map { $0["name"] as? String } == ["Ms A Patel", "Mr B Jones"])
    #expect(staff[1]["role"] as? String == "leader")
    try refused("Mr B Jones is already on the staff", "staff", "add", "--name", "mr b jones")
    try refused("unknown role 'boss'", "staff", "add", "--name", "C", "--role", "boss")
    try refused("no school 'elsewhere'", "staff", "add", "--name", "C", "--school", "elsewhere")
    try ok("staff", "remove", "--name", "Mr B Jones")
    try refused("no one called 'Mr B Jones'", "staff", "remove", "--name", "Mr B Jones")
  }

  @Test func termDatesAreSetShownAndChecked() throws {
    try newTrust()
    let usual = try #require(try json("terms", "show", "--year", "2026-27") as? [String: Any])
    #expect(usual["set"] as? Bool == false)
    try ok(
      "terms", "set", "--year", "2026-27", "--starts",
      "03/09/2026,02/11/2026,05/01/2027,22/02/2027,12/04/2027,07/06/2027")
    let set = try #require(try json("terms", "show", "--year", "2026-27") as? [String: Any])
    let starts = (set["halfTerms"] as? [[String: String]])?.map { $0["starts"] }
    #expect(starts == ["2026-09-03", "2026-11-02", "2027-01-05", "2027-02-22", "2027-04-12", "2027-06-07"])
    try refused(
      "out of order", "terms", "set", "--year", "2026-27", "--starts",
      "03/09/2026,02/11/2026,05/01/2027,22/02/2027,12/02/2027,07/06/2027")
    try refused(
      "outside 2026-27", "terms", "set", "--year", "2026-27", "--starts",
      "03/09/2025,02/11/2026,05/01/2027,22/02/2027,12/04/2027,07/06/2027")
    try refused("need six first days", "terms", "set", "--year", "2026-27", "--starts", "03/09/2026,02/11/2026")
  }

  @Test func subjectsAndTheCodeScheme() throws {
    try newTrust()
    try ok("trust", "add-subject", "--name", "Science", "--year-groups", "1,2,3,4,5,6")
    try ok("trust", "edit-subject", "--subject", "science", "--name", "Science and Nature")
    try refused("there is already a subject Reading", "trust", "add-subject", "--name", "reading")
    try ok("trust", "set", "--code-scheme", "wts-exs-gds")
    var shown = try #require(try json("trust", "show") as? [String: Any])
    #expect(shown["codeScheme"] as? String == "wts-exs-gds")
    try ok("trust", "set", "--code-scheme", "ygp")
    try ok("class", "add", "--school", "meadow", "--year", "2026-27", "--name", "Ash", "--year-groups", "6")
    try ok("import", "ctf", try ctf(), "--school", "meadow")
    try ok(
      "set", "--pupil", CTFFile.upn(4), "--subject", "science", "--year", "2026-27", "--half-term", "autumn1", "--code",
      "G")
    try refused("1 judgement uses codes of the scheme in use (ygp)", "trust", "set", "--code-scheme", "wts-exs-gds")
    try ok("trust", "edit-subject", "--subject", "science", "--retire")
    shown = try #require(try json("trust", "show") as? [String: Any])
    let subjects = try #require(shown["subjects"] as? [[String: Any]])
    #expect(subjects.last?["retired"] as? Bool == true && subjects.last?["name"] as? String == "Science and Nature")
    let grid = try ok("show", "--class", "meadow-ash", "--year", "2026-27", "--half-term", "autumn1")
    #expect(!grid.contains("Science"), "a retired subject leaves the grid")
    let history = try ok("history", "--pupil", CTFFile.upn(4))
    #expect(history.contains("science") && history.contains("G"), "its codes stay in history: \(history)")
    try refused(
      "Science and Nature is retired", "set", "--pupil", CTFFile.upn(4), "--subject", "science", "--year", "2026-27",
      "--half-term", "autumn2", "--code", "G")
    try ok("trust", "edit-subject", "--subject", "science", "--restore", "--year-groups", "1,2")
    try refused(
      "Science and Nature is judged in Y1, Y2 only", "set", "--pupil", CTFFile.upn(4), "--subject", "science",
      "--year", "2026-27", "--half-term", "autumn2", "--code", "G")
  }

  func ctf(la: String = "873", estab: String = "2001", urn: String = "123456", name: String = "Meadow Primary") throws
    -> String
  {
    let path = s.sub("mis-\(la)-\(estab)-\(urn).xml")
    try CTFFile(la: la, estab: estab, urn: urn, name: name).xml.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }
}

@Suite struct PluginInUseTests {
  @Test func aPluginTheTrustsDataUsesCannotBeSwitchedOff() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    #expect(try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs).status == 0)
    let before = Scratch.snapshot(dir)
    let scheme = try CLI.run(["plugins", "disable", "scheme.ygp", "--data", dir])
    #expect(
      scheme.status == 1 && scheme.err.contains("the trust's code scheme, Yellow / Green / Purple, which"),
      "\(scheme.err)")
    let test = try CLI.run(["plugins", "disable", "test.nfer-reading", "--data", dir])
    #expect(test.status == 1 && test.err.contains("scores are of its tests"), "\(test.err)")
    #expect(Scratch.snapshot(dir) == before, "nothing changed")
    #expect(
      try CLI.run(["plugins", "disable", "scheme.wts-exs-gds", "--data", dir]).status == 0, "an unused scheme can go")
  }
}
